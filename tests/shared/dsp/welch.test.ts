import { describe, expect, it } from 'vitest';
import type { WelchOptions } from '../../../shared/dsp/welch.ts';
import {
  amplitudeSpectrum,
  medianBias,
  toAmplitudeSpectrum,
  welch,
  welchSegmentCount,
  welchSegmentRange,
} from '../../../shared/dsp/welch.ts';
import type { WindowName } from '../../../shared/dsp/windows.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

interface StoredSignal {
  sampleRateHz: number;
  samples: Float64Array;
}
interface WelchCase {
  signal: string;
  options: WelchOptions;
  scipy: string;
  segmentCount: number;
  frequenciesHz: Float64Array;
  values: Float64Array;
}

const { signals } = loadReference<{ signals: Record<string, StoredSignal> }>(
  'spectral/signals.json',
);
const { cases } = loadReference<{ cases: WelchCase[] }>('spectral/welch.json');

function sine(n: number, amplitude: number, frequencyHz: number, sampleRateHz: number) {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++)
    out[i] = amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz);
  return out;
}

function peakOf(values: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < values.length; i++) peak = Math.max(peak, Math.abs(values[i]));
  return peak;
}

describe('welch against scipy.signal.welch', () => {
  // Tolerance: 1e-5 relative per bin, with a floor of 1e-9 × the spectrum's peak so that bins
  // near zero (leakage floors, DC after detrending) are compared in absolute terms.
  it.each(cases.map((c) => [c.scipy, c] as const))('matches %s', (_name, c) => {
    const { samples, sampleRateHz } = signals[c.signal];
    const result = welch(samples, sampleRateHz, c.options);
    expect(result.segmentCount).toBe(c.segmentCount);
    expectArraysClose(result.frequenciesHz, c.frequenciesHz, 1e-12, 1);
    expectArraysClose(result.values, c.values, 1e-5, 1e-9 * peakOf(c.values));
  });

  it('gives a Float32Array input the result of the same values as a Float64Array', () => {
    const { samples, sampleRateHz } = signals.noise;
    const single = Float32Array.from(samples);
    const options = { segmentLength: 512, window: 'hamming' as const };
    const fromSingle = welch(single, sampleRateHz, options);
    const fromDouble = welch(Float64Array.from(single), sampleRateHz, options);
    expect(Array.from(fromSingle.values)).toEqual(Array.from(fromDouble.values));
  });

  it('does not change its input', () => {
    const samples = gaussianNoise(3000, 9, 1);
    const copy = samples.slice();
    welch(samples, 1000, { segmentLength: 256, detrend: 'linear' });
    expect(Array.from(samples)).toEqual(Array.from(copy));
  });
});

describe('welch on analytic signals', () => {
  it.each<[WindowName, number]>([
    ['hann', 1e-9],
    ['hamming', 1e-9],
    ['blackmanharris', 1e-9],
    ['flattop', 1e-9],
  ])('reads a bin-centred sine of amplitude 2 as 2 with a %s window', (window, tolerance) => {
    const sampleRateHz = 48_000;
    const segmentLength = 4096;
    const frequencyHz = (341 * sampleRateHz) / segmentLength;
    const spectrum = amplitudeSpectrum(
      sine(8 * segmentLength, 2, frequencyHz, sampleRateHz),
      sampleRateHz,
      {
        segmentLength,
        window,
      },
    );
    expect(spectrum.frequenciesHz[341]).toBeCloseTo(frequencyHz, 9);
    expectClose(spectrum.values[341], 2, 2 * tolerance);
  });

  it.each<[WindowName, number, number]>([
    // The flat-top's passband ripples above 1 as well as below: ±0.12 % between bins.
    ['flattop', 0.0012, 0.0012],
    ['hann', 0.152, 1e-9], // Hann scalloping loss at half a bin: 1.42 dB
  ])('reads any sine within the %s window scalloping loss of %f', (window, loss, overshoot) => {
    const sampleRateHz = 1000;
    const segmentLength = 1024;
    for (let offsetBins = 0; offsetBins <= 0.5; offsetBins += 0.1) {
      const frequencyHz = ((100 + offsetBins) * sampleRateHz) / segmentLength;
      const samples = sine(16_384, 1.5, frequencyHz, sampleRateHz);
      const spectrum = amplitudeSpectrum(samples, sampleRateHz, { segmentLength, window });
      const read = peakOf(spectrum.values);
      expect(read).toBeLessThanOrEqual(1.5 * (1 + overshoot));
      expect(read).toBeGreaterThanOrEqual(1.5 * (1 - loss));
    }
  });

  it('reads a constant as its value at DC when detrending is off', () => {
    const samples = new Float64Array(2048).fill(-0.75);
    const spectrum = amplitudeSpectrum(samples, 8000, { segmentLength: 512, detrend: false });
    expectClose(spectrum.values[0], 0.75, 1e-12);
  });

  it('reads white noise of variance σ² as σ²/(fs/2) in the density', () => {
    const sigma = 0.3;
    const sampleRateHz = 48_000;
    const result = welch(gaussianNoise(1 << 17, 42, sigma), sampleRateHz, { segmentLength: 1024 });
    const interior = result.values.subarray(1, result.values.length - 1);
    const mean = interior.reduce((sum, value) => sum + value, 0) / interior.length;
    expectClose(mean / ((sigma * sigma) / (sampleRateHz / 2)), 1, 0.03);
  });

  it.each(['density', 'spectrum'] as const)(
    'keeps Parseval with a boxcar window: the %s sums to the mean square',
    (scaling) => {
      const samples = gaussianNoise(4096, 5, 1.7);
      const sampleRateHz = 1000;
      const result = welch(samples, sampleRateHz, {
        segmentLength: 512,
        overlapSamples: 0,
        window: 'boxcar',
        detrend: false,
        scaling,
      });
      const total = result.values.reduce((sum, value) => sum + value, 0);
      const meanSquare = samples.reduce((sum, value) => sum + value * value, 0) / samples.length;
      const binWidth = scaling === 'density' ? result.binWidthHz : 1;
      expectClose((total * binWidth) / meanSquare, 1, 1e-12);
    },
  );

  it.each([
    [48_000, 1024, 1024],
    [1000, 1000, 1024],
    [1000, 255, 255],
  ])(
    'puts bin k at k·fs/nfft (fs %i Hz, segment %i, nfft %i)',
    (sampleRateHz, segmentLength, fftLength) => {
      const result = welch(gaussianNoise(4096, 1, 1), sampleRateHz, { segmentLength, fftLength });
      expect(result.frequenciesHz.length).toBe(Math.floor(fftLength / 2) + 1);
      const expected = Float64Array.from(
        result.frequenciesHz,
        (_, k) => (k * sampleRateHz) / fftLength,
      );
      expectArraysClose(result.frequenciesHz, expected, 1e-14, 1);
      expectClose(result.binWidthHz, sampleRateHz / fftLength, 1e-12);
    },
  );

  it.each([
    // sampleCount, segmentLength, overlap options, segments
    [1000, 256, {}, 6],
    [1000, 256, { overlapSamples: 0 }, 3],
    [1023, 256, { overlap: 0.75 }, 12],
    [255, 256, {}, 0],
    [256, 256, { overlap: 0.5 }, 1],
    [10_000, 1000, { overlapSamples: 999 }, 9001],
  ])(
    'counts %i samples as whole segments of %i with overlap %o',
    (n, segmentLength, overlap, count) => {
      const options = { segmentLength, ...overlap };
      expect(welchSegmentCount(n, 1000, options)).toBe(count);
      if (count > 0) expect(welch(new Float64Array(n), 1000, options).segmentCount).toBe(count);
    },
  );

  it('rounds an overlap fraction to whole samples', () => {
    const result = welch(gaussianNoise(2000, 3, 1), 1000, { segmentLength: 100, overlap: 0.333 });
    expect(result.settings.overlapSamples).toBe(33);
  });

  it('reports the equivalent noise bandwidth of the window in Hz', () => {
    const result = welch(gaussianNoise(2048, 3, 1), 1000, { segmentLength: 1000, window: 'hann' });
    expectClose(result.equivalentNoiseBandwidthHz, 1.5, 1e-12);
  });

  it('corrects the median for its bias so that noise reads the same level as with the mean', () => {
    expectClose(medianBias(1), 1, 0);
    expectClose(medianBias(3), 1 + 1 / 3 - 1 / 2, 1e-15);
    const samples = gaussianNoise(1 << 16, 17, 1);
    const mean = welch(samples, 1000, { segmentLength: 256 });
    const median = welch(samples, 1000, { segmentLength: 256, average: 'median' });
    const ratio = median.values.reduce((a, b) => a + b, 0) / mean.values.reduce((a, b) => a + b, 0);
    expectClose(ratio, 1, 0.05);
  });

  it('refuses an amplitude from a density', () => {
    const result = welch(gaussianNoise(1024, 3, 1), 1000, { segmentLength: 256 });
    expect(() => toAmplitudeSpectrum(result)).toThrow(/scaling/);
  });
});

describe('welch argument checks', () => {
  const samples = new Float64Array(4096);
  it.each<[string, () => unknown, RegExp]>([
    [
      'a non-array signal',
      () => welch([1, 2] as unknown as Float64Array, 1000, { segmentLength: 2 }),
      /samples/,
    ],
    ['a zero sample rate', () => welch(samples, 0, { segmentLength: 256 }), /sampleRateHz/],
    ['a NaN sample rate', () => welch(samples, NaN, { segmentLength: 256 }), /sampleRateHz/],
    ['a missing segment length', () => welch(samples, 1000, {} as WelchOptions), /segmentLength/],
    [
      'a fractional segment length',
      () => welch(samples, 1000, { segmentLength: 100.5 }),
      /segmentLength/,
    ],
    [
      'a segment longer than the signal',
      () => welch(samples, 1000, { segmentLength: 8192 }),
      /segmentLength/,
    ],
    ['an overlap of 1', () => welch(samples, 1000, { segmentLength: 256, overlap: 1 }), /overlap/],
    [
      'a negative overlap',
      () => welch(samples, 1000, { segmentLength: 256, overlap: -0.1 }),
      /overlap/,
    ],
    [
      'overlapSamples = segmentLength',
      () => welch(samples, 1000, { segmentLength: 256, overlapSamples: 256 }),
      /overlapSamples/,
    ],
    [
      'both overlap forms',
      () => welch(samples, 1000, { segmentLength: 256, overlap: 0.5, overlapSamples: 128 }),
      /overlap/,
    ],
    [
      'an FFT shorter than the segment',
      () => welch(samples, 1000, { segmentLength: 256, fftLength: 128 }),
      /fftLength/,
    ],
    [
      'an unknown window',
      () => welch(samples, 1000, { segmentLength: 256, window: 'kaiser' as WindowName }),
      /window/,
    ],
    [
      'a window of the wrong length',
      () => welch(samples, 1000, { segmentLength: 256, window: new Float64Array(255) }),
      /window/,
    ],
    [
      'an unknown detrend',
      () => welch(samples, 1000, { segmentLength: 256, detrend: 'quadratic' as 'linear' }),
      /detrend/,
    ],
    [
      'an unknown scaling',
      () => welch(samples, 1000, { segmentLength: 256, scaling: 'psd' as 'density' }),
      /scaling/,
    ],
    [
      'an unknown average',
      () => welch(samples, 1000, { segmentLength: 256, average: 'max' as 'mean' }),
      /average/,
    ],
    [
      'a segment range past the end',
      () => welchSegmentRange(samples, 1000, { segmentLength: 256 }, 30, 2),
      /segments/,
    ],
    [
      'a negative first segment',
      () => welchSegmentRange(samples, 1000, { segmentLength: 256 }, -1, 2),
      /firstSegment/,
    ],
  ])('rejects %s, naming it', (_name, call, message) => {
    expect(call).toThrow(message);
    try {
      call();
    } catch (error) {
      expect(error instanceof RangeError || error instanceof TypeError).toBe(true);
    }
  });
});
