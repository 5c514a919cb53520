/**
 * A spectrum and the baseline it is compared with, on one frequency grid: what the Review chart
 * draws, what the cursor reads and what the CSV export writes, so all three agree.
 */

export interface SpectrumTable {
  readonly frequenciesHz: readonly number[];
  readonly levelsDb: readonly number[];
  /** The baseline's median and normal band at each frequency; null where it has no value. */
  readonly medianDb: readonly (number | null)[];
  readonly lowerDb: readonly (number | null)[];
  readonly upperDb: readonly (number | null)[];
}

export interface BaselineColumns {
  readonly frequenciesHz: readonly number[];
  readonly medianDb: readonly number[];
  readonly lowerDb: readonly number[];
  readonly upperDb: readonly number[];
}

/** Index of the last element ≤ `value` in ascending `sorted`, or -1 when all are greater. */
export function lastIndexAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Index of the element of ascending `sorted` closest to `value` (-1 for an empty array). */
export function nearestIndex(sorted: readonly number[], value: number): number {
  if (sorted.length === 0) return -1;
  const below = lastIndexAtOrBelow(sorted, value);
  if (below < 0) return 0;
  if (below === sorted.length - 1) return below;
  return value - sorted[below] <= sorted[below + 1] - value ? below : below + 1;
}

/**
 * Linear interpolation of `values` (at ascending `atHz`) at `frequencyHz`; null outside the
 * range or where a neighbour is not finite. Equivalent of numpy.interp without extrapolation.
 */
export function interpolateAt(
  atHz: readonly number[],
  values: readonly number[],
  frequencyHz: number,
): number | null {
  const i = lastIndexAtOrBelow(atHz, frequencyHz);
  if (i < 0) return null;
  if (atHz[i] === frequencyHz) return Number.isFinite(values[i]) ? values[i] : null;
  if (i === atHz.length - 1) return null;
  const [a, b] = [values[i], values[i + 1]];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const t = (frequencyHz - atHz[i]) / (atHz[i + 1] - atHz[i]);
  return a + t * (b - a);
}

function sameGrid(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((hz, i) => Math.abs(hz - b[i]) <= 1e-9 * Math.max(1, hz));
}

/**
 * The spectrum with the baseline on its grid: copied when both share the grid (the host's
 * usual answer), else interpolated linearly in frequency; null columns without a baseline.
 * Throws RangeError when the spectrum's two arrays differ in length.
 */
export function spectrumTable(
  spectrum: { readonly frequenciesHz: readonly number[]; readonly levelsDb: readonly number[] },
  baseline: BaselineColumns | null,
): SpectrumTable {
  const { frequenciesHz, levelsDb } = spectrum;
  if (levelsDb.length !== frequenciesHz.length) {
    throw new RangeError('spectrumTable: spectrum.frequenciesHz and levelsDb differ in length');
  }
  if (baseline === null) {
    const none = frequenciesHz.map(() => null);
    return { frequenciesHz, levelsDb, medianDb: none, lowerDb: none, upperDb: none };
  }
  const pick = (values: readonly number[]) =>
    sameGrid(frequenciesHz, baseline.frequenciesHz)
      ? values.map((v) => (Number.isFinite(v) ? v : null))
      : frequenciesHz.map((hz) => interpolateAt(baseline.frequenciesHz, values, hz));
  return {
    frequenciesHz,
    levelsDb,
    medianDb: pick(baseline.medianDb),
    lowerDb: pick(baseline.lowerDb),
    upperDb: pick(baseline.upperDb),
  };
}
