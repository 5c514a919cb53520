/**
 * The Fault log screen's filters and sorting as pure functions over the entries of
 * `faultLog.list()`. With 100 000 entries both must leave room for a paint inside 200 ms
 * (`npm run bench:faultlog`), so the entries are indexed once (lower-cased search text, times
 * as numbers) and every later filter or sort works on plain strings and numbers.
 */
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type { CauseId, Severity } from '../../../shared/diagnosis/report.ts';
import { FAULT_STATUSES } from '../../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../../shared/faultLog/workflow.ts';

export interface FaultLogFilters {
  readonly machineId: string | null;
  readonly causeId: CauseId | null;
  readonly status: FaultStatus | null;
  readonly severity: Severity | null;
  /** Entries made at or after this instant (ms since the epoch), or no lower bound. */
  readonly fromMs: number | null;
  /** Entries made before this instant (exclusive), or no upper bound. */
  readonly untilMs: number | null;
  /** Words that must all occur in the machine, recording, recorder's name or note. */
  readonly text: string;
  readonly showArchived: boolean;
}

export const NO_FILTERS: FaultLogFilters = {
  machineId: null,
  causeId: null,
  status: null,
  severity: null,
  fromMs: null,
  untilMs: null,
  text: '',
  showArchived: false,
};

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

export function indexEntries(entries: readonly FaultLogEntry[]): IndexedEntry[] {
  return entries.map((entry) => ({
    entry,
    timeMs: Date.parse(entry.createdAt),
    searchText: [entry.machineName, entry.recordingName, entry.recordedBy, entry.note]
      .join('\n')
      .toLowerCase(),
  }));
}

/** The words of a free-text filter, lower-cased; empty when it filters nothing. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** The entries every filter lets through, in their given order. */
export function filterEntries(
  rows: readonly IndexedEntry[],
  filters: FaultLogFilters,
): IndexedEntry[] {
  const words = searchWords(filters.text);
  const { machineId, causeId, status, severity, fromMs, untilMs, showArchived } = filters;
  return rows.filter(({ entry, timeMs, searchText }) => {
    if (!showArchived && entry.archived) return false;
    if (machineId !== null && entry.machineId !== machineId) return false;
    if (causeId !== null && entry.causeId !== causeId) return false;
    if (status !== null && entry.status !== status) return false;
    if (severity !== null && entry.severity !== severity) return false;
    if (fromMs !== null && !(timeMs >= fromMs)) return false;
    if (untilMs !== null && !(timeMs < untilMs)) return false;
    for (const word of words) if (!searchText.includes(word)) return false;
    return true;
  });
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

/**
 * A sorted copy: by the column, then newest first, then by id, so the order never depends on
 * the order the rows came in.
 */
export function sortEntries(rows: readonly IndexedEntry[], sort: FaultLogSort): IndexedEntry[] {
  const key = SORT_KEYS[sort.column];
  const sign = sort.descending ? -1 : 1;
  const keyed = rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => {
    if (a.key < b.key) return -sign;
    if (a.key > b.key) return sign;
    if (a.row.timeMs !== b.row.timeMs) return b.row.timeMs - a.row.timeMs;
    return a.row.entry.id < b.row.entry.id ? -1 : a.row.entry.id > b.row.entry.id ? 1 : 0;
  });
  return keyed.map(({ row }) => row);
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
