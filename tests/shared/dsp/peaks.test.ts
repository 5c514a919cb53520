import { describe, expect, it } from 'vitest';
import { rfft } from '../../../shared/dsp/fft.ts';
import { findPeaks, localMaxima, prominence } from '../../../shared/dsp/peaks.ts';
import type { PeakOptions } from '../../../shared/dsp/peaks.ts';
import type { FrequencySeries } from '../../../shared/dsp/types.ts';
import { getWindow } from '../../../shared/dsp/windows.ts';
import { expectClose } from '../../helpers/tolerance.ts';

const n = 4096;
const fs = 8192; // 2 Hz bins

/** Hann-windowed amplitude spectrum: a bin-centred sine of amplitude A reads A. */
function hannSpectrum(signal: Float64Array): FrequencySeries {
  const window = getWindow('hann', signal.length);
  const sum = window.reduce((a, b) => a + b, 0);
  const { re, im } = rfft(signal.map((v, i) => v * window[i]));
  return {
    frequenciesHz: Float64Array.from(re, (_, k) => (k * fs) / signal.length),
    values: Float64Array.from(re, (r, k) => (2 * Math.hypot(r, im[k])) / sum),
  };
}

function tones(parts: readonly { frequencyHz: number; amplitude: number; phase?: number }[]) {
  return Float64Array.from({ length: n }, (_, i) =>
    parts.reduce(
      (sum, p) =>
        sum + p.amplitude * Math.cos((2 * Math.PI * p.frequencyHz * i) / fs + (p.phase ?? 0)),
      0,
    ),
  );
}

/** A synthetic spectrum from plain numbers, 1 Hz per bin. */
const series = (values: number[]): FrequencySeries => ({
  frequenciesHz: Float64Array.from(values, (_, i) => i),
  values: Float64Array.from(values),
});

describe('findPeaks', () => {
  const binHz = fs / n;
  it.each(
    [0, 0.1, 0.25, 0.37, 0.5, 0.63, 0.81, 0.95].flatMap((fraction) =>
      [0, 1.3].map((phase) => ({ fraction, phase })),
    ),
  )(
    'puts a Hann-windowed sine $fraction bin off-centre (phase $phase) within 0.05 bin, 0.35 dB',
    ({ fraction, phase }) => {
      const frequencyHz = (300 + fraction) * binHz;
      const [peak] = findPeaks(hannSpectrum(tones([{ frequencyHz, amplitude: 0.5, phase }])), {
        maxPeaks: 1,
      });
      // Gaussian interpolation on Hann measures at most ~0.016 bin here; 0.05 is the contract.
      expectClose(peak.frequencyHz, frequencyHz, 0.05 * binHz);
      // The interpolated level recovers most of Hann's scalloping loss (1.42 dB at half a bin):
      // it reads at most 0.33 dB high.
      expectClose(peak.levelDb, 20 * Math.log10(0.5), 0.35);
    },
  );

  it.each([
    { valueScale: 'power' as const, map: (a: number) => a * a },
    { valueScale: 'db' as const, map: (a: number) => 20 * Math.log10(a) },
  ])('locates the same frequency from $valueScale values', ({ valueScale, map }) => {
    const spectrum = hannSpectrum(tones([{ frequencyHz: 1000.7, amplitude: 1 }]));
    const [amplitude] = findPeaks(spectrum, { maxPeaks: 1 });
    const [other] = findPeaks(
      { ...spectrum, values: spectrum.values.map(map) },
      { maxPeaks: 1, valueScale },
    );
    expectClose(other.frequencyHz, amplitude.frequencyHz, 1e-9);
    expectClose(other.levelDb, amplitude.levelDb, 1e-9);
    expectClose(other.level, map(amplitude.level), 1e-9 * Math.abs(map(amplitude.level)));
  });

  // Three Gaussian-shaped lines on a flat floor at 1e-4 (−80 dB), 2 Hz per bin: the shape a
  // well-averaged spectrum has, without a single periodogram's Hann side lobes and noise dips.
  const threeTones: FrequencySeries = (() => {
    const frequenciesHz = Float64Array.from({ length: 2001 }, (_, k) => 2 * k);
    const lines = [
      [500, 1],
      [520, 0.1],
      [2000, 0.01],
    ];
    const values = frequenciesHz.map(
      (f) =>
        1e-4 + lines.reduce((sum, [f0, a]) => sum + a * Math.exp(-(((f - f0) / 2) ** 2) / 2), 0),
    );
    return { frequenciesHz, values };
  })();
  const strongOnly = (options: PeakOptions) =>
    findPeaks(threeTones, { minProminenceDb: 30, ...options }).map((p) =>
      Math.round(p.frequencyHz),
    );

  it.each([
    ['every prominent peak', {}, [500, 520, 2000]],
    ['peaks above a level', { minLevel: 0.05 }, [500, 520]],
    ['peaks at least 30 Hz apart', { minDistanceHz: 30 }, [500, 2000]],
    ['the strongest two', { maxPeaks: 2 }, [500, 520]],
    ['peaks 50 dB above their bases', { minProminenceDb: 50 }, [500, 520]],
    ['peaks in a frequency range', { minFrequencyHz: 510, maxFrequencyHz: 3000 }, [520, 2000]],
  ])('finds %s', (_, options, expected) => {
    expect(strongOnly(options)).toEqual(expected);
  });

  it('sorts by level when asked', () => {
    const spectrum = series([0, 1, 0, 3, 0, 2, 0]);
    expect(findPeaks(spectrum, { sortBy: 'level' }).map((p) => p.bin)).toEqual([3, 5, 1]);
  });

  it('reports each peak’s prominence in dB', () => {
    // 10·log10 would be power; amplitude values give 20·log10 ratios.
    const [peak] = findPeaks(series([2, 1, 10, 3, 5]), {});
    expectClose(peak.prominenceDb, 20 * Math.log10(10 / 3), 1e-12);
  });

  it.each([
    ['minDistanceHz', { minDistanceHz: -1 }],
    ['maxPeaks', { maxPeaks: 0 }],
    ['minProminenceDb', { minProminenceDb: -3 }],
    ['valueScale', { valueScale: 'log' as unknown as 'db' }],
  ])('rejects a bad %s with a RangeError naming it', (name, options) => {
    expect(() => findPeaks(threeTones, options)).toThrow(RangeError);
    expect(() => findPeaks(threeTones, options)).toThrow(name);
  });

  it('rejects arrays of different lengths with a RangeError', () => {
    const bad = { frequenciesHz: new Float64Array(3), values: new Float64Array(4) };
    expect(() => findPeaks(bad)).toThrow(RangeError);
  });
});

describe('localMaxima and prominence', () => {
  it.each([
    ['a single peak', [0, 1, 0], [1]],
    ['a plateau, at its middle', [0, 2, 2, 2, 0], [2]],
    ['an even plateau, at its left middle', [0, 2, 2, 0], [1]],
    ['no peak at the edges', [3, 1, 2, 1, 3], [2]],
    ['no peak on a rising shoulder', [0, 1, 1, 2, 0], [3]],
    ['nothing in a monotone run', [1, 2, 3, 4], []],
  ])('finds %s (as scipy.signal.find_peaks)', (_, values, expected) => {
    expect(localMaxima(values)).toEqual(expected);
  });

  it.each([
    ['bounded by the higher base', [0, 5, 1, 3, 2, 9], 3, 3 - 2],
    ['the whole height when alone', [0, 4, 0], 1, 4],
    ['limited by a window', [0, 1, 2, 3, 10, 3, 2, 1, 0], 4, 10 - 2],
  ])('gives scipy prominence: %s', (_, values, peak, expected) => {
    const halfWindow = values.length === 9 ? 2 : Infinity;
    expectClose(prominence(values, peak, halfWindow), expected, 1e-12);
  });
});
