import { frequencyPosition } from '../../../renderer/chart/frequencyAxis.ts';
import { describe, expect, it } from 'vitest';
import {
  colorAt,
  levelRange,
  sourceColumns,
  spectrogramAxisPixels,
  spectrogramRowBins,
} from '../../../renderer/chart/spectrogramImage.ts';
import { expectClose } from '../../helpers/tolerance.ts';

const brightness = ([r, g, b]: [number, number, number]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

describe('colorAt', () => {
  it('grows brighter from quiet to loud', () => {
    const steps = Array.from({ length: 11 }, (_, i) => brightness(colorAt(i / 10)));
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
  });

  it.each([
    [-1, 0],
    [2, 1],
    [NaN, 0],
  ])('clamps %d to the colour of %d', (t, end) => {
    expect(colorAt(t)).toEqual(colorAt(end));
  });
});

describe('levelRange', () => {
  it('spans the quantiles of the values, ignoring non-finite ones', () => {
    const values = [...Array.from({ length: 1000 }, (_, i) => -100 + i / 10), NaN, -Infinity];
    const range = levelRange(values, 0.1, 0.9, 0);
    expectClose(range?.minDb ?? NaN, -90, 0.2);
    expectClose(range?.maxDb ?? NaN, -10, 0.2);
  });

  it('is at least minSpanDb wide for a flat spectrogram', () => {
    expect(levelRange([-50, -50, -50], 0.05, 0.999, 20)).toEqual({ minDb: -70, maxDb: -50 });
  });

  it('is null without a finite value', () => {
    expect(levelRange([NaN, Infinity, -Infinity])).toBeNull();
  });
});

describe('spectrogramAxisPixels on a linear axis of one row per bin', () => {
  // Two columns, three bins of 1 Hz: column 0 rises with frequency, column 1 is loud at bin 0.
  const grid = { columnCount: 2, binCount: 3, valuesDb: [-60, -40, -20, -20, -60, -60] };
  const rows = spectrogramRowBins({ scale: 'linear', minHz: 0, maxHz: 3 }, 3, 3, 3);
  const pixels = spectrogramAxisPixels(grid, { minDb: -60, maxDb: -20 }, rows);
  const pixel = (x: number, y: number) =>
    Array.from(pixels.slice((y * 2 + x) * 4, (y * 2 + x) * 4 + 4));

  it('has one opaque RGBA pixel per column and bin', () => {
    expect(pixels).toHaveLength(2 * 3 * 4);
    for (let i = 3; i < pixels.length; i += 4) expect(pixels[i]).toBe(255);
  });

  it('puts the highest bin in the top row and 0 Hz in the bottom row', () => {
    expect(pixel(0, 0)).toEqual([...colorAt(1), 255]);
    expect(pixel(0, 2)).toEqual([...colorAt(0), 255]);
    expect(pixel(1, 2)).toEqual([...colorAt(1), 255]);
    expect(pixel(1, 0)).toEqual([...colorAt(0), 255]);
  });

  it('rejects values that do not fill the grid', () => {
    expect(() =>
      spectrogramAxisPixels({ ...grid, valuesDb: [0] }, { minDb: 0, maxDb: 1 }, rows),
    ).toThrow(RangeError);
  });
});

describe('sourceColumns', () => {
  it.each([
    [0, 60, 0, 1000],
    [30, 45, 500, 250],
    [3590, 3600, 59_833.333, 166.667],
  ])('maps %d–%d s of an hour in 60 000 columns to x %d, width %d', (start, end, x, width) => {
    const source = sourceColumns(60_000, 3600, start, end);
    expectClose(source.x, x, 1e-3);
    expectClose(source.width, width, 1e-3);
  });

  it('shows everything for an empty or unknown range', () => {
    expect(sourceColumns(100, 0, 0, 1)).toEqual({ x: 0, width: 100 });
    expect(sourceColumns(100, 10, 5, 5)).toEqual({ x: 0, width: 100 });
  });
});

describe('spectrogram on a frequency axis', () => {
  it('gives the low lines of a log axis rows of their own, top row at the top frequency', () => {
    const axis = { scale: 'log' as const, minHz: 10, maxHz: 8000 };
    // 8000 bins of 1 Hz, bin b covering [b, b + 1) Hz; 100 rows on the log axis.
    const bins = spectrogramRowBins(axis, 8000, 8000, 100);
    expect(bins[1]).toBe(7999);
    expect(bins[2 * 99]).toBe(10);
    // Below 100 Hz (the lowest third of the decades) still about a third of the rows.
    const lowRows = Array.from({ length: 100 }, (_, r) => bins[2 * r + 1]).filter((k) => k < 100);
    expect(lowRows.length).toBeGreaterThan(30);
  });

  it.each([
    [62, 0],
    [150, 1],
    [1000, 10],
  ])('puts %i Hz in the row of the bin that covers it (93.75 Hz bins)', (hz, bin) => {
    // The host's 256 bins at 48 kHz: bin b covers [b, b + 1) · 93.75 Hz.
    const axis = { scale: 'log' as const, minHz: 5, maxHz: 24000 };
    const rows = 400;
    const bins = spectrogramRowBins(axis, 256, 24000, rows);
    const row = Math.floor((1 - frequencyPosition(hz, axis)) * rows);
    expect(bins[2 * row]).toBeLessThanOrEqual(bin);
    expect(bins[2 * row + 1]).toBeGreaterThanOrEqual(bin);
    expect(bins[2 * row + 1] - bins[2 * row]).toBeLessThanOrEqual(1);
  });

  it('colours each row with the loudest of its bins', () => {
    const axis = { scale: 'linear' as const, minHz: 0, maxHz: 3 };
    const grid = { columnCount: 1, binCount: 4, valuesDb: [0, 0, 10, 0] };
    const rows = spectrogramRowBins(axis, 4, 3, 2);
    const pixels = spectrogramAxisPixels(grid, { minDb: 0, maxDb: 10 }, rows);
    // Top row (bins 2–3) holds the loud bin: the loudest colour; bottom row the quietest.
    expect([...pixels.subarray(0, 3)]).toEqual(colorAt(1));
    expect([...pixels.subarray(4, 7)]).toEqual(colorAt(0));
  });
});
