import { describe, expect, it } from 'vitest';
import {
  baselineGainDb,
  reduceSpectrum,
  reduceSpectrumLog,
  shiftLevels,
} from '../../../../renderer/features/record/spectrumPoints.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

/** Bins k·1 Hz, k = 0..n−1, with a gently falling level and a peak at `peakHz`. */
function spectrum(n: number, peakHz = -1) {
  const frequenciesHz = Float64Array.from({ length: n }, (_, k) => k);
  const levelsDb = Float64Array.from(frequenciesHz, (hz) => (hz === peakHz ? 0 : -40 - hz / 1000));
  return { frequenciesHz, levelsDb };
}

describe('reduceSpectrum', () => {
  it('leaves out 0 Hz and stops at maxHz', () => {
    const { frequenciesHz, levelsDb } = spectrum(100);
    const points = reduceSpectrum(frequenciesHz, levelsDb, 49.5, 1000);
    expect(points.frequenciesHz[0]).toBe(1);
    expect(points.frequenciesHz[points.frequenciesHz.length - 1]).toBe(49);
    expect(points.frequenciesHz).toHaveLength(49);
  });

  it('groups bins to at most maxPoints and keeps the loudest bin of each group', () => {
    const { frequenciesHz, levelsDb } = spectrum(10_001, 5003);
    const points = reduceSpectrum(frequenciesHz, levelsDb, 10_000, 2000);
    expect(points.frequenciesHz.length).toBeLessThanOrEqual(2000);
    const i = points.levelsDb.indexOf(0);
    expect(points.frequenciesHz[i]).toBe(5003);
  });

  it('does not change its input', () => {
    const { frequenciesHz, levelsDb } = spectrum(100);
    const copy = Float64Array.from(levelsDb);
    reduceSpectrum(frequenciesHz, levelsDb, 99, 10);
    expect(levelsDb).toEqual(copy);
  });

  it('rejects arrays of different lengths', () => {
    expect(() => reduceSpectrum([0, 1], [0], 1)).toThrow(RangeError);
  });
});

describe('reduceSpectrumLog', () => {
  const { frequenciesHz, levelsDb } = spectrum(20_001, 7777);
  const points = reduceSpectrumLog(frequenciesHz, levelsDb, 20_000, 0.004);

  it('keeps every bin where a log axis spreads them out', () => {
    expect([...points.frequenciesHz.subarray(0, 5)]).toEqual([1, 2, 3, 4, 5]);
  });

  it('groups bins no wider than 0.4 % of their frequency above that', () => {
    const f = points.frequenciesHz;
    for (let p = 300; p < f.length - 1; p++) {
      expect(f[p + 1] - f[p]).toBeLessThanOrEqual(2 * 0.004 * f[p] + 2);
    }
    expect(f.length).toBeLessThan(3000);
  });

  it('keeps a narrow line at its frequency', () => {
    expect(points.frequenciesHz[points.levelsDb.indexOf(0)]).toBe(7777);
  });
});

describe('baselineGainDb', () => {
  const { frequenciesHz, levelsDb } = spectrum(20_001);
  const live = reduceSpectrum(frequenciesHz, levelsDb, 20_000);
  const baseline = {
    frequenciesHz: [...live.frequenciesHz],
    medianDb: [...live.levelsDb].map((db) => db - 12),
  };

  it('is the level difference to the baseline', () => {
    expectClose(baselineGainDb(live, baseline) ?? NaN, 12, 1e-4);
  });

  it('ignores a few bands that differ (what the chart must show)', () => {
    const faulty = {
      frequenciesHz: live.frequenciesHz,
      levelsDb: live.levelsDb.map((db, i) => (live.frequenciesHz[i] > 15_000 ? db + 30 : db)),
    };
    expectClose(baselineGainDb(faulty, baseline) ?? NaN, 12, 1e-4);
  });

  it('is the median over 1/6-octave bands of the mean-power differences', () => {
    // Levels that vary across the band, a baseline on its own grid: checked against the
    // definition worked band by band.
    const uneven = {
      frequenciesHz: live.frequenciesHz,
      levelsDb: live.levelsDb.map((db, i) => db + 8 * Math.sin(i / 37) + (i % 5)),
    };
    const coarse = {
      frequenciesHz: baseline.frequenciesHz.filter((_, i) => i % 3 === 0),
      medianDb: baseline.medianDb.filter((_, i) => i % 3 === 0),
    };
    const mean = (hz: ArrayLike<number>, db: ArrayLike<number>, low: number, high: number) => {
      const powers = Array.from(db).filter((_, i) => hz[i] >= low && hz[i] < high);
      if (powers.length === 0) return null;
      return 10 * Math.log10(powers.reduce((sum, d) => sum + 10 ** (d / 10), 0) / powers.length);
    };
    const top = Math.min(uneven.frequenciesHz.at(-1) ?? 0, coarse.frequenciesHz.at(-1) ?? 0);
    const differences: number[] = [];
    for (let low = 20; low * 2 ** (1 / 6) <= top; low *= 2 ** (1 / 6)) {
      const high = low * 2 ** (1 / 6);
      const a = mean(uneven.frequenciesHz, uneven.levelsDb, low, high);
      const b = mean(coarse.frequenciesHz, coarse.medianDb, low, high);
      if (a !== null && b !== null) differences.push(a - b);
    }
    differences.sort((a, b) => a - b);
    const middle = differences.length >> 1;
    const expected =
      differences.length % 2 === 1
        ? differences[middle]
        : (differences[middle - 1] + differences[middle]) / 2;
    expect(differences.length).toBeGreaterThan(20);
    expectClose(baselineGainDb(uneven, coarse) ?? NaN, expected, 1e-9);
  });

  it('is null with fewer than three shared bands', () => {
    const narrow = { frequenciesHz: [20, 21, 22], medianDb: [-1, -1, -1] };
    expect(baselineGainDb(live, narrow)).toBeNull();
  });
});

describe('shiftLevels', () => {
  it('lowers every level and leaves the input as it was', () => {
    const points = { frequenciesHz: Float32Array.of(1, 2), levelsDb: Float32Array.of(-10, -20) };
    expect([...shiftLevels(points, 5).levelsDb]).toEqual([-15, -25]);
    expect([...points.levelsDb]).toEqual([-10, -20]);
  });
});
