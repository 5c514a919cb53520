import { describe, expect, it } from 'vitest';
import {
  addSamples,
  emptyStats,
  mergeStats,
  signalStatistics,
  summarizeStats,
} from '../../../shared/dsp/stats.ts';
import type { SignalStatistics } from '../../../shared/dsp/stats.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectClose } from '../../helpers/tolerance.ts';

interface StatsCase {
  name: string;
  samples: Float64Array;
  kurtosis: number;
  skewness: number;
  rms: number;
  mean: number;
  standardDeviation: number;
  peak: number;
}

const reference = loadReference<{ cases: StatsCase[] }>('timeDomain/stats.json');

const relativeClose = (actual: number, expected: number, tolerance: number) =>
  expectClose(actual, expected, tolerance * Math.max(Math.abs(expected), 1e-300));

const fields = ['kurtosis', 'skewness', 'rms', 'mean', 'standardDeviation', 'peak'] as const;

function expectSameStatistics(
  actual: SignalStatistics,
  expected: SignalStatistics,
  tolerance: number,
) {
  for (const field of fields) expectClose(actual[field], expected[field], tolerance);
  expect(actual.count).toBe(expected.count);
  expect(actual.minimum).toBe(expected.minimum);
  expect(actual.maximum).toBe(expected.maximum);
}

describe('signalStatistics', () => {
  it.each(reference.cases.map((c) => [c.name, c] as const))(
    'matches scipy.stats (kurtosis fisher=False, skew) and numpy for %s noise (relative 1e-10)',
    (_, c) => {
      const stats = signalStatistics(c.samples);
      relativeClose(stats.kurtosis, c.kurtosis, 1e-10);
      expectClose(stats.skewness, c.skewness, 1e-10);
      relativeClose(stats.rms, c.rms, 1e-10);
      expectClose(stats.mean, c.mean, 1e-12);
      relativeClose(stats.standardDeviation, c.standardDeviation, 1e-10);
      expect(stats.peak).toBe(c.peak);
    },
  );

  it.each([
    // Whole periods of a sine: mean 0, RMS A/√2, crest √2, Pearson kurtosis 3/2.
    ['a sine', (i: number) => 2 * Math.sin((2 * Math.PI * i) / 100), Math.SQRT2, Math.SQRT2, 1.5],
    // ±1 square wave: RMS 1, crest 1, kurtosis 1.
    ['a square wave', (i: number) => (i % 10 < 5 ? 1 : -1), 1, 1, 1],
  ])('gives the textbook values for %s', (_, f, rms, crest, kurtosis) => {
    const stats = signalStatistics(Float64Array.from({ length: 10_000 }, (_, i) => f(i)));
    expectClose(stats.rms, rms, 1e-12);
    expectClose(stats.crestFactor, crest, 1e-12);
    expectClose(stats.kurtosis, kurtosis, 1e-12);
    expectClose(stats.skewness, 0, 1e-12);
  });

  it('reports NaN shape statistics and zero crest for a constant signal', () => {
    const stats = signalStatistics(new Float64Array(1000).fill(0.1));
    expect(stats.kurtosis).toBeNaN();
    expect(stats.skewness).toBeNaN();
    expectClose(stats.rms, 0.1, 1e-13);
    expect(signalStatistics(new Float64Array(10)).crestFactor).toBe(0);
  });

  it('rejects an empty signal with a RangeError naming samples', () => {
    expect(() => signalStatistics(new Float64Array(0))).toThrow(RangeError);
    expect(() => signalStatistics(new Float64Array(0))).toThrow(/samples/);
  });
});

describe('the streaming accumulator', () => {
  const impulsive = reference.cases.find((c) => c.name === 'impulsive')!.samples;
  const whole = signalStatistics(impulsive);

  it.each([1, 3, 100, 777, 2000])(
    'gives the whole-signal statistics in blocks of %i (1e-12)',
    (block) => {
      let accumulator = emptyStats();
      for (let i = 0; i < impulsive.length; i += block) {
        accumulator = addSamples(accumulator, impulsive.subarray(i, i + block));
      }
      expectSameStatistics(summarizeStats(accumulator), whole, 1e-12);
    },
  );

  it('merges parts computed separately, in any order (1e-12)', () => {
    const parts = [0, 300, 1100, 1500, 2000].slice(1).map((end, i, ends) => {
      const start = i === 0 ? 0 : ends[i - 1];
      return addSamples(emptyStats(), impulsive.subarray(start, end));
    });
    const forward = parts.reduce(mergeStats, emptyStats());
    const backward = [...parts].reverse().reduce(mergeStats, emptyStats());
    const pairwise = mergeStats(mergeStats(parts[0], parts[3]), mergeStats(parts[2], parts[1]));
    for (const merged of [forward, backward, pairwise]) {
      expectSameStatistics(summarizeStats(merged), whole, 1e-12);
    }
  });

  it('keeps the accumulated moments of a large offset accurate (relative 1e-9)', () => {
    // Raw power sums would lose everything here: mean 1e6, spread 1.
    const offset = Float64Array.from(impulsive, (v) => v + 1e6);
    let accumulator = emptyStats();
    for (let i = 0; i < offset.length; i += 50)
      accumulator = addSamples(accumulator, offset.subarray(i, i + 50));
    const stats = summarizeStats(accumulator);
    relativeClose(stats.kurtosis, whole.kurtosis, 1e-9);
    relativeClose(stats.standardDeviation, whole.standardDeviation, 1e-9);
  });

  it('does not change the accumulator it is given', () => {
    const before = addSamples(emptyStats(), impulsive.subarray(0, 10));
    const snapshot = { ...before };
    addSamples(before, impulsive.subarray(10, 20));
    mergeStats(before, before);
    expect(before).toEqual(snapshot);
  });

  it('refuses to summarise no samples with a RangeError', () => {
    expect(() => summarizeStats(emptyStats())).toThrow(RangeError);
  });
});
