/** Reviews: bundles of other libraries opened here, in PostgreSQL (node/store/types.ts). */
import { NotFoundError } from '../errors.ts';
import { reviewFromRow } from '../reviewRows.ts';
import type { Clock, ReviewStore } from '../types.ts';
import { assertRow, iso, rowVersion } from './sql.ts';
import type { Row, Sql } from './sql.ts';

const SELECT = `SELECT rv.*, m.name AS machine_name FROM reviews rv
  JOIN machines m ON m.id = rv.machine_id`;

// jsonb arrives parsed.
const read = (row: Row) => reviewFromRow(row, iso, (value) => value);

export function postgresReviews(sql: Sql, clock: Clock): ReviewStore {
  return {
    async insert(review) {
      await assertRow(sql, 'machines', 'machine', review.machineId);
      const at = clock.now().toISOString();
      const { rowCount } = await sql.query(
        `INSERT INTO reviews (id, machine_id, sender_name, sent_at, bundle_name, recording_ids,
           notes, adopted_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $8) ON CONFLICT (id) DO NOTHING`,
        [
          review.id,
          review.machineId,
          review.senderName,
          review.sentAt,
          review.bundleName,
          JSON.stringify(review.recordingIds),
          JSON.stringify(review.notes),
          at,
        ],
      );
      return rowCount === 1;
    },
    async list() {
      const { rows } = await sql.query(`${SELECT} ORDER BY rv.created_at DESC, rv.seq DESC`);
      return rows.map(read);
    },
    async get(reviewId) {
      const { rows } = await sql.query(`${SELECT} WHERE rv.id = $1`, [reviewId]);
      if (rows.length === 0) throw new NotFoundError('review', reviewId);
      return read(rows[0]);
    },
    async isReviewOnly(machineId) {
      const { rows } = await sql.query(
        'SELECT 1 FROM reviews WHERE machine_id = $1 AND adopted_at IS NULL',
        [machineId],
      );
      return rows.length > 0;
    },
    async adopt(machineId) {
      const { rows } = await sql.query('SELECT 1 FROM reviews WHERE machine_id = $1', [machineId]);
      if (rows.length === 0) {
        throw new NotFoundError('review', machineId, `no review holds the machine "${machineId}"`);
      }
      const at = clock.now().toISOString();
      await sql.query(
        `UPDATE reviews SET adopted_at = $1, updated_at = $1, version = version + 1
         WHERE machine_id = $2 AND adopted_at IS NULL`,
        [at, machineId],
      );
    },
    version: (reviewId) => rowVersion(sql, 'reviews', 'review', reviewId),
  };
}
