/**
 * The fault log's filters (shared/faultLog/filter.ts): what the stores' page queries must let
 * through (tests/node/store/faultLogPageContract.ts compares them) and what the Fault log screen
 * drops after a change on an entry.
 */
import { describe, expect, it } from 'vitest';
import type { FaultLogEntry, FaultLogFilters } from '../../../shared/api/contract.ts';
import { filterFaultLog, NO_FILTERS, searchWords } from '../../../shared/faultLog/filter.ts';

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
// Newest first, as the stores list them (equal times by id).
const NEWEST_FIRST = ['a', 'b', 'd', 'c'].map((id) => ENTRIES.find((e) => e.id === id)!);
const filtered = (filters: Partial<FaultLogFilters>) =>
  filterFaultLog(NEWEST_FIRST, { ...NO_FILTERS, ...filters }).map((e) => e.id);

describe('filterFaultLog', () => {
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
