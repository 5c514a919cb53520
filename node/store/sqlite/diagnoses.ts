/** Stored diagnoses of recordings, in SQLite. */
import type { DatabaseSync } from 'node:sqlite';
import type { StoredDiagnosis, VerdictSummary } from '../../../shared/api/contract.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { NotFoundError } from '../errors.ts';
import { newStoredDiagnosis } from '../newRows.ts';
import { storing } from '../../files/diskFull.ts';
import type { DiagnosisStore } from '../types.ts';
import { assertRow, json, text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';
import { sqliteReviewQueue } from './reviewQueue.ts';
import { toVerdict, rankedDiagnoses, verdictFields } from './verdicts.ts';

const COLUMNS =
  'id, recording_id, machine_id, baseline_id, report, created_at, start_seconds, end_seconds';

function toStored(row: Row): StoredDiagnosis {
  const start = row.start_seconds;
  const end = row.end_seconds;
  return {
    id: text(row, 'id'),
    recordingId: text(row, 'recording_id'),
    machineId: text(row, 'machine_id'),
    baselineId: textOrNull(row, 'baseline_id'),
    createdAt: text(row, 'created_at'),
    report: json<DiagnosisReport>(row, 'report'),
    region:
      typeof start === 'number' && typeof end === 'number'
        ? { startSeconds: start, endSeconds: end }
        : null,
  };
}

export function sqliteDiagnoses(db: DatabaseSync, clock: Clock): Synchronous<DiagnosisStore> {
  return {
    insert(diagnosis) {
      const stored = newStoredDiagnosis(diagnosis, clock);
      const reportJson = JSON.stringify(stored.report);
      storing(reportJson.length, () =>
        db
          .prepare(
            `INSERT INTO diagnoses (id, recording_id, machine_id, baseline_id, report, created_at,
           updated_at, start_seconds, end_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            stored.id,
            stored.recordingId,
            stored.machineId,
            diagnosis.baselineId,
            reportJson,
            stored.createdAt,
            stored.createdAt,
            stored.region?.startSeconds ?? null,
            stored.region?.endSeconds ?? null,
          ),
      );
      return stored;
    },
    list(recordingId) {
      assertRow(db, 'recordings', 'recording', recordingId);
      return db
        .prepare(
          `SELECT ${COLUMNS} FROM diagnoses WHERE recording_id = ?
           ORDER BY created_at DESC, rowid DESC`,
        )
        .all(recordingId)
        .map(toStored);
    },
    latestByMachine(machineId) {
      assertRow(db, 'machines', 'machine', machineId);
      const rows = db
        .prepare(
          `WITH ranked AS (${rankedDiagnoses('recording_id', 'WHERE machine_id = ?')})
           SELECT ${verdictFields('d')} FROM ranked k
           JOIN diagnoses d ON d.id = k.id JOIN recordings r ON r.id = k.recording_id
           WHERE k.v_rank = 1 ORDER BY r.created_at, r.rowid`,
        )
        .all(machineId);
      return rows.map((row) => toVerdict(row) as VerdictSummary);
    },
    awaitingReview: (query) => sqliteReviewQueue(db, query),
    listByMachine(machineId) {
      assertRow(db, 'machines', 'machine', machineId);
      return db
        .prepare(`SELECT ${COLUMNS} FROM diagnoses WHERE machine_id = ? ORDER BY created_at, rowid`)
        .all(machineId)
        .map(toStored);
    },
    get(diagnosisId) {
      const row = db.prepare(`SELECT ${COLUMNS} FROM diagnoses WHERE id = ?`).get(diagnosisId);
      if (!row) throw new NotFoundError('diagnosis', diagnosisId);
      return toStored(row);
    },
  };
}
