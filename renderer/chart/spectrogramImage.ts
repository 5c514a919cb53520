/**
 * A spectrogram as pixels, computed without a canvas so it can be tested: a level range that
 * ignores outliers, a perceptually ordered colour map, and one RGBA pixel per column and row of
 * a log or linear frequency axis, the highest frequency in the top row. Drawing a zoomed view is then a scaled copy of a
 * part of this image, which costs the same for a minute or an hour of audio.
 */

import { axisBinRanges } from './frequencyAxis.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';

export interface SpectrogramGrid {
  readonly columnCount: number;
  readonly binCount: number;
  /** `valuesDb[column * binCount + bin]`. */
  readonly valuesDb: ArrayLike<number>;
}

/** Anchors of the colour map from quiet to loud (dark blue, purple, orange, pale yellow). */
const ANCHORS: readonly (readonly [number, number, number])[] = [
  [8, 8, 32],
  [40, 20, 100],
  [120, 30, 120],
  [200, 60, 80],
  [245, 140, 40],
  [252, 230, 150],
];

/** The colour for `t` in [0, 1] (clamped), as [r, g, b] in 0..255. */
export function colorAt(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (ANCHORS.length - 1);
  const i = Math.min(ANCHORS.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [ANCHORS[i], ANCHORS[i + 1]];
  return [0, 1, 2].map((c) => Math.round(a[c] + f * (b[c] - a[c]))) as [number, number, number];
}

/**
 * The dB range to colour: from the `lowQuantile` to the `highQuantile` of the finite values
 * (sampled to at most 65 536 values, so an hour's spectrogram costs no more), widened to at
 * least `minSpanDb`. Null when no value is finite.
 */
export function levelRange(
  valuesDb: ArrayLike<number>,
  lowQuantile = 0.2,
  highQuantile = 0.995,
  minSpanDb = 20,
): { minDb: number; maxDb: number } | null {
  const stride = Math.max(1, Math.floor(valuesDb.length / 65_536));
  const sample: number[] = [];
  for (let i = 0; i < valuesDb.length; i += stride) {
    if (Number.isFinite(valuesDb[i])) sample.push(valuesDb[i]);
  }
  if (sample.length === 0) return null;
  sample.sort((a, b) => a - b);
  const at = (q: number) => sample[Math.min(sample.length - 1, Math.floor(q * sample.length))];
  const maxDb = at(highQuantile);
  return { minDb: Math.min(at(lowQuantile), maxDb - minSpanDb), maxDb };
}

/**
 * The part of the image (in fractional columns) that shows [startSeconds, endSeconds) of a
 * recording of `durationSeconds` whose columns evenly cover it.
 */
export function sourceColumns(
  columnCount: number,
  durationSeconds: number,
  startSeconds: number,
  endSeconds: number,
): { x: number; width: number } {
  if (!(durationSeconds > 0) || !(endSeconds > startSeconds)) return { x: 0, width: columnCount };
  const perSecond = columnCount / durationSeconds;
  const x = Math.max(0, startSeconds * perSecond);
  const end = Math.min(columnCount, endSeconds * perSecond);
  return { x, width: Math.max(end - x, 1e-6) };
}

/**
 * For each of `rows` image rows (row 0 at the top, `axis.maxHz`) evenly spaced on a log or
 * linear frequency axis, the first and last spectrogram bin it covers ([first, last] pairs).
 * The host's bin b covers [b, b + 1) · maxFrequencyHz / binCount (SpectrogramView), so every
 * row overlaps a bin, and machine lines below 1 kHz get rows of their own on a log axis.
 */
export function spectrogramRowBins(
  axis: FrequencyAxis,
  binCount: number,
  maxFrequencyHz: number,
  rows: number,
): Int32Array {
  if (!(binCount >= 1) || !(maxFrequencyHz > 0) || !(rows >= 1)) {
    throw new RangeError('spectrogramRowBins: need binCount >= 1, maxFrequencyHz > 0, rows >= 1');
  }
  const bottomUp = axisBinRanges(axis, rows, maxFrequencyHz / binCount, binCount, 'intervals');
  const out = new Int32Array(2 * rows);
  for (let r = 0; r < rows; r++)
    out.set(bottomUp.subarray(2 * (rows - 1 - r), 2 * (rows - r)), 2 * r);
  return out;
}

/**
 * RGBA pixels of the grid on a frequency axis: `columnCount` wide, one row per [first, last]
 * pair of `rowBins` (spectrogramRowBins), each the loudest of its bins (a line stays visible).
 */
let colours: [number, number, number][] | null = null;

/** The colour map in 256 steps, made once. */
function colourTable(): [number, number, number][] {
  colours ??= Array.from({ length: 256 }, (_, i) => colorAt(i / 255));
  return colours;
}

export function spectrogramAxisPixels(
  grid: SpectrogramGrid,
  range: { minDb: number; maxDb: number },
  rowBins: Int32Array,
): Uint8ClampedArray<ArrayBuffer> {
  const { columnCount, binCount, valuesDb } = grid;
  if (valuesDb.length !== columnCount * binCount) {
    throw new RangeError('spectrogramAxisPixels: valuesDb must hold columnCount × binCount values');
  }
  const rows = rowBins.length / 2;
  const lut = colourTable();
  const span = range.maxDb - range.minDb || 1;
  const pixels = new Uint8ClampedArray(columnCount * rows * 4);
  for (let column = 0; column < columnCount; column++) {
    const base = column * binCount;
    for (let row = 0; row < rows; row++) {
      let value = -Infinity;
      for (let k = rowBins[2 * row]; k <= rowBins[2 * row + 1]; k++) {
        if (valuesDb[base + k] > value) value = valuesDb[base + k];
      }
      const level = Number.isFinite(value) ? (value - range.minDb) / span : 0;
      const [r, g, b] = lut[Math.round(255 * Math.min(1, Math.max(0, level)))];
      const offset = (row * columnCount + column) * 4;
      pixels[offset] = r;
      pixels[offset + 1] = g;
      pixels[offset + 2] = b;
      pixels[offset + 3] = 255;
    }
  }
  return pixels;
}
