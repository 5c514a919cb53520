/**
 * Axis arithmetic for the page's charts, free of DOM so it can be tested in Node: a logarithmic
 * frequency axis with 1-2-5 ticks, and a linear dB axis with round limits.
 */

/** Position of `value` on a log axis from `min` to `max` (both > 0): 0 at min, 1 at max. */
export function logPosition(value: number, min: number, max: number): number {
  if (!(min > 0) || !(max > min)) throw new RangeError('logPosition: need 0 < min < max');
  return Math.log(value / min) / Math.log(max / min);
}

/** Position of `value` on a linear axis from `min` to `max`: 0 at min, 1 at max. */
export function linearPosition(value: number, min: number, max: number): number {
  if (!(max > min)) throw new RangeError('linearPosition: need min < max');
  return (value - min) / (max - min);
}

/** Values m × 10^k inside [min, max] for each mantissa m, in increasing order. */
function decadeMultiples(min: number, max: number, mantissas: readonly number[]): number[] {
  const values: number[] = [];
  for (
    let exponent = Math.floor(Math.log10(min));
    exponent <= Math.ceil(Math.log10(max));
    exponent++
  ) {
    for (const mantissa of mantissas) {
      // Built from the exponent's power (not multiplied up) so 0.2 and 2000 come out exact.
      const value = exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
      if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) values.push(value);
    }
  }
  return values;
}

/** Fewest ticks an axis shows, however far it is zoomed in. */
const MIN_TICKS = 3;

/**
 * Tick values on a log axis: 1, 2, 5 × 10^k inside [min, max]; when that gives more than
 * `maxTicks`, only the decades. Zoomed in so far that fewer than three 1-2-5 values fall inside
 * (110–180 Hz has none), every 1…9 × 10^k, then round linear steps: an axis never goes bare.
 */
export function logTicks(min: number, max: number, maxTicks = 12): number[] {
  if (!(min > 0) || !(max > min)) throw new RangeError('logTicks: need 0 < min < max');
  const ticks = decadeMultiples(min, max, [1, 2, 5]);
  if (ticks.length > maxTicks) {
    return ticks.filter(
      (value) => Math.abs(Math.log10(value) - Math.round(Math.log10(value))) < 1e-9,
    );
  }
  if (ticks.length >= MIN_TICKS) return ticks;
  const units = decadeMultiples(min, max, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  if (units.length >= MIN_TICKS && units.length <= maxTicks) return units;
  return linearTicks(min, max, Math.max(MIN_TICKS, Math.min(maxTicks, 6)));
}

/** Round tick values on a linear axis: steps of 1, 2 or 5 × 10^k, at most `maxTicks` of them. */
export function linearTicks(min: number, max: number, maxTicks = 10): number[] {
  if (!(max > min)) throw new RangeError('linearTicks: need min < max');
  if (!(maxTicks >= 2)) throw new RangeError('linearTicks: maxTicks must be >= 2');
  const rough = (max - min) / (maxTicks - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let i = Math.ceil(min / step - 1e-9); i * step <= max * (1 + 1e-12); i++) {
    // Built from the index (not summed) so that 0.6 comes out as 0.6, not 0.6000000000000001.
    ticks.push(Number((i * step).toPrecision(12)));
  }
  return ticks;
}

/** dB limits rounded outwards to `stepDb` and the ticks between them; a flat range is widened. */
export function dbAxis(
  minDb: number,
  maxDb: number,
  stepDb = 10,
): { min: number; max: number; ticks: number[] } {
  if (!Number.isFinite(minDb) || !Number.isFinite(maxDb) || maxDb < minDb) {
    throw new RangeError('dbAxis: need finite minDb <= maxDb');
  }
  let min = Math.floor(minDb / stepDb) * stepDb;
  let max = Math.ceil(maxDb / stepDb) * stepDb;
  if (max === min) {
    min -= stepDb;
    max += stepDb;
  }
  const ticks: number[] = [];
  for (let value = min; value <= max; value += stepDb) ticks.push(value);
  return { min, max, ticks };
}

/** The range a log frequency axis can show: the first positive and the last frequency. */
export function positiveRange(
  frequenciesHz: readonly number[],
): { min: number; max: number } | null {
  let min = Infinity;
  let max = -Infinity;
  for (const value of frequenciesHz) {
    if (value > 0 && Number.isFinite(value)) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  return max > min ? { min, max } : null;
}
