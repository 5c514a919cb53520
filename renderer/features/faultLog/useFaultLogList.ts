import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import {
  NO_FILTERS,
  passesFilters,
  searchTextOf,
  searchWords,
} from '../../../shared/faultLog/filter.ts';
import type { FaultLogFilters } from '../../../shared/faultLog/filter.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { useLoad } from '../../hooks/useLoad.ts';
import { useUpdateTiming } from './useUpdateTiming.ts';

/** Entries asked for at a time: a screenful many times over, a small answer even on a hub. */
export const PAGE_SIZE = 100;

/** The pages loaded for one set of filters. */
interface Pages {
  readonly filters: FaultLogFilters;
  readonly entries: readonly FaultLogEntry[];
  /** Where the next page starts, or null when every entry is loaded. */
  readonly nextCursor: string | null;
  /** How many entries the filters let through in all (from the first page); null before it. */
  readonly total: number | null;
  readonly loading: boolean;
  readonly error: string | null;
  /**
   * Loaded entries a change on this screen took out of the filters (archived, moved to another
   * status): left out of the list and its count, still there for the entry's own view.
   */
  readonly changedOut: ReadonlySet<string>;
}

export interface FaultLogList {
  /** The entries loaded so far that pass the filters, newest first, with this screen's changes. */
  readonly entries: readonly FaultLogEntry[];
  /** A loaded entry by id, whether or not a change took it out of the filters. */
  readonly entryById: (entryId: string) => FaultLogEntry | undefined;
  /** How many entries the filters let through in all, or null until the first page came. */
  readonly total: number | null;
  /** Whether more pages follow the loaded ones. */
  readonly hasMore: boolean;
  readonly loading: boolean;
  readonly error: string | null;
  /** Asks for the next page (nothing when one is on its way or none is left). */
  readonly loadMore: () => void;
  /** The machines a filter can name, by name. */
  readonly machines: readonly { readonly id: string; readonly name: string }[];
  readonly filters: FaultLogFilters;
  readonly days: { readonly from: string; readonly until: string };
  /** New filters start again from the first page. */
  readonly setFilters: (filters: FaultLogFilters, days?: { from: string; until: string }) => void;
  /** Puts an entry the host answered after a change in place, without loading again. */
  readonly replaceEntry: (entry: FaultLogEntry) => void;
}

const emptyPages = (filters: FaultLogFilters): Pages => ({
  filters,
  entries: [],
  nextCursor: null,
  total: null,
  loading: true,
  error: null,
  changedOut: new Set(),
});

/** The pages with `entry` in place of its old self, noted when it left the filters. */
function withChangedEntry(pages: Pages, entry: FaultLogEntry): Pages {
  const { filters } = pages;
  const words = searchWords(filters.text);
  const passes = passesFilters(
    entry,
    Date.parse(entry.createdAt),
    searchTextOf(entry),
    words,
    filters,
  );
  const changedOut = new Set(pages.changedOut);
  if (passes) changedOut.delete(entry.id);
  else changedOut.add(entry.id);
  return {
    ...pages,
    entries: pages.entries.map((old) => (old.id === entry.id ? entry : old)),
    changedOut,
  };
}

/**
 * The fault log a page at a time (faultLog.page, newest first, the filters applied by the
 * host's store): the first page when the filters change, the next on `loadMore`. An answer for
 * filters no longer chosen is dropped, so typing in the search box never shows an older result.
 */
function usePages() {
  const api = useApi();
  const describeError = useErrorSentence();
  const [pages, setPages] = useState<Pages>(() => emptyPages(NO_FILTERS));
  const fetchPage = useCallback(
    (filters: FaultLogFilters, cursor: string | null) => {
      api.faultLog.page({ limit: PAGE_SIZE, cursor, filters }).then(
        (page) =>
          setPages((before) =>
            before.filters !== filters
              ? before
              : {
                  filters,
                  entries: cursor === null ? page.entries : [...before.entries, ...page.entries],
                  nextCursor: page.nextCursor,
                  total: cursor === null ? page.total : before.total,
                  loading: false,
                  error: null,
                  changedOut: cursor === null ? new Set() : before.changedOut,
                },
          ),
        (error: unknown) =>
          setPages((before) =>
            before.filters !== filters
              ? before
              : { ...before, loading: false, error: describeError(error) },
          ),
      );
    },
    [api, describeError],
  );
  const restart = useCallback(
    (filters: FaultLogFilters) => {
      setPages(emptyPages(filters));
      fetchPage(filters, null);
    },
    [fetchPage],
  );
  const { filters, nextCursor, loading } = pages;
  const loadMore = useCallback(() => {
    if (loading || nextCursor === null) return;
    setPages((before) => ({ ...before, loading: true, error: null }));
    fetchPage(filters, nextCursor);
  }, [fetchPage, filters, nextCursor, loading]);
  const replaceEntry = useCallback(
    (entry: FaultLogEntry) => setPages((before) => withChangedEntry(before, entry)),
    [],
  );
  return { pages, restart, loadMore, replaceEntry };
}

/** The screen's list: the pages, the filters that chose them, and the machines to filter by. */
export function useFaultLogList(): [
  list: FaultLogList,
  /** The element on which the page writes how long its last change took to paint. */
  timingRef: React.RefObject<HTMLElement | null>,
] {
  const api = useApi();
  const { pages, restart, loadMore, replaceEntry } = usePages();
  const [days, setDays] = useState({ from: '', until: '' });
  const loadMachines = useCallback(() => api.machines.list(), [api]);
  const machineList = useLoad(loadMachines);
  const machines = useMemo(
    () =>
      (machineList.data ?? [])
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [machineList.data],
  );
  useEffect(() => restart(NO_FILTERS), [restart]);
  // The time to paint is measured to the first page of new filters, not to the empty table.
  const [settled, setSettled] = useState(pages.entries);
  if (!pages.loading && settled !== pages.entries) setSettled(pages.entries);
  const { ref: timingRef, markChange } = useUpdateTiming<HTMLElement>(settled);
  const setFilters = useCallback(
    (next: FaultLogFilters, nextDays?: { from: string; until: string }) => {
      markChange();
      restart(next);
      if (nextDays !== undefined) setDays(nextDays);
    },
    [markChange, restart],
  );
  const { entries: loaded, changedOut } = pages;
  const entries = useMemo(
    () => (changedOut.size === 0 ? loaded : loaded.filter((entry) => !changedOut.has(entry.id))),
    [loaded, changedOut],
  );
  const entryById = useCallback(
    (entryId: string) => loaded.find((entry) => entry.id === entryId),
    [loaded],
  );
  const list: FaultLogList = {
    entries,
    entryById,
    total: pages.total === null ? null : pages.total - (loaded.length - entries.length),
    hasMore: pages.nextCursor !== null,
    loading: pages.loading,
    error: pages.error,
    loadMore,
    machines,
    filters: pages.filters,
    days,
    setFilters,
    replaceEntry,
  };
  return [list, timingRef];
}
