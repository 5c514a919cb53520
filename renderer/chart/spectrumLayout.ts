/**
 * Where everything of a spectrum chart goes, in CSS pixels, computed without a canvas so it can
 * be tested: the plot frame, the axes' ticks, the median line and the normal band's outline.
 */
import { dbAxis, linearPosition, logPosition, logTicks, positiveRange } from './scales.ts';

export interface SpectrumSeries {
  readonly frequenciesHz: readonly number[];
  readonly medianDb: readonly number[];
  readonly lowerDb: readonly number[];
  readonly upperDb: readonly number[];
}

export interface Tick {
  readonly value: number;
  /** x for frequency ticks, y for level ticks, in CSS pixels. */
  readonly position: number;
}

export interface SpectrumLayout {
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly frequencyTicks: readonly Tick[];
  readonly levelTicks: readonly Tick[];
  /** [x, y] pairs of the median line. */
  readonly median: readonly (readonly [number, number])[];
  /** The band's outline: along the upper edge, back along the lower edge. */
  readonly band: readonly (readonly [number, number])[];
  readonly minHz: number;
  readonly maxHz: number;
}

/** Room for tick labels around the plot, in CSS pixels. */
export const MARGIN = { left: 52, right: 12, top: 10, bottom: 40 };

function checkSeries(series: SpectrumSeries): void {
  const n = series.frequenciesHz.length;
  if (series.medianDb.length !== n || series.lowerDb.length !== n || series.upperDb.length !== n) {
    throw new RangeError(
      'spectrumLayout: frequenciesHz, medianDb, lowerDb and upperDb differ in length',
    );
  }
}

function levelRange(series: SpectrumSeries, keep: readonly number[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const i of keep) {
    min = Math.min(min, series.lowerDb[i], series.medianDb[i]);
    max = Math.max(max, series.upperDb[i], series.medianDb[i]);
  }
  return [min, max];
}

interface ColumnPoint {
  readonly x: number;
  readonly medianDb: number;
  readonly lowerDb: number;
  readonly upperDb: number;
}

/**
 * One point per pixel column where bins crowd (high frequencies on a log axis): the mean median
 * level and the band's extremes, so the drawing shows what the data holds without thousands of
 * sub-pixel zigzags. Columns holding one bin keep it as it is.
 */
function pixelColumns(
  series: SpectrumSeries,
  keep: readonly number[],
  x: (hz: number) => number,
): ColumnPoint[] {
  const out: ColumnPoint[] = [];
  let group: number[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const xs = group.map((i) => x(series.frequenciesHz[i]));
    out.push({
      x: xs.reduce((a, b) => a + b, 0) / xs.length,
      medianDb: group.reduce((sum, i) => sum + series.medianDb[i], 0) / group.length,
      lowerDb: Math.min(...group.map((i) => series.lowerDb[i])),
      upperDb: Math.max(...group.map((i) => series.upperDb[i])),
    });
    group = [];
  };
  let column = NaN;
  for (const i of keep) {
    const c = Math.floor(x(series.frequenciesHz[i]));
    if (c !== column) flush();
    column = c;
    group.push(i);
  }
  flush();
  return out;
}

/**
 * The layout of `series` in a `widthPx` × `heightPx` chart: log-frequency x axis over the
 * positive frequencies, dB y axis rounded to 10 dB (20 dB when the range passes 120 dB); bins
 * that share a pixel column are merged (see pixelColumns).
 * Returns null when there is nothing to draw (fewer than two positive finite frequencies).
 */
export function spectrumLayout(
  series: SpectrumSeries,
  widthPx: number,
  heightPx: number,
): SpectrumLayout | null {
  checkSeries(series);
  const range = positiveRange(series.frequenciesHz);
  const keep = series.frequenciesHz
    .map((hz, i) => i)
    .filter(
      (i) =>
        series.frequenciesHz[i] > 0 &&
        [series.medianDb[i], series.lowerDb[i], series.upperDb[i]].every(Number.isFinite),
    );
  if (range === null || keep.length < 2) return null;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: Math.max(MARGIN.left + 1, widthPx - MARGIN.right),
    bottom: Math.max(MARGIN.top + 1, heightPx - MARGIN.bottom),
  };
  const [lowDb, highDb] = levelRange(series, keep);
  const axis = dbAxis(lowDb, highDb, highDb - lowDb > 120 ? 20 : 10);
  const x = (hz: number) =>
    plot.left + logPosition(hz, range.min, range.max) * (plot.right - plot.left);
  const y = (db: number) =>
    plot.bottom - linearPosition(db, axis.min, axis.max) * (plot.bottom - plot.top);
  const points = pixelColumns(series, keep, x);
  return {
    plot,
    frequencyTicks: logTicks(range.min, range.max).map((value) => ({ value, position: x(value) })),
    levelTicks: axis.ticks.map((value) => ({ value, position: y(value) })),
    median: points.map((p) => [p.x, y(p.medianDb)] as const),
    band: [
      ...points.map((p) => [p.x, y(p.upperDb)] as const),
      ...[...points].reverse().map((p) => [p.x, y(p.lowerDb)] as const),
    ],
    minHz: range.min,
    maxHz: range.max,
  };
}
