/**
 * Block statistics of two signals of equal length in one pair of passes: one signal whole, the
 * other cut into consecutive parts (the features' raw block and its high-passed copy cut at
 * piece boundaries). Each running sum is a serial chain of additions whose latency, not the
 * arithmetic, bounds a single-signal loop; two independent chains in one loop overlap (measured
 * 5.3 → 3.3 ns per sample for both, docs/benchmark.md). Every sum still adds the same values in the same order as `blockStats` on each
 * signal (or part) alone, so the results are bit for bit the same.
 */
import type { StatsAccumulator } from './stats.ts';
import type { SampleArray } from './types.ts';

export interface PairedStats {
  /** The statistics of all of `whole`. */
  readonly whole: StatsAccumulator;
  /** The statistics of each part of `parted`, in order. */
  readonly parts: readonly StatsAccumulator[];
}

function accumulator(
  count: number,
  mean: number,
  sums: readonly [number, number, number],
  minimum: number,
  maximum: number,
): StatsAccumulator {
  const [m2, m3, m4] = sums;
  const peak = Math.max(Math.abs(minimum), Math.abs(maximum));
  return { count, mean, m2, m3, m4, peak, minimum, maximum };
}

/**
 * `blockStats` of `whole` and of parted[cuts[i] .. cuts[i+1]) for each i. `cuts` runs from 0 to
 * whole.length, strictly increasing; both arrays have that length.
 */
export function pairedBlockStats(
  whole: SampleArray,
  parted: SampleArray,
  cuts: readonly number[],
): PairedStats {
  const n = whole.length;
  let sum = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  const partMeans: number[] = [];
  const partMinima: number[] = [];
  const partMaxima: number[] = [];
  for (let p = 0; p + 1 < cuts.length; p++) {
    const to = cuts[p + 1];
    let partSum = 0;
    let partMinimum = Infinity;
    let partMaximum = -Infinity;
    for (let i = cuts[p]; i < to; i++) {
      const x = whole[i];
      sum += x;
      if (x < minimum) minimum = x;
      if (x > maximum) maximum = x;
      const y = parted[i];
      partSum += y;
      if (y < partMinimum) partMinimum = y;
      if (y > partMaximum) partMaximum = y;
    }
    partMeans.push(partSum / (to - cuts[p]));
    partMinima.push(partMinimum);
    partMaxima.push(partMaximum);
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  const parts: StatsAccumulator[] = [];
  for (let p = 0; p + 1 < cuts.length; p++) {
    const to = cuts[p + 1];
    const partMean = partMeans[p];
    let p2 = 0;
    let p3 = 0;
    let p4 = 0;
    for (let i = cuts[p]; i < to; i++) {
      const d = whole[i] - mean;
      const d2 = d * d;
      m2 += d2;
      m3 += d2 * d;
      m4 += d2 * d2;
      const e = parted[i] - partMean;
      const e2 = e * e;
      p2 += e2;
      p3 += e2 * e;
      p4 += e2 * e2;
    }
    const count = to - cuts[p];
    parts.push(accumulator(count, partMean, [p2, p3, p4], partMinima[p], partMaxima[p]));
  }
  return { whole: accumulator(n, mean, [m2, m3, m4], minimum, maximum), parts };
}
