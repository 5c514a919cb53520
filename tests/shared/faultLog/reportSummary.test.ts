import { describe, expect, it } from 'vitest';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import { filterFaultLog, NO_FILTERS } from '../../../shared/faultLog/filter.ts';
import {
  countByCause,
  countByStatus,
  entriesPerMonth,
  scoreSeries,
} from '../../../shared/faultLog/reportSummary.ts';

function entry(id: string, fields: Partial<FaultLogEntry>): FaultLogEntry {
  return {
    id,
    createdAt: '2025-01-15T10:00:00.000Z',
    note: '',
    diagnosisId: `d-${id}`,
    machineId: 'm1',
    machineName: 'Lathe 1',
    recordingId: `r-${id}`,
    recordingName: `${id}.wav`,
    anomalous: true,
    anomalyScore: 5,
    causeId: 'unbalance',
    componentId: null,
    severity: 'moderate',
    confidence: 0.5,
    status: 'open',
    archived: false,
    recordedBy: '',
    followUpRecordingId: null,
    ...fields,
  };
}

const ENTRIES = [
  entry('a', { createdAt: '2025-04-02T00:00:00.000Z', causeId: 'belt', status: 'repaired' }),
  entry('b', { createdAt: '2025-01-31T23:59:59.000Z', anomalyScore: 7 }),
  entry('c', {
    createdAt: '2025-01-02T00:00:00.000Z',
    causeId: null,
    machineId: 'm2',
    machineName: 'Mill',
  }),
  entry('d', { createdAt: '2025-02-01T00:00:00.000Z', archived: true, note: 'Chips in the guard' }),
];

describe('the fault-log report summary', () => {
  it('counts by cause (most first) and by status (in workflow order)', () => {
    expect(countByCause(ENTRIES)).toEqual([
      { causeId: 'unbalance', count: 2 },
      { causeId: 'belt', count: 1 },
      { causeId: null, count: 1 },
    ]);
    expect(countByStatus(ENTRIES)).toEqual([
      { status: 'open', count: 3 },
      { status: 'repaired', count: 1 },
    ]);
  });

  it('counts per UTC month with the empty months between', () => {
    const months = entriesPerMonth(ENTRIES);
    expect(months.map((m) => [m.month, m.total])).toEqual([
      ['2025-01', 2],
      ['2025-02', 1],
      ['2025-03', 0],
      ['2025-04', 1],
    ]);
    expect(months[0].byCause.get(null)).toBe(1);
    expect(entriesPerMonth([])).toEqual([]);
  });

  it('gives each machine its scores oldest first, busiest machines first', () => {
    const series = scoreSeries(ENTRIES, 1);
    expect(series).toHaveLength(1);
    expect(series[0].machineName).toBe('Lathe 1');
    expect(series[0].points.map((p) => p.anomalyScore)).toEqual([7, 5, 5]);
  });

  it('filters as the screen does: archived hidden unless asked, words in any order', () => {
    expect(filterFaultLog(ENTRIES, NO_FILTERS).map((e) => e.id)).toEqual(['a', 'b', 'c']);
    const words = { ...NO_FILTERS, text: 'GUARD chips', showArchived: true };
    expect(filterFaultLog(ENTRIES, words).map((e) => e.id)).toEqual(['d']);
    const january = {
      ...NO_FILTERS,
      fromMs: Date.parse('2025-01-01T00:00:00Z'),
      untilMs: Date.parse('2025-02-01T00:00:00Z'),
    };
    expect(filterFaultLog(ENTRIES, january).map((e) => e.id)).toEqual(['b', 'c']);
    expect(filterFaultLog(ENTRIES, { ...NO_FILTERS, machineId: 'm2' }).map((e) => e.id)).toEqual([
      'c',
    ]);
  });
});
