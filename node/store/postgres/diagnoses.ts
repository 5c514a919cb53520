/** Stored diagnoses of recordings, in PostgreSQL. */
import type { StoredDiagnosis, VerdictSummary } from '../../../shared/api/contract.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { NotFoundError } from '../errors.ts';
import { newStoredDiagnosis } from '../newRows.ts';
import type { Clock } from '../types.ts';
import type { DiagnosisStore } from '../types.ts';
import { postgresReviewQueue } from './reviewQueue.ts';
import { assertRow, iso } from './sql.ts';
import type { Row, Sql } from './sql.ts';
import { rankedDiagnoses, toVerdict, verdictFields } from './verdicts.ts';

const COLUMNS =
  'id, recording_id, machine_id, baseline_id, report, created_at, start_seconds, end_seconds';

function toStored(row: Row): StoredDiagnosis {
  const start = row.start_seconds;
  const end = row.end_seconds;
  return {
    id: String(row.id),
    recordingId: String(row.recording_id),
    machineId: String(row.machine_id),
    baselineId: row.baseline_id === null ? null : String(row.baseline_id),
    createdAt: iso(row.created_at),
    report: row.report as DiagnosisReport,
    region:
      typeof start === 'number' && typeof end === 'number'
        ? { startSeconds: start, endSeconds: end }
        : null,
  };
}

export function postgresDiagnoses(sql: Sql, clock: Clock): DiagnosisStore {
  return {
    async insert(diagnosis) {
      const stored = newStoredDiagnosis(diagnosis, clock);
      await sql.query(
        `INSERT INTO diagnoses (id, recording_id, machine_id, baseline_id, report, created_at,
           updated_at, start_seconds, end_seconds) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
        [
          stored.id,
          stored.recordingId,
          stored.machineId,
          stored.baselineId,
          JSON.stringify(stored.report),
          stored.createdAt,
          stored.region?.startSeconds ?? null,
          stored.region?.endSeconds ?? null,
        ],
      );
      return stored;
    },
    async list(recordingId) {
      await assertRow(sql, 'recordings', 'recording', recordingId);
      const { rows } = await sql.query(
        `SELECT ${COLUMNS} FROM diagnoses WHERE recording_id = $1 ORDER BY created_at DESC, seq DESC`,
        [recordingId],
      );
      return rows.map(toStored);
    },
    async latestByMachine(machineId) {
      await assertRow(sql, 'machines', 'machine', machineId);
      const { rows } = await sql.query(
        `WITH ranked AS (${rankedDiagnoses('recording_id', 'WHERE machine_id = $1')})
         SELECT ${verdictFields('d')} FROM ranked k
         JOIN diagnoses d ON d.id = k.id JOIN recordings r ON r.id = k.recording_id
         WHERE k.v_rank = 1 ORDER BY r.created_at, r.seq`,
        [machineId],
      );
      return rows.map((row) => toVerdict(row) as VerdictSummary);
    },
    async listByMachine(machineId) {
      await assertRow(sql, 'machines', 'machine', machineId);
      const { rows } = await sql.query(
        `SELECT ${COLUMNS} FROM diagnoses WHERE machine_id = $1 ORDER BY created_at, seq`,
        [machineId],
      );
      return rows.map(toStored);
    },
    awaitingReview: (query) => postgresReviewQueue(sql, query),
    async get(diagnosisId) {
      const { rows } = await sql.query(`SELECT ${COLUMNS} FROM diagnoses WHERE id = $1`, [
        diagnosisId,
      ]);
      if (rows.length === 0) throw new NotFoundError('diagnosis', diagnosisId);
      return toStored(rows[0]);
    },
  };
}
