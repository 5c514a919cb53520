/** What the Trend panel's charts draw from a machine's trend, and the time range they span. */
import { describe, expect, it } from 'vitest';
import type { MachineTrend, TrendPoint } from '../../../../shared/api/contract.ts';
import { timeRange } from '../../../../renderer/chart/timeSeriesOptions.ts';
import {
  faultMarkers,
  formatMonth,
  levelSeries,
  LINE_COLORS,
  pointTimesSeconds,
  scoreSeries,
  STATUS_COLORS,
} from '../../../../renderer/features/machines/trend/trendSeries.ts';

function point(time: string, anomalyScore: number | null, levelsDb: (number | null)[]): TrendPoint {
  return {
    diagnosisId: time,
    recordingId: 'r',
    recordingName: 'r.wav',
    time,
    region: null,
    anomalyScore,
    threshold: 3,
    anomalous: (anomalyScore ?? 0) > 3,
    causeId: null,
    componentId: null,
    severity: null,
    levelsDb,
  };
}

const trend: MachineTrend = {
  machineId: 'm',
  points: [
    point('2025-01-01T00:00:00.000Z', 1, [null]),
    point('2025-01-01T00:01:40.000Z', null, [12.5]),
  ],
  lines: [
    {
      key: 'k',
      frequency: { kind: 'bearing-bpfo', componentId: 'b' },
      harmonic: 1,
      source: 'envelope',
      frequencyHz: 88.4,
    },
  ],
  faults: [
    {
      entryId: 'a',
      time: '2025-01-01T00:02:00.000Z',
      status: 'repaired',
      causeId: null,
      archived: false,
      diagnosisId: null,
    },
    {
      entryId: 'b',
      time: '2025-01-01T00:03:00.000Z',
      status: 'open',
      causeId: null,
      archived: true,
      diagnosisId: null,
    },
  ],
  causesByMonth: [],
};

describe('trend series', () => {
  it('puts points at their time in seconds, the score with its dashed threshold', () => {
    expect(pointTimesSeconds(trend)).toEqual([1735689600, 1735689700]);
    const [threshold, score] = scoreSeries(trend, { score: 'S', threshold: 'T' });
    expect(threshold).toMatchObject({ label: 'T', values: [3, 3], dashed: true });
    expect(score).toMatchObject({ label: 'S', values: [1, null] });
    expect(score.dashed).toBeUndefined();
  });

  it('draws one series per line, gaps where a line was not raised', () => {
    expect(levelSeries(trend, (line) => `${line.frequencyHz} Hz`)).toEqual([
      { label: '88.4 Hz', color: LINE_COLORS[0], values: [null, 12.5] },
    ]);
  });

  it('marks entries not archived, coloured by status', () => {
    expect(faultMarkers(trend)).toEqual([
      { timeSeconds: 1735689720, color: STATUS_COLORS.repaired },
    ]);
  });

  it('names a UTC month in the reader language', () => {
    expect(formatMonth('2025-03', 'en')).toBe('March 2025');
    expect(formatMonth('2025-03', 'zh-CN')).toBe('2025年3月');
  });

  it('spans every time with 5 % to spare, a minute around a single instant', () => {
    expect(timeRange([100, 300])).toEqual([90, 310]);
    expect(timeRange([100, 100])).toEqual([70, 130]);
  });
});
