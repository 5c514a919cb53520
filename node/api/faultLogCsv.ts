/**
 * The fault-log CSV made by the host: every entry the filters let through, read from the store
 * a page at a time (the filters applied in its query), so the page asking for it never holds
 * the entries; the words and header in the asked language (shared/faultLog/csv.ts).
 */
import type { FaultLogEntry, FaultLogFilters, Language } from '../../shared/api/contract.ts';
import { faultLogCsv } from '../../shared/faultLog/csv.ts';
import type { FaultLogPageQuery } from '../store/types.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { latestVerdictsOfEntries } from '../workflows/verdicts.ts';
import type { MachineFilter } from './pagedLists.ts';

/** Rows read per query: large enough for few round trips, small enough for one answer. */
const ROWS_PER_READ = 2000;

/** Every entry `filters` let through, newest first, only `machineIds`' when given. */
export async function filteredEntries(
  library: Pick<LibraryContext, 'store'>,
  filters: FaultLogFilters,
  machineIds: MachineFilter,
): Promise<FaultLogEntry[]> {
  const entries: FaultLogEntry[] = [];
  let after: FaultLogPageQuery['after'] = null;
  do {
    const rows = await library.store.faultLog.page({
      limit: ROWS_PER_READ,
      after,
      filters,
      machineIds,
    });
    entries.push(...rows.entries);
    after = rows.next;
  } while (after !== null);
  return entries;
}

/** The CSV's bytes: UTF-8 with its byte-order mark, one header row in `language`. */
export async function faultLogCsvBytes(
  library: Pick<LibraryContext, 'store'>,
  filters: FaultLogFilters,
  language: Language,
  machineIds: MachineFilter,
): Promise<Uint8Array> {
  const entries = await filteredEntries(library, filters, machineIds);
  const verdicts = await latestVerdictsOfEntries(library, entries);
  return new TextEncoder().encode(faultLogCsv(entries, language, { verdicts }));
}
