/** Baselines, in PostgreSQL: a machine's current baseline is its latest. */
import type { BaselineSummary } from '../../../shared/api/contract.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import type { Clock } from '../types.ts';
import type { BaselineStore } from '../types.ts';
import { iso } from './sql.ts';
import type { Row, Sql } from './sql.ts';

/** Summary columns read out of the JSON by the database: the ~300 kB signature stays there. */
const SUMMARY_COLUMNS = `id, machine_id, created_at, recording_ids,
  (signature -> 'threshold') AS threshold, (signature -> 'sources') AS sources`;

const LATEST = 'WHERE machine_id = $1 ORDER BY created_at DESC, seq DESC LIMIT 1';

function toSummary(row: Row): BaselineSummary {
  return {
    id: String(row.id),
    machineId: String(row.machine_id),
    createdAt: iso(row.created_at),
    threshold: Number(row.threshold),
    recordingIds: row.recording_ids as string[],
    sources: row.sources as BaselineSummary['sources'],
  };
}

/** The machine's current baseline without its signature, or null (machines.get uses it too). */
export async function currentBaselineSummary(
  sql: Sql,
  machineId: string,
): Promise<BaselineSummary | null> {
  const { rows } = await sql.query(`SELECT ${SUMMARY_COLUMNS} FROM baselines ${LATEST}`, [
    machineId,
  ]);
  return rows.length > 0 ? toSummary(rows[0]) : null;
}

export function postgresBaselines(sql: Sql, clock: Clock): BaselineStore {
  return {
    currentSummary: (machineId) => currentBaselineSummary(sql, machineId),
    async current(machineId) {
      const { rows } = await sql.query(
        `SELECT ${SUMMARY_COLUMNS}, signature FROM baselines ${LATEST}`,
        [machineId],
      );
      if (rows.length === 0) return null;
      return { summary: toSummary(rows[0]), signature: rows[0].signature as BaselineSignature };
    },
    async insert(machineId, signature, recordingIds) {
      const id = clock.newId();
      const { rows } = await sql.query(
        `INSERT INTO baselines (id, machine_id, signature, recording_ids, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING ${SUMMARY_COLUMNS}`,
        [id, machineId, JSON.stringify(signature), JSON.stringify(recordingIds), clock.now()],
      );
      return toSummary(rows[0]);
    },
  };
}
