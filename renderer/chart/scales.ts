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

/**
 * Tick values on a log axis: 1, 2, 5 × 10^k inside [min, max]; when that gives more than
 * `maxTicks`, only the decades.
 */
export function logTicks(min: number, max: number, maxTicks = 12): number[] {
  if (!(min > 0) || !(max > min)) throw new RangeError('logTicks: need 0 < min < max');
  const ticks: number[] = [];
  for (
    let exponent = Math.floor(Math.log10(min));
    exponent <= Math.ceil(Math.log10(max));
    exponent++
  ) {
    for (const mantissa of [1, 2, 5]) {
      // Built from the exponent's power (not multiplied up) so 0.2 and 2000 come out exact.
      const value = exponent < 0 ? mantissa / 10 ** -exponent : mantissa * 10 ** exponent;
      if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.push(value);
    }
  }
  if (ticks.length <= maxTicks) return ticks;
  return ticks.filter(
    (value) => Math.abs(Math.log10(value) - Math.round(Math.log10(value))) < 1e-9,
  );
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
