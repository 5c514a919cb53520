/**
 * The fault log's filters, one definition for the Fault log screen (which indexes 100 000
 * entries once and filters them on each key press, renderer/features/faultLog/filterEntries.ts)
 * and the fault-log report the host prints for the same filters.
 */
import type { FaultLogEntry, FaultLogFilters } from '../api/contract.ts';

export type { FaultLogFilters } from '../api/contract.ts';

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

/** The words of a free-text filter, lower-cased; empty when it filters nothing. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** What the free-text filter searches: machine, recording, recorder and note, lower-cased. */
export function searchTextOf(entry: FaultLogEntry): string {
  return [entry.machineName, entry.recordingName, entry.recordedBy, entry.note]
    .join('\n')
    .toLowerCase();
}

/**
 * Whether the entry passes every filter; `timeMs` and `searchText` are its time and search
 * text computed once by the caller, `words` the filter's search words.
 */
export function passesFilters(
  entry: FaultLogEntry,
  timeMs: number,
  searchText: string,
  words: readonly string[],
  filters: FaultLogFilters,
): boolean {
  const { machineId, causeId, status, severity, fromMs, untilMs, showArchived } = filters;
  if (!showArchived && entry.archived) return false;
  if (machineId !== null && entry.machineId !== machineId) return false;
  if (causeId !== null && entry.causeId !== causeId) return false;
  if (status !== null && entry.status !== status) return false;
  if (severity !== null && entry.severity !== severity) return false;
  if (fromMs !== null && !(timeMs >= fromMs)) return false;
  if (untilMs !== null && !(timeMs < untilMs)) return false;
  for (const word of words) if (!searchText.includes(word)) return false;
  return true;
}

/** The entries that pass every filter, in their given order. */
export function filterFaultLog(
  entries: readonly FaultLogEntry[],
  filters: FaultLogFilters,
): FaultLogEntry[] {
  const words = searchWords(filters.text);
  return entries.filter((entry) =>
    passesFilters(entry, Date.parse(entry.createdAt), searchTextOf(entry), words, filters),
  );
}
