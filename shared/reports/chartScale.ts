/**
 * The geometry of the charts in printed reports, as pure functions: axes (linear and
 * logarithmic) from data to a box in points, their ticks, and series thinned to what a printed
 * line can show. node/reports draws what these compute.
 */

/** A rectangle on the page, in points, y growing downwards as PDF writers place it. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Axis {
  readonly min: number;
  readonly max: number;
  readonly log: boolean;
}

/** Where `value` falls between the axis' ends, 0..1 (clamped). */
export function axisFraction(axis: Axis, value: number): number {
  const span = axis.log ? Math.log10(axis.max) - Math.log10(axis.min) : axis.max - axis.min;
  if (!(span > 0)) return 0.5;
  const offset = axis.log
    ? Math.log10(Math.max(value, axis.min)) - Math.log10(axis.min)
    : value - axis.min;
  return Math.min(1, Math.max(0, offset / span));
}

/** The page x of `value` on a horizontal axis spanning the box. */
export function xOf(box: Box, axis: Axis, value: number): number {
  return box.x + axisFraction(axis, value) * box.width;
}

/** The page y of `value` on a vertical axis spanning the box (larger values higher). */
export function yOf(box: Box, axis: Axis, value: number): number {
  return box.y + box.height - axisFraction(axis, value) * box.height;
}

/** 1, 2 or 5 times a power of ten: the step that gives about `count` steps over the span. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  // The nearest of 1, 2, 5 and 10 (on a log scale), so the count is near the one asked for.
  const mantissa = ratio < 1.5 ? 1 : ratio < 3 ? 2 : ratio < 7 ? 5 : 10;
  return mantissa * power;
}

/** Ticks of a linear axis: multiples of a nice step inside [min, max]. */
export function linearTicks(min: number, max: number, count = 5): number[] {
  const step = niceStep(max - min, count);
  const ticks: number[] = [];
  for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
    ticks.push(Math.round(value / step) * step);
  }
  return ticks;
}

/** Ticks of a log axis: 1, 2 and 5 times each power of ten inside [min, max]. */
export function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(Math.log10(min)); power <= Math.ceil(Math.log10(max)); power++) {
    for (const mantissa of [1, 2, 5]) {
      const value = mantissa * 10 ** power;
      if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}

/** The data's range with a margin, for a value axis; [0, 1] when there is no finite value. */
export function paddedRange(values: readonly number[], marginFraction = 0.05): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (min > max) return [0, 1];
  const margin = Math.max((max - min) * marginFraction, max === min ? 1 : 0);
  return [min - margin, max + margin];
}

/**
 * At most `maxPoints` points of a series, keeping each group's highest value (a narrow line in a
 * spectrum survives, as on the screen). Points outside the x axis are left out.
 */
export function thinSeries(
  xs: readonly number[],
  ys: readonly number[],
  maxPoints: number,
): { xs: number[]; ys: number[] } {
  const group = Math.max(1, Math.ceil(xs.length / Math.max(1, maxPoints)));
  const out = { xs: [] as number[], ys: [] as number[] };
  for (let start = 0; start < xs.length; start += group) {
    let peak = start;
    for (let i = start + 1; i < Math.min(xs.length, start + group); i++) {
      if (ys[i] > ys[peak]) peak = i;
    }
    out.xs.push(xs[peak]);
    out.ys.push(ys[peak]);
  }
  return out;
}

/** A frequency as an axis label: 20, 500, 1k, 2.5k. */
export function frequencyLabel(frequencyHz: number): string {
  if (frequencyHz >= 1000) return `${Number((frequencyHz / 1000).toPrecision(3))}k`;
  return String(Number(frequencyHz.toPrecision(3)));
}
