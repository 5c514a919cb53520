import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../renderer/components/visibleRange.ts';

describe('visibleRange', () => {
  it('draws the rows in sight plus the margin, clipped to the table', () => {
    // 340 px of 34 px rows: 10 rows in sight, one more for a partly shown row.
    expect(visibleRange(0, 340, 34, 100_000, 10)).toEqual({ first: 0, last: 21 });
    expect(visibleRange(34 * 500, 340, 34, 100_000, 10)).toEqual({ first: 490, last: 521 });
    expect(visibleRange(34 * 99_995, 340, 34, 100_000, 10)).toEqual({
      first: 99_985,
      last: 100_000,
    });
  });

  it('draws nothing for an empty table, and all of a short one', () => {
    expect(visibleRange(0, 340, 34, 0, 10)).toEqual({ first: 0, last: 0 });
    expect(visibleRange(0, 340, 34, 3, 10)).toEqual({ first: 0, last: 3 });
  });
});
