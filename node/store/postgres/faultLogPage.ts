/**
 * A page of the fault log in PostgreSQL: the screen's filters as WHERE clauses and keyset
 * paging on (created_at, id), newest first, as the SQLite store's faultLogPage.ts.
 */
import { searchWords } from '../../../shared/faultLog/filter.ts';
import type { FaultLogCountQuery, FaultLogPageQuery, FaultLogPageRows } from '../types.ts';
import { keysetPage } from '../pageRows.ts';
import { SUMMARY_SELECT, toSummary } from './faultLog.ts';
import { iso } from './sql.ts';
import type { Sql } from './sql.ts';
import { NOT_REVIEW_ONLY } from '../reviewRows.ts';

/** The WHERE clauses of `query` and their parameters. */
function conditions(query: FaultLogCountQuery & { after?: FaultLogPageQuery['after'] }): {
  where: string;
  params: unknown[];
} {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const { filters } = query;
  // Machines that are only reviews (bundles of other libraries) are not in the fault log.
  const clauses: string[] = [NOT_REVIEW_ONLY('f.machine_id')];
  if (query.machineIds !== null) clauses.push(`f.machine_id = ANY(${param(query.machineIds)})`);
  if (!filters.showArchived) clauses.push('NOT f.archived');
  if (filters.machineId !== null) clauses.push(`f.machine_id = ${param(filters.machineId)}`);
  if (filters.causeId !== null) clauses.push(`f.cause_id = ${param(filters.causeId)}`);
  if (filters.status !== null) clauses.push(`f.status = ${param(filters.status)}`);
  if (filters.severity !== null) clauses.push(`v.v_severity = ${param(filters.severity)}`);
  if (filters.fromMs !== null) {
    clauses.push(`f.created_at >= ${param(new Date(filters.fromMs).toISOString())}`);
  }
  if (filters.untilMs !== null) {
    clauses.push(`f.created_at < ${param(new Date(filters.untilMs).toISOString())}`);
  }
  const haystack = `lower(m.name || E'\\n' || r.name || E'\\n' || f.recorded_by || E'\\n' || f.note)`;
  for (const word of searchWords(filters.text)) {
    clauses.push(`strpos(${haystack}, ${param(word)}) > 0`);
  }
  if (query.after != null) {
    const at = param(query.after.createdAt);
    const id = param(query.after.entryId);
    clauses.push(`(f.created_at < ${at} OR (f.created_at = ${at} AND f.id < ${id}))`);
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

export async function postgresFaultLogPage(
  sql: Sql,
  query: FaultLogPageQuery,
): Promise<FaultLogPageRows> {
  const { where, params } = conditions(query);
  const { rows } = await sql.query(
    `${SUMMARY_SELECT} ${where} ORDER BY f.created_at DESC, f.id DESC LIMIT ${query.limit + 1}`,
    params,
  );
  const { items, next } = keysetPage(rows, query.limit, toSummary, (row) => ({
    createdAt: iso(row.created_at),
    entryId: String(row.id),
  }));
  return { entries: items, next };
}

/** The entries joined to the names the text filter searches. */
const NAMES_FROM = `FROM fault_log f
  JOIN machines m ON m.id = f.machine_id
  JOIN recordings r ON r.id = f.recording_id`;

/**
 * The count of every page's entries, with the page's own WHERE clauses, reading only what they
 * need: the names when there are words to search, the page's own rows when the severity filter
 * needs the verdict's severity (reading every diagnosis' report and verdict made counting
 * 100 000 entries take seconds).
 */
export async function postgresFaultLogCount(sql: Sql, query: FaultLogCountQuery): Promise<number> {
  const { where, params } = conditions(query);
  const from =
    query.filters.severity === null
      ? `${searchWords(query.filters.text).length > 0 ? NAMES_FROM : 'FROM fault_log f'} ${where}`
      : `FROM (${SUMMARY_SELECT} ${where}) AS x`;
  const { rows } = await sql.query(`SELECT count(*) AS n ${from}`, params);
  return Number(rows[0]?.n ?? 0);
}
