import { describe, expect, it } from 'vitest';
import type { FaultLogEntry } from '../../../../shared/api/contract.ts';
import {
  DEFAULT_SORT,
  filterEntries,
  indexEntries,
  localDayEndMs,
  localDayStartMs,
  nextSort,
  NO_FILTERS,
  searchWords,
  sortEntries,
} from '../../../../renderer/features/faultLog/filterEntries.ts';
import type { FaultLogFilters } from '../../../../renderer/features/faultLog/filterEntries.ts';

function entry(id: string, fields: Partial<FaultLogEntry>): FaultLogEntry {
  return {
    id,
    createdAt: '2026-03-01T08:00:00.000Z',
    note: '',
    diagnosisId: `d-${id}`,
    machineId: 'lathe',
    machineName: 'Lathe 1',
    recordingId: `r-${id}`,
    recordingName: `${id}.wav`,
    anomalous: true,
    anomalyScore: 2,
    confidence: 0.8,
    causeId: 'lead-screw-contamination',
    componentId: 'x-ballscrew',
    severity: 'moderate',
    status: 'open',
    archived: false,
    recordedBy: '',
    followUpRecordingId: null,
    ...fields,
  };
}

const ENTRIES = [
  entry('a', {
    createdAt: '2026-03-03T10:00:00.000Z',
    note: 'Chips in the X screw guard',
    recordedBy: 'Li Wei',
    anomalyScore: 4.5,
    severity: 'serious',
  }),
  entry('b', {
    createdAt: '2026-03-02T10:00:00.000Z',
    machineId: 'mill',
    machineName: 'Mill 2',
    causeId: 'unbalance',
    componentId: null,
    severity: 'slight',
    status: 'acknowledged',
    anomalyScore: 1.2,
    recordedBy: 'ana',
  }),
  entry('c', {
    createdAt: '2026-03-01T10:00:00.000Z',
    causeId: null,
    componentId: null,
    severity: null,
    anomalyScore: 0.4,
    anomalous: false,
    status: 'dismissed',
    archived: true,
    note: 'sensor was loose',
    recordedBy: 'Bo',
  }),
  entry('d', {
    createdAt: '2026-03-02T10:00:00.000Z',
    status: 'repaired',
    anomalyScore: 3,
    note: '螺杆 有 切屑',
    recordedBy: 'Zed',
  }),
];
const INDEX = indexEntries(ENTRIES);
const ids = (rows: readonly { entry: FaultLogEntry }[]) => rows.map((row) => row.entry.id);
const filtered = (filters: Partial<FaultLogFilters>) =>
  ids(filterEntries(INDEX, { ...NO_FILTERS, ...filters }));

describe('filterEntries', () => {
  it('indexes the entries newest first, equal times by id', () => {
    expect(ids(indexEntries([...ENTRIES].reverse()))).toEqual(['a', 'b', 'd', 'c']);
  });

  it('hides archived entries unless asked to show them', () => {
    expect(filtered({})).toEqual(['a', 'b', 'd']);
    expect(filtered({ showArchived: true })).toEqual(['a', 'b', 'd', 'c']);
  });

  it('filters by machine, cause, status and severity', () => {
    expect(filtered({ machineId: 'mill' })).toEqual(['b']);
    expect(filtered({ causeId: 'lead-screw-contamination' })).toEqual(['a', 'd']);
    expect(filtered({ status: 'dismissed', showArchived: true })).toEqual(['c']);
    expect(filtered({ status: 'dismissed' })).toEqual([]);
    expect(filtered({ severity: 'slight' })).toEqual(['b']);
    expect(filtered({ machineId: 'lathe', status: 'repaired' })).toEqual(['d']);
  });

  it('keeps a date range: from inclusive, until exclusive', () => {
    const from = Date.parse('2026-03-02T10:00:00.000Z');
    const until = Date.parse('2026-03-03T10:00:00.000Z');
    expect(filtered({ fromMs: from, showArchived: true })).toEqual(['a', 'b', 'd']);
    expect(filtered({ untilMs: until, showArchived: true })).toEqual(['b', 'd', 'c']);
    expect(filtered({ fromMs: from, untilMs: until })).toEqual(['b', 'd']);
  });

  it('matches every word of the text, ignoring case, in names and notes', () => {
    expect(filtered({ text: 'CHIPS guard' })).toEqual(['a']);
    expect(filtered({ text: 'chips mill' })).toEqual([]);
    expect(filtered({ text: 'mill' })).toEqual(['b']);
    expect(filtered({ text: 'd.wav' })).toEqual(['d']);
    expect(filtered({ text: 'li wei' })).toEqual(['a']);
    expect(filtered({ text: '切屑' })).toEqual(['d']);
    expect(filtered({ text: '  ' })).toEqual(['a', 'b', 'd']);
    expect(searchWords('  Chips  X ')).toEqual(['chips', 'x']);
  });
});

describe('sortEntries', () => {
  const sorted = (column: (typeof DEFAULT_SORT)['column'], descending: boolean) =>
    ids(sortEntries(INDEX, { column, descending }));

  it('sorts newest first by default, equal times by id', () => {
    expect(sorted(DEFAULT_SORT.column, DEFAULT_SORT.descending)).toEqual(['a', 'b', 'd', 'c']);
    expect(sorted('time', false)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('sorts by score, severity and status in their own order', () => {
    expect(sorted('score', true)).toEqual(['a', 'd', 'b', 'c']);
    expect(sorted('severity', true)).toEqual(['a', 'd', 'b', 'c']);
    expect(sorted('status', false)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('sorts names ignoring case, ties newest first', () => {
    expect(sorted('machine', false)).toEqual(['a', 'd', 'c', 'b']);
    expect(sorted('recordedBy', false)).toEqual(['b', 'c', 'a', 'd']);
    expect(sorted('cause', false)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('leaves its input as it was', () => {
    const before = ids(INDEX);
    sortEntries(INDEX, { column: 'score', descending: false });
    expect(ids(INDEX)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('turns the direction on a second click, and starts numbers largest first', () => {
    expect(nextSort(DEFAULT_SORT, 'time')).toEqual({ column: 'time', descending: false });
    expect(nextSort(DEFAULT_SORT, 'machine')).toEqual({ column: 'machine', descending: false });
    expect(nextSort(DEFAULT_SORT, 'score')).toEqual({ column: 'score', descending: true });
  });
});

describe('local days', () => {
  it('reads a date input as the local day from midnight to the next midnight', () => {
    const start = localDayStartMs('2026-03-29');
    const end = localDayEndMs('2026-03-29');
    expect(start).toBe(new Date(2026, 2, 29).getTime());
    expect(end).toBe(new Date(2026, 2, 30).getTime());
    expect(localDayStartMs('')).toBeNull();
    expect(localDayEndMs('29/03/2026')).toBeNull();
  });
});

describe('100 000 entries', () => {
  it('filter and sort in well under the page budget', () => {
    const many = indexEntries(
      Array.from({ length: 100_000 }, (_, i) =>
        entry(`e${i}`, {
          createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
          note: `note ${i % 977}`,
          anomalyScore: (i * 7919) % 1000,
          status: i % 3 === 0 ? 'open' : 'acknowledged',
        }),
      ),
    );
    const start = performance.now();
    const rows = filterEntries(many, { ...NO_FILTERS, status: 'open', text: 'note 1' });
    const sortedRows = sortEntries(many, { column: 'score', descending: true });
    const elapsedMs = performance.now() - start;
    expect(rows.length).toBeGreaterThan(0);
    expect(sortedRows[0].entry.anomalyScore).toBe(999);
    // The page's budget is 200 ms (bench:faultlog measures it); this bound only catches an
    // accidental quadratic step on a machine shared with other tests.
    expect(elapsedMs).toBeLessThan(1000);
  });
});
