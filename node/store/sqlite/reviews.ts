/** Reviews: bundles of other libraries opened here, in SQLite (node/store/types.ts). */
import type { DatabaseSync } from 'node:sqlite';
import { NotFoundError } from '../errors.ts';
import { reviewFromRow } from '../reviewRows.ts';
import type { ReviewStore } from '../types.ts';
import { assertRow, hasRow, rowVersion } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';

const SELECT = `SELECT rv.*, m.name AS machine_name FROM reviews rv
  JOIN machines m ON m.id = rv.machine_id`;

const read = (row: Record<string, unknown>) =>
  reviewFromRow(row, String, (value) => JSON.parse(String(value)));

export function sqliteReviews(db: DatabaseSync, clock: Clock): Synchronous<ReviewStore> {
  return {
    insert(review) {
      assertRow(db, 'machines', 'machine', review.machineId);
      if (hasRow(db, 'reviews', review.id)) return false;
      const at = clock.now().toISOString();
      db.prepare(
        `INSERT INTO reviews (id, machine_id, sender_name, sent_at, bundle_name, recording_ids,
           notes, adopted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      ).run(
        review.id,
        review.machineId,
        review.senderName,
        review.sentAt,
        review.bundleName,
        JSON.stringify(review.recordingIds),
        JSON.stringify(review.notes),
        at,
        at,
      );
      return true;
    },
    list: () =>
      db
        .prepare(`${SELECT} ORDER BY rv.created_at DESC, rv.rowid DESC`)
        .all()
        .map((row) => read(row)),
    get(reviewId) {
      const row = db.prepare(`${SELECT} WHERE rv.id = ?`).get(reviewId);
      if (!row) throw new NotFoundError('review', reviewId);
      return read(row);
    },
    isReviewOnly: (machineId) =>
      db
        .prepare('SELECT 1 FROM reviews WHERE machine_id = ? AND adopted_at IS NULL')
        .get(machineId) !== undefined,
    adopt(machineId) {
      if (!db.prepare('SELECT 1 FROM reviews WHERE machine_id = ?').get(machineId)) {
        throw new NotFoundError('review', machineId, `no review holds the machine "${machineId}"`);
      }
      const at = clock.now().toISOString();
      db.prepare(
        `UPDATE reviews SET adopted_at = ?, updated_at = ?, version = version + 1
         WHERE machine_id = ? AND adopted_at IS NULL`,
      ).run(at, at, machineId);
    },
    version: (reviewId) => rowVersion(db, 'reviews', 'review', reviewId),
  };
}
