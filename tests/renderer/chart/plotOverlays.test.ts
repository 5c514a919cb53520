import { describe, expect, it } from 'vitest';
import { labelRow } from '../../../renderer/chart/plotOverlays.ts';

/** Places labels of `width` px at each x in turn on 3 rows; returns the rows (-1: left out). */
function place(xs: number[], width: number, gap = 4): number[] {
  const rowEnds = [-Infinity, -Infinity, -Infinity];
  return xs.map((x) => labelRow(rowEnds, x, width, gap));
}

describe('labelRow', () => {
  it('keeps labels that clear each other on the first row', () => {
    expect(place([0, 30, 60, 90], 20)).toEqual([0, 0, 0, 0]);
  });

  it('staggers close labels onto the next free row ("2× 1× 3×" at 10 px apart)', () => {
    expect(place([100, 110, 120, 130, 160], 20)).toEqual([0, 1, 2, 0, 0]);
  });

  it('leaves a label out when every row is taken, and never overlaps two on a row', () => {
    const xs = [0, 5, 10, 15, 20, 25, 60];
    const rows = place(xs, 30);
    expect(rows).toEqual([0, 1, 2, -1, -1, -1, 0]);
    for (let row = 0; row < 3; row++) {
      const onRow = xs.filter((_, i) => rows[i] === row);
      for (let i = 1; i < onRow.length; i++) expect(onRow[i] - onRow[i - 1]).toBeGreaterThan(30);
    }
  });
});
