/**
 * The experts' queue in SQLite: the newest diagnosis of each recording that no expert has
 * judged yet, abnormal or unusable first, newest first, by keyset pages (as the PostgreSQL
 * store's node/store/postgres/reviewQueue.ts). A laptop has no plants: plantName is null.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { VerdictSummary } from '../../../shared/api/contract.ts';
import type { ReviewQueueQuery, ReviewQueueRows } from '../types.ts';
import { keysetPage, queueItemFromRow, queueKeyFromRow } from '../pageRows.ts';
import type { Row } from './rows.ts';
import { toVerdict, verdictFields } from './verdicts.ts';

/** 0 for a diagnosis that found something or could not judge (an expert looks first), else 1. */
const PRIORITY = `CASE WHEN json_extract(d.report, '$.anomalous') = 1
  OR json_extract(d.report, '$.input.usable') = 0 THEN 0 ELSE 1 END`;

const toItem = (row: Row) => queueItemFromRow(row, String, toVerdict(row) as VerdictSummary);
const toKey = (row: Row) => queueKeyFromRow(row, String);

export function sqliteReviewQueue(db: DatabaseSync, query: ReviewQueueQuery): ReviewQueueRows {
  const params: SQLInputValue[] = [];
  const machines =
    query.machineIds === null ? '' : 'AND d0.machine_id IN (SELECT value FROM json_each(?))';
  if (query.machineIds !== null) params.push(JSON.stringify(query.machineIds));
  let after = '';
  if (query.after !== null) {
    const { priority, createdAt, diagnosisId } = query.after;
    after = `WHERE q.priority > ? OR (q.priority = ? AND (q.v_created_at < ?
      OR (q.v_created_at = ? AND q.v_id < ?)))`;
    params.push(priority, priority, createdAt, createdAt, diagnosisId);
  }
  params.push(query.limit + 1);
  const rows = db
    .prepare(
      `WITH ranked AS (
         SELECT d0.id, row_number() OVER (PARTITION BY d0.recording_id
           ORDER BY d0.created_at DESC, d0.rowid DESC) AS v_rank
         FROM diagnoses d0
         WHERE d0.recording_id NOT IN (SELECT recording_id FROM expert_verdicts)
           ${machines}),
       q AS (
         SELECT ${verdictFields('d')}, ${PRIORITY} AS priority, d.machine_id
         FROM ranked k JOIN diagnoses d ON d.id = k.id WHERE k.v_rank = 1)
       SELECT q.*, m.name AS machine_name, r.name AS recording_name
       FROM q JOIN machines m ON m.id = q.machine_id JOIN recordings r ON r.id = q.v_recording_id
       ${after}
       ORDER BY q.priority, q.v_created_at DESC, q.v_id DESC LIMIT ?`,
    )
    .all(...params);
  return keysetPage(rows, query.limit, toItem, toKey);
}
