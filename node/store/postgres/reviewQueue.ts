/**
 * The experts' queue in PostgreSQL: the newest diagnosis of each recording that no expert has
 * judged yet, abnormal or unusable first, newest first, by keyset pages (as the SQLite store's
 * node/store/sqlite/reviewQueue.ts).
 */
import type { VerdictSummary } from '../../../shared/api/contract.ts';
import type { ReviewQueueQuery, ReviewQueueRows } from '../types.ts';
import { keysetPage, queueItemFromRow, queueKeyFromRow } from '../pageRows.ts';
import { iso } from './sql.ts';
import type { Row, Sql } from './sql.ts';
import { toVerdict, verdictFields } from './verdicts.ts';

/** 0 for a diagnosis that found something or could not judge (an expert looks first), else 1. */
const PRIORITY = `CASE WHEN (d.report -> 'anomalous') = 'true'::jsonb
  OR (d.report #> '{input,usable}') = 'false'::jsonb THEN 0 ELSE 1 END`;

const toItem = (row: Row) => queueItemFromRow(row, iso, toVerdict(row) as VerdictSummary);
const toKey = (row: Row) => queueKeyFromRow(row, iso);

export async function postgresReviewQueue(
  sql: Sql,
  query: ReviewQueueQuery,
): Promise<ReviewQueueRows> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const machines =
    query.machineIds === null ? '' : `AND d0.machine_id = ANY(${param(query.machineIds)})`;
  let after = '';
  if (query.after !== null) {
    const p = param(query.after.priority);
    const at = param(query.after.createdAt);
    const id = param(query.after.diagnosisId);
    after = `WHERE q.priority > ${p} OR (q.priority = ${p} AND (q.v_created_at < ${at}
      OR (q.v_created_at = ${at} AND q.v_id < ${id})))`;
  }
  const limit = param(query.limit + 1);
  const { rows } = await sql.query(
    `WITH ranked AS (
       SELECT d0.id, row_number() OVER (PARTITION BY d0.recording_id
         ORDER BY d0.created_at DESC, d0.seq DESC) AS v_rank
       FROM diagnoses d0
       WHERE d0.recording_id NOT IN (SELECT recording_id FROM expert_verdicts)
         ${machines}),
     q AS (
       SELECT ${verdictFields('d')}, ${PRIORITY} AS priority, d.machine_id
       FROM ranked k JOIN diagnoses d ON d.id = k.id WHERE k.v_rank = 1)
     SELECT q.*, m.name AS machine_name, r.name AS recording_name, p.name AS plant_name
     FROM q JOIN machines m ON m.id = q.machine_id JOIN recordings r ON r.id = q.v_recording_id
       LEFT JOIN plants p ON p.id = m.plant_id
     ${after}
     ORDER BY q.priority, q.v_created_at DESC, q.v_id DESC LIMIT ${limit}`,
    params,
  );
  return keysetPage(rows, query.limit, toItem, toKey);
}
