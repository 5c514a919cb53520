import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';
import {
  DEFAULT_SORT,
  filterEntries,
  indexEntries,
  nextSort,
  NO_FILTERS,
  prepareSort,
  SORT_COLUMNS,
  sortEntries,
} from './filterEntries.ts';
import type { FaultLogFilters, FaultLogSort, IndexedEntry, SortColumn } from './filterEntries.ts';
import { useUpdateTiming } from './useUpdateTiming.ts';

export interface FaultLogList {
  readonly loaded: Loaded<FaultLogEntry[]>;
  /** The entries the filters let through, in the chosen order. */
  readonly rows: readonly IndexedEntry[];
  /** The same entries without their index: what an export writes. */
  readonly entries: readonly FaultLogEntry[];
  /** Every machine that has an entry, by name. */
  readonly machines: readonly { readonly id: string; readonly name: string }[];
  readonly filters: FaultLogFilters;
  readonly days: { readonly from: string; readonly until: string };
  readonly setFilters: (filters: FaultLogFilters, days?: { from: string; until: string }) => void;
  /** Every loaded entry with the changes made on this screen since the load; null before it. */
  readonly data: readonly FaultLogEntry[] | null;
  /** Puts an entry the host answered after a change in place, without loading the log again. */
  readonly replaceEntry: (entry: FaultLogEntry) => void;
  readonly sort: FaultLogSort;
  readonly sortBy: (column: SortColumn) => void;
}

/**
 * The fault log as the screen shows it: loaded once (and on `loaded.reload`; a change made on
 * this screen replaces its one entry instead of loading up to 100 000 again), indexed once,
 * sorted when the order changes and filtered when a filter does. Sorting the whole index first
 * means typing in the search box only filters, the cheaper of the two.
 */
export function useFaultLogList(): [
  list: FaultLogList,
  /** The element on which the page writes how long its last change took to paint. */
  timingRef: React.RefObject<HTMLElement | null>,
] {
  const api = useApi();
  const load = useCallback(() => api.faultLog.list(), [api]);
  const loaded = useLoad(load);
  const [filters, setFilterState] = useState<FaultLogFilters>(NO_FILTERS);
  const [days, setDays] = useState({ from: '', until: '' });
  const [sort, setSort] = useState<FaultLogSort>(DEFAULT_SORT);
  // Entries changed here since the load, for that load only (a reload brings the host's own).
  const [changed, setChanged] = useState<{ source: unknown; byId: Map<string, FaultLogEntry> }>({
    source: null,
    byId: new Map(),
  });
  const data = useMemo(() => {
    if (loaded.data === null || changed.source !== loaded.data) return loaded.data;
    return loaded.data.map((entry) => changed.byId.get(entry.id) ?? entry);
  }, [loaded.data, changed]);
  const replaceEntry = useCallback(
    (entry: FaultLogEntry) =>
      setChanged((previous) => ({
        source: loaded.data,
        byId: new Map(previous.source === loaded.data ? previous.byId : []).set(entry.id, entry),
      })),
    [loaded.data],
  );
  const index = useMemo(() => indexEntries(data ?? []), [data]);
  const sorted = useMemo(() => sortEntries(index, sort), [index, sort]);
  usePreparedSorts(index);
  const rows = useMemo(() => filterEntries(sorted, filters), [sorted, filters]);
  const entries = useMemo(() => rows.map((row) => row.entry), [rows]);
  const machines = useMemo(() => machinesOf(data ?? []), [data]);
  const { ref: timingRef, markChange } = useUpdateTiming<HTMLElement>(rows);
  const setFilters = useCallback(
    (next: FaultLogFilters, nextDays?: { from: string; until: string }) => {
      markChange();
      setFilterState(next);
      if (nextDays !== undefined) setDays(nextDays);
    },
    [markChange],
  );
  const sortBy = useCallback(
    (column: SortColumn) => {
      markChange();
      setSort((current) => nextSort(current, column));
    },
    [markChange],
  );
  const list = { loaded, data, replaceEntry, rows, entries, machines, filters, days, setFilters };
  return [{ ...list, sort, sortBy }, timingRef];
}

function machinesOf(entries: readonly FaultLogEntry[]): { id: string; name: string }[] {
  const names = new Map<string, string>();
  for (const entry of entries) names.set(entry.machineId, entry.machineName);
  return [...names]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Ranks every column of a new index, one column per task, so the page stays responsive. */
function usePreparedSorts(index: readonly IndexedEntry[]): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const prepare = (next: number) => {
      if (next >= SORT_COLUMNS.length) return;
      timer = setTimeout(() => {
        prepareSort(index, SORT_COLUMNS[next]);
        prepare(next + 1);
      }, 0);
    };
    prepare(0);
    return () => clearTimeout(timer);
  }, [index]);
}
