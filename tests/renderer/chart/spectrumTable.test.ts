import { describe, expect, it } from 'vitest';
import {
  interpolateAt,
  lastIndexAtOrBelow,
  nearestIndex,
  spectrumTable,
} from '../../../renderer/chart/spectrumTable.ts';
import { expectClose } from '../../helpers/tolerance.ts';

const grid = [10, 20, 40, 80];

describe('lastIndexAtOrBelow and nearestIndex', () => {
  it.each([
    [5, -1, 0],
    [10, 0, 0],
    [14, 0, 0],
    [16, 0, 1],
    [39.9, 1, 2],
    [80, 3, 3],
    [1000, 3, 3],
  ])('place %d Hz at or below index %d, nearest index %d', (hz, below, nearest) => {
    expect(lastIndexAtOrBelow(grid, hz)).toBe(below);
    expect(nearestIndex(grid, hz)).toBe(nearest);
  });

  it('finds nothing in an empty grid', () => {
    expect(nearestIndex([], 3)).toBe(-1);
  });
});

describe('interpolateAt', () => {
  const values = [0, -10, -30, -70];

  it.each([
    [10, 0],
    [15, -5],
    [30, -20],
    [70, -60],
    [80, -70],
  ])('interpolates linearly at %d Hz to %d dB', (hz, expected) => {
    expectClose(interpolateAt(grid, values, hz) ?? NaN, expected, 1e-12);
  });

  it.each([9.99, 80.01])('has no value outside the grid (%d Hz)', (hz) => {
    expect(interpolateAt(grid, values, hz)).toBeNull();
  });

  it('has no value next to a non-finite neighbour', () => {
    expect(interpolateAt(grid, [0, NaN, -30, -70], 15)).toBeNull();
  });
});

describe('spectrumTable', () => {
  const spectrum = { frequenciesHz: [10, 20, 40], levelsDb: [-1, -2, -3] };

  it('copies the baseline when it shares the grid', () => {
    const baseline = {
      frequenciesHz: [10, 20, 40],
      medianDb: [-5, -6, -7],
      lowerDb: [-8, -9, -10],
      upperDb: [-2, -3, -4],
    };
    const table = spectrumTable(spectrum, baseline);
    expect(table.medianDb).toEqual([-5, -6, -7]);
    expect(table.lowerDb).toEqual([-8, -9, -10]);
    expect(table.upperDb).toEqual([-2, -3, -4]);
    expect(table.levelsDb).toEqual([-1, -2, -3]);
  });

  it('interpolates a baseline on another grid, and leaves frequencies outside it empty', () => {
    const baseline = {
      frequenciesHz: [15, 25],
      medianDb: [-10, -20],
      lowerDb: [-20, -30],
      upperDb: [0, -10],
    };
    const table = spectrumTable(spectrum, baseline);
    expect(table.medianDb[0]).toBeNull();
    expectClose(table.medianDb[1] ?? NaN, -15, 1e-12);
    expectClose(table.lowerDb[1] ?? NaN, -25, 1e-12);
    expectClose(table.upperDb[1] ?? NaN, -5, 1e-12);
    expect(table.upperDb[2]).toBeNull();
  });

  it('has empty baseline columns without a baseline', () => {
    const table = spectrumTable(spectrum, null);
    expect(table.medianDb).toEqual([null, null, null]);
    expect(table.upperDb).toEqual([null, null, null]);
  });

  it('rejects a spectrum whose arrays differ in length', () => {
    expect(() => spectrumTable({ frequenciesHz: [1, 2], levelsDb: [0] }, null)).toThrow(RangeError);
  });
});
