/**
 * A page of the fault log in SQLite: the screen's filters as WHERE clauses and keyset paging on
 * (created_at, id), newest first, as the PostgreSQL store's faultLogPage.ts. SQLite's lower()
 * folds ASCII letters only, as the page's search needs for names and notes in Latin letters
 * (Chinese has no case).
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { searchWords } from '../../../shared/faultLog/filter.ts';
import type { FaultLogCountQuery, FaultLogPageQuery, FaultLogPageRows } from '../types.ts';
import { keysetPage } from '../pageRows.ts';
import { SUMMARY_SELECT, toSummary } from './faultLog.ts';
import { text } from './rows.ts';
import { NOT_REVIEW_ONLY } from '../reviewRows.ts';

function conditions(query: FaultLogCountQuery & { after?: FaultLogPageQuery['after'] }): {
  where: string;
  params: SQLInputValue[];
} {
  const params: SQLInputValue[] = [];
  // Machines that are only reviews (bundles of other libraries) are not in the fault log.
  const clauses: string[] = [NOT_REVIEW_ONLY('f.machine_id')];
  const add = (clause: string, ...values: SQLInputValue[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const { filters } = query;
  if (query.machineIds !== null) {
    add('f.machine_id IN (SELECT value FROM json_each(?))', JSON.stringify(query.machineIds));
  }
  if (!filters.showArchived) add('f.archived = 0');
  if (filters.machineId !== null) add('f.machine_id = ?', filters.machineId);
  if (filters.causeId !== null) add('f.cause_id = ?', filters.causeId);
  if (filters.status !== null) add('f.status = ?', filters.status);
  if (filters.severity !== null) add('v_severity = ?', filters.severity);
  if (filters.fromMs !== null) add('f.created_at >= ?', new Date(filters.fromMs).toISOString());
  if (filters.untilMs !== null) add('f.created_at < ?', new Date(filters.untilMs).toISOString());
  const haystack = `lower(m.name || char(10) || r.name || char(10) || f.recorded_by || char(10) || f.note)`;
  for (const word of searchWords(filters.text)) add(`instr(${haystack}, ?) > 0`, word);
  if (query.after != null) {
    const { createdAt, entryId } = query.after;
    add('(f.created_at < ? OR (f.created_at = ? AND f.id < ?))', createdAt, createdAt, entryId);
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

export function sqliteFaultLogPage(db: DatabaseSync, query: FaultLogPageQuery): FaultLogPageRows {
  const { where, params } = conditions(query);
  const rows = db
    .prepare(`${SUMMARY_SELECT} ${where} ORDER BY f.created_at DESC, f.id DESC LIMIT ?`)
    .all(...params, query.limit + 1);
  const { items, next } = keysetPage(rows, query.limit, toSummary, (row) => ({
    createdAt: text(row, 'created_at'),
    entryId: text(row, 'id'),
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
export function sqliteFaultLogCount(db: DatabaseSync, query: FaultLogCountQuery): number {
  const { where, params } = conditions(query);
  const from =
    query.filters.severity === null
      ? `${searchWords(query.filters.text).length > 0 ? NAMES_FROM : 'FROM fault_log f'} ${where}`
      : `FROM (${SUMMARY_SELECT} ${where})`;
  const row = db.prepare(`SELECT count(*) AS n ${from}`).get(...params);
  return Number(row?.n ?? 0);
}
