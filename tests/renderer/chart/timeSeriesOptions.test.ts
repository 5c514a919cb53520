import { describe, expect, it } from 'vitest';
import { withoutRepeats } from '../../../renderer/chart/timeSeriesOptions.ts';
import { formatTrendTime } from '../../../renderer/features/machines/trend/trendSeries.ts';

describe('time-axis labels of the trend charts', () => {
  it('leave a label blank when it repeats the one before (ticks half a second apart)', () => {
    const start = Date.UTC(2026, 11, 4, 18, 10, 49) / 1000;
    const ticks = [0, 0.5, 1, 1.5, 2].map((offset) => start + offset);
    const labels = withoutRepeats(ticks.map((t) => formatTrendTime(t, 4, 'en')));
    expect(labels.filter((label) => label !== '')).toHaveLength(3);
    expect(new Set(labels.filter((label) => label !== '')).size).toBe(3);
    expect(labels[1]).toBe('');
  });

  it('read to the day over a long span, in the reader language', () => {
    const time = Date.UTC(2026, 2, 15, 12) / 1000;
    expect(formatTrendTime(time, 30 * 86400, 'en')).toMatch(/2026/);
    expect(formatTrendTime(time, 30 * 86400, 'zh-CN')).toMatch(/2026年3月1[45]日/);
  });
});
