import { describe, expect, it } from 'vitest';
import { MAX_PEAK_BUCKETS } from '../../../../shared/api/limits.ts';
import {
  needsDetail,
  OVERVIEW_COLUMNS,
  peakCount,
} from '../../../../renderer/features/review/overviewSizes.ts';
import { scoreScale } from '../../../../renderer/features/review/scoreScale.ts';

describe('peakCount', () => {
  it.each([
    [0.5, 2000],
    [4, 4000],
    [19.5, 19_500],
    [3600, MAX_PEAK_BUCKETS],
    [NaN, 2000],
  ])('asks for %d s of audio in %d buckets', (duration, expected) => {
    expect(peakCount(duration)).toBe(expected);
  });
});

describe('needsDetail', () => {
  it.each([
    [OVERVIEW_COLUMNS, 3600, 3600, 1200, false],
    [OVERVIEW_COLUMNS, 3600, 900, 1200, false],
    [OVERVIEW_COLUMNS, 3600, 600, 1200, true],
    [200, 4, 0.1, 1200, true],
    [OVERVIEW_COLUMNS, 3600, 60, 0, false],
  ])(
    'with %d columns over %d s, %d s on %d px: %s',
    (columns, duration, visible, width, expected) => {
      expect(needsDetail(columns, duration, visible, width)).toBe(expected);
    },
  );
});

describe('scoreScale', () => {
  it.each([
    [1, 3, 6, 1],
    [7.3, 3, 7.3, 7.3],
    [-2, 3, 6, 0],
    [2, 0, 2, 2],
    [NaN, 3, 6, 0],
  ])('shows score %d against threshold %d on 0..%d at %d', (score, threshold, max, value) => {
    expect(scoreScale(score, threshold)).toEqual({ max, value });
  });
});
