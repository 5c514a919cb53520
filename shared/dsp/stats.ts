/**
 * Time-domain statistics of a signal (RMS, peak, crest factor, skewness, kurtosis) in one
 * streaming pass with a combinable accumulator, so blocks of a long file, or parts computed by
 * different workers, merge into exactly the statistics of the whole.
 *
 * Moments are kept as count, mean and central sums M2, M3, M4, merged with the pairwise update
 * formulas of Chan, Golub & LeVeque (1979) and Pébay, "Formulas for robust, one-pass parallel
 * computation of covariances and arbitrary-order statistical moments", Sandia SAND2008-6212
 * (eqs. 2.1–2.3): no cancellation from summing raw powers.
 */
import type { SampleArray } from './types.ts';

/** Plain data: safe to send to or from a worker. Build with `emptyStats` / `addSamples`. */
export interface StatsAccumulator {
  readonly count: number;
  readonly mean: number;
  /** Σ (x − mean)². */
  readonly m2: number;
  /** Σ (x − mean)³. */
  readonly m3: number;
  /** Σ (x − mean)⁴. */
  readonly m4: number;
  /** max |x|. */
  readonly peak: number;
  readonly minimum: number;
  readonly maximum: number;
}

export interface SignalStatistics {
  readonly count: number;
  readonly mean: number;
  /** √(mean of x²), DC included, in input units. */
  readonly rms: number;
  /** Population standard deviation √(M2/n) (numpy.std, ddof 0). */
  readonly standardDeviation: number;
  /** max |x|. */
  readonly peak: number;
  readonly minimum: number;
  readonly maximum: number;
  /** peak / rms (a sine √2 ≈ 1.414, Gaussian noise typically 3.5–5). 0 for a silent signal. */
  readonly crestFactor: number;
  /** Biased sample skewness m3/m2^1.5 (scipy.stats.skew, bias=True). NaN if constant. */
  readonly skewness: number;
  /**
   * Pearson kurtosis m4/m2², NOT excess: Gaussian 3, sine 1.5, impulsive > 3
   * (scipy.stats.kurtosis(x, fisher=False, bias=True)). NaN if constant.
   */
  readonly kurtosis: number;
}

/** The accumulator of no samples. */
export function emptyStats(): StatsAccumulator {
  return { count: 0, mean: 0, m2: 0, m3: 0, m4: 0, peak: 0, minimum: Infinity, maximum: -Infinity };
}

/** Exact moments of one block by two passes over it (mean first, then central sums). */
function blockStats(samples: SampleArray): StatsAccumulator {
  const n = samples.length;
  let sum = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = samples[i];
    sum += x;
    if (x < minimum) minimum = x;
    if (x > maximum) maximum = x;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = samples[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const peak = Math.max(Math.abs(minimum), Math.abs(maximum));
  return { count: n, mean, m2, m3, m4, peak, minimum, maximum };
}

/** Statistics of both parts together (Pébay's pairwise formulas). Inputs are not changed. */
export function mergeStats(a: StatsAccumulator, b: StatsAccumulator): StatsAccumulator {
  if (a.count === 0) return { ...b };
  if (b.count === 0) return { ...a };
  const n = a.count + b.count;
  const delta = b.mean - a.mean;
  const deltaN = delta / n;
  const ab = a.count * b.count;
  const m2 = a.m2 + b.m2 + delta * deltaN * ab;
  const m3 =
    a.m3 +
    b.m3 +
    delta * deltaN * deltaN * ab * (a.count - b.count) +
    3 * deltaN * (a.count * b.m2 - b.count * a.m2);
  const m4 =
    a.m4 +
    b.m4 +
    delta * deltaN ** 3 * ab * (a.count * a.count - ab + b.count * b.count) +
    6 * deltaN * deltaN * (a.count * a.count * b.m2 + b.count * b.count * a.m2) +
    4 * deltaN * (a.count * b.m3 - b.count * a.m3);
  return {
    count: n,
    mean: a.mean + deltaN * b.count,
    m2,
    m3,
    m4,
    peak: Math.max(a.peak, b.peak),
    minimum: Math.min(a.minimum, b.minimum),
    maximum: Math.max(a.maximum, b.maximum),
  };
}

/** The accumulator with `samples` added (a new object; neither input is changed). */
export function addSamples(accumulator: StatsAccumulator, samples: SampleArray): StatsAccumulator {
  if (samples.length === 0) return { ...accumulator };
  return mergeStats(accumulator, blockStats(samples));
}

/** Final statistics. Throws RangeError for an accumulator that has seen no samples. */
export function summarizeStats(accumulator: StatsAccumulator): SignalStatistics {
  const { count, mean, m2, m3, m4, peak, minimum, maximum } = accumulator;
  if (count === 0) throw new RangeError('summarizeStats: the accumulator holds no samples');
  const variance = m2 / count;
  const rms = Math.sqrt(variance + mean * mean);
  // A constant signal leaves only rounding in m2; below this its shape statistics mean nothing.
  const constant = variance <= (1e-10 * peak) ** 2;
  return {
    count,
    mean,
    rms,
    standardDeviation: Math.sqrt(variance),
    peak,
    minimum,
    maximum,
    crestFactor: rms > 0 ? peak / rms : 0,
    skewness: constant ? NaN : m3 / count / variance ** 1.5,
    kurtosis: constant ? NaN : m4 / count / (variance * variance),
  };
}

/** Statistics of a whole signal (see `SignalStatistics`). Throws RangeError when empty. */
export function signalStatistics(samples: SampleArray): SignalStatistics {
  if (samples.length === 0) throw new RangeError('signalStatistics: samples must not be empty');
  return summarizeStats(blockStats(samples));
}
