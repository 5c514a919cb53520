/**
 * Where everything of the live spectrum chart goes, in CSS pixels, without a canvas so it can be
 * tested: the live line over the baseline's median and normal band, on a log or linear frequency
 * axis and a dB axis that only widens while the view is open (a steady axis is easier to read).
 */
import { frequencyPosition, frequencyTicks } from './frequencyAxis.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import { dbAxis, linearPosition } from './scales.ts';
import { MARGIN } from './spectrumLayout.ts';
import type { SpectrumLayout, SpectrumSeries, Tick } from './spectrumLayout.ts';

export interface LiveSeries {
  readonly frequenciesHz: ArrayLike<number>;
  readonly levelsDb: ArrayLike<number>;
  /** Held peaks at the same frequencies, or null when peak hold is off. */
  readonly peakDb?: ArrayLike<number> | null;
}

export interface LevelRange {
  readonly minDb: number;
  readonly maxDb: number;
}

export interface LiveSpectrumLayout extends Omit<SpectrumLayout, 'minHz' | 'maxHz'> {
  /** [x, y] pairs of the live line (the loudest bin of each pixel column). */
  readonly live: readonly (readonly [number, number])[];
  /** [x, y] pairs of the held peaks (empty when peak hold is off). */
  readonly peak: readonly (readonly [number, number])[];
}

/** The dB axis never spans more than this below its top: deeper is numerical floor, not sound. */
export const MAX_SPAN_DB = 100;

type Point = readonly [number, number];

function inAxis(frequencyHz: number, axis: FrequencyAxis): boolean {
  return frequencyHz >= axis.minHz && frequencyHz <= axis.maxHz && frequencyHz > 0;
}

function extend(range: [number, number], value: number): void {
  if (!Number.isFinite(value)) return;
  if (value < range[0]) range[0] = value;
  if (value > range[1]) range[1] = value;
}

/**
 * The levels shown on `axis`: lowest and highest of the live line and the baseline's band, the
 * bottom raised to at most MAX_SPAN_DB below the top. Null when nothing finite is in range.
 */
export function liveLevelRange(
  live: LiveSeries | null,
  baseline: SpectrumSeries | null,
  axis: FrequencyAxis,
): LevelRange | null {
  const range: [number, number] = [Infinity, -Infinity];
  if (live) {
    for (let i = 0; i < live.frequenciesHz.length; i++) {
      if (!inAxis(live.frequenciesHz[i], axis)) continue;
      extend(range, live.levelsDb[i]);
      if (live.peakDb) extend(range, live.peakDb[i]);
    }
  }
  if (baseline) {
    baseline.frequenciesHz.forEach((hz, i) => {
      if (!inAxis(hz, axis)) return;
      extend(range, baseline.lowerDb[i]);
      extend(range, baseline.upperDb[i]);
    });
  }
  if (!(range[1] >= range[0])) return null;
  return { minDb: Math.max(range[0], range[1] - MAX_SPAN_DB), maxDb: range[1] };
}

/** The union of two ranges (null stands for none): the axis widens, never narrows. */
export function widenRange(
  previous: LevelRange | null,
  next: LevelRange | null,
): LevelRange | null {
  if (previous === null) return next;
  if (next === null) return previous;
  return {
    minDb: Math.min(previous.minDb, next.minDb),
    maxDb: Math.max(previous.maxDb, next.maxDb),
  };
}

/** Indices of the points inside the axis, grouped by the pixel column they fall in. */
function pixelColumns(
  frequenciesHz: ArrayLike<number>,
  finite: (i: number) => boolean,
  axis: FrequencyAxis,
  x: (hz: number) => number,
): { x: number; indices: number[] }[] {
  const out: { x: number; indices: number[] }[] = [];
  let column = NaN;
  for (let i = 0; i < frequenciesHz.length; i++) {
    const hz = frequenciesHz[i];
    if (!inAxis(hz, axis) || !finite(i)) continue;
    const position = x(hz);
    const c = Math.floor(position);
    if (c !== column) out.push({ x: 0, indices: [] });
    column = c;
    const group = out[out.length - 1];
    group.x += position;
    group.indices.push(i);
  }
  for (const group of out) group.x /= group.indices.length;
  return out;
}

function livePoints(
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
  axis: FrequencyAxis,
  x: (hz: number) => number,
  y: (db: number) => number,
): Point[] {
  return pixelColumns(frequenciesHz, (i) => Number.isFinite(levelsDb[i]), axis, x).map(
    (group) => [group.x, y(Math.max(...group.indices.map((i) => levelsDb[i])))] as const,
  );
}

function baselinePoints(
  baseline: SpectrumSeries,
  axis: FrequencyAxis,
  x: (hz: number) => number,
  y: (db: number) => number,
): { median: Point[]; band: Point[] } {
  const finite = (i: number) =>
    [baseline.medianDb[i], baseline.lowerDb[i], baseline.upperDb[i]].every(Number.isFinite);
  const groups = pixelColumns(baseline.frequenciesHz, finite, axis, x);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const upper = groups.map(
    (g) => [g.x, y(Math.max(...g.indices.map((i) => baseline.upperDb[i])))] as const,
  );
  const lower = groups.map(
    (g) => [g.x, y(Math.min(...g.indices.map((i) => baseline.lowerDb[i])))] as const,
  );
  return {
    median: groups.map((g) => [g.x, y(mean(g.indices.map((i) => baseline.medianDb[i])))] as const),
    band: [...upper, ...lower.reverse()],
  };
}

/**
 * The layout of the live chart in `widthPx` × `heightPx`: the frequency axis as given, the dB
 * axis from `levels` rounded outwards to 10 dB; in every pixel column the live line shows its
 * loudest point (a narrow line stays visible), the median its mean and the band its extremes.
 */
export function liveSpectrumLayout(
  input: {
    readonly axis: FrequencyAxis;
    readonly levels: LevelRange;
    readonly live: LiveSeries | null;
    readonly baseline: SpectrumSeries | null;
  },
  widthPx: number,
  heightPx: number,
): LiveSpectrumLayout {
  const { axis, levels } = input;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: Math.max(MARGIN.left + 1, widthPx - MARGIN.right),
    bottom: Math.max(MARGIN.top + 1, heightPx - MARGIN.bottom),
  };
  const dB = dbAxis(levels.minDb, levels.maxDb, levels.maxDb - levels.minDb > 60 ? 20 : 10);
  const x = (hz: number) => plot.left + frequencyPosition(hz, axis) * (plot.right - plot.left);
  const y = (db: number) =>
    plot.bottom - linearPosition(Math.max(db, dB.min), dB.min, dB.max) * (plot.bottom - plot.top);
  const tick = (value: number, position: number): Tick => ({ value, position });
  const base = input.baseline
    ? baselinePoints(input.baseline, axis, x, y)
    : { median: [], band: [] };
  return {
    plot,
    frequencyTicks: frequencyTicks(axis).map((hz) => tick(hz, x(hz))),
    levelTicks: dB.ticks.map((db) => tick(db, y(db))),
    median: base.median,
    band: base.band,
    live: input.live ? livePoints(input.live.frequenciesHz, input.live.levelsDb, axis, x, y) : [],
    peak: input.live?.peakDb
      ? livePoints(input.live.frequenciesHz, input.live.peakDb, axis, x, y)
      : [],
  };
}
