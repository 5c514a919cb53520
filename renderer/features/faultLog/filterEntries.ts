/**
 * The Fault log screen's filters and sorting as pure functions over the entries of
 * `faultLog.list()`. With 100 000 entries both must leave room for a paint inside 200 ms
 * (`npm run bench:faultlog`), so the entries are indexed once (lower-cased search text, times
 * as numbers) and every later filter or sort works on plain strings and numbers.
 */
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type { Severity } from '../../../shared/diagnosis/report.ts';
import { passesFilters, searchTextOf, searchWords } from '../../../shared/faultLog/filter.ts';
import type { FaultLogFilters } from '../../../shared/faultLog/filter.ts';
import { FAULT_STATUSES } from '../../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../../shared/faultLog/workflow.ts';

export { NO_FILTERS, searchWords } from '../../../shared/faultLog/filter.ts';
export type { FaultLogFilters } from '../../../shared/faultLog/filter.ts';

export const SORT_COLUMNS = [
  'machine',
  'time',
  'cause',
  'severity',
  'score',
  'status',
  'recordedBy',
  'note',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface FaultLogSort {
  readonly column: SortColumn;
  readonly descending: boolean;
}

/** Newest first, as the host lists them. */
export const DEFAULT_SORT: FaultLogSort = { column: 'time', descending: true };

/** An entry with what filtering and sorting read, computed once. */
export interface IndexedEntry {
  readonly entry: FaultLogEntry;
  readonly timeMs: number;
  /** Machine, recording, recorder and note, lower-cased, one per line. */
  readonly searchText: string;
}

/**
 * The entries indexed, newest first and equal times by id: the order every sort keeps among
 * equal values (the host lists them so already, which makes this sort a single pass).
 */
export function indexEntries(entries: readonly FaultLogEntry[]): IndexedEntry[] {
  return entries
    .map((entry) => ({
      entry,
      timeMs: Date.parse(entry.createdAt),
      searchText: searchTextOf(entry),
    }))
    .sort((a, b) => b.timeMs - a.timeMs || compareText(a.entry.id, b.entry.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The entries every filter lets through, in their given order. */
export function filterEntries(
  rows: readonly IndexedEntry[],
  filters: FaultLogFilters,
): IndexedEntry[] {
  const words = searchWords(filters.text);
  return rows.filter(({ entry, timeMs, searchText }) =>
    passesFilters(entry, timeMs, searchText, words, filters),
  );
}

const SEVERITY_RANK = new Map<Severity | null, number>(SEVERITIES.map((s, i) => [s, i]));
const STATUS_RANK = new Map<FaultStatus, number>(FAULT_STATUSES.map((s, i) => [s, i]));

/**
 * What each column sorts by. Text compares by character code after lower-casing, not with a
 * collator: a collator makes sorting 100 000 notes several times slower, and grouping equal
 * values together is what a supervisor sorts a text column for.
 */
const SORT_KEYS: Readonly<Record<SortColumn, (row: IndexedEntry) => number | string>> = {
  machine: (row) => row.entry.machineName.toLowerCase(),
  time: (row) => row.timeMs,
  cause: (row) => row.entry.causeId ?? '',
  severity: (row) => SEVERITY_RANK.get(row.entry.severity) ?? -1,
  score: (row) => row.entry.anomalyScore,
  status: (row) => STATUS_RANK.get(row.entry.status) ?? -1,
  recordedBy: (row) => row.entry.recordedBy.toLowerCase(),
  note: (row) => row.entry.note.toLowerCase(),
};

/** Each row's place among the column's distinct values (0 = smallest), and how many there are. */
interface ColumnRanks {
  readonly ranks: Uint32Array;
  readonly distinct: number;
}

/** Ranks per rows array and column: computed on a column's first sort, reused after. */
const rankCache = new WeakMap<readonly IndexedEntry[], Map<SortColumn, ColumnRanks>>();

function columnRanks(rows: readonly IndexedEntry[], column: SortColumn): ColumnRanks {
  let byColumn = rankCache.get(rows);
  if (byColumn === undefined) rankCache.set(rows, (byColumn = new Map()));
  const cached = byColumn.get(column);
  if (cached !== undefined) return cached;
  const keys = rows.map(SORT_KEYS[column]);
  const unique = [...new Set(keys)];
  // Numbers through a typed array's native numeric sort; strings by code unit.
  const ordered: readonly (number | string)[] =
    typeof unique[0] === 'number'
      ? [...Float64Array.from(unique as number[]).sort()]
      : (unique as string[]).sort(compareText);
  const rankOf = new Map(ordered.map((value, rank) => [value, rank]));
  const ranks = Uint32Array.from(keys, (key) => rankOf.get(key) ?? 0);
  const result = { ranks, distinct: ordered.length };
  byColumn.set(column, result);
  return result;
}

/**
 * Ranks the column's values now, so its first sort is a single pass: the screen calls it for
 * each column while the page is idle after loading (ranking 100 000 notes takes a few hundred
 * ms, too long to wait for after a click).
 */
export function prepareSort(rows: readonly IndexedEntry[], column: SortColumn): void {
  columnRanks(rows, column);
}

/**
 * A sorted copy: by the column, equal values in the rows' own order (newest first, from
 * indexEntries). A stable counting sort over the column's ranks: one pass, however many rows,
 * after the first sort of a column has ranked its values.
 */
export function sortEntries(rows: readonly IndexedEntry[], sort: FaultLogSort): IndexedEntry[] {
  const { ranks, distinct } = columnRanks(rows, sort.column);
  const starts = new Uint32Array(distinct + 1);
  const bucketOf = (rank: number) => (sort.descending ? distinct - 1 - rank : rank);
  for (const rank of ranks) starts[bucketOf(rank) + 1] += 1;
  for (let b = 1; b <= distinct; b++) starts[b] += starts[b - 1];
  const sorted = new Array<IndexedEntry>(rows.length);
  for (let i = 0; i < rows.length; i++) sorted[starts[bucketOf(ranks[i])]++] = rows[i];
  return sorted;
}

/** The sort after a click on `column`'s header: the other direction, or the column's default. */
export function nextSort(current: FaultLogSort, column: SortColumn): FaultLogSort {
  if (current.column === column) return { column, descending: !current.descending };
  // Times, scores and severities are read largest first; names and words from A.
  const descending = column === 'time' || column === 'score' || column === 'severity';
  return { column, descending };
}

/** The start of a local calendar day `YYYY-MM-DD` (an `<input type="date">` value) in ms. */
export function localDayStartMs(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  const time = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Number.isNaN(time) ? null : time;
}

/** The end (exclusive) of a local calendar day: the next day's start, DST included. */
export function localDayEndMs(day: string): number | null {
  const start = localDayStartMs(day);
  if (start === null) return null;
  const date = new Date(start);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
}
