import { describe, expect, it } from 'vitest';
import { selectDemodulationBand, spectralKurtosis } from '../../../shared/dsp/spectralKurtosis.ts';
import { expectClose } from '../../helpers/tolerance.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const fs = 16000;

/** Unit noise plus impacts every 1/37 s, each ringing a 3 kHz resonance that decays in 1 ms. */
function ringingImpacts(n: number, amplitude: number, seed: number): Float64Array {
  const x = gaussianNoise(n, seed);
  const period = fs / 37;
  for (let start = 100; start < n; start += period) {
    const at = Math.round(start);
    for (let i = 0; i < 400 && at + i < n; i++) {
      const t = i / fs;
      x[at + i] += amplitude * Math.exp(-t / 0.001) * Math.sin(2 * Math.PI * 3000 * t);
    }
  }
  return x;
}

const mean = (values: ArrayLike<number>, from: number, to: number) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
};

describe('spectralKurtosis', () => {
  const noise = gaussianNoise(4 * fs, 5);

  it.each([16, 64, 256])(
    'averages near 0 over the bins of Gaussian noise with a %i-sample window (±0.05)',
    (windowLength) => {
      const sk = spectralKurtosis(noise, fs, { windowLength });
      expectClose(mean(sk.values, 1, sk.values.length - 1), 0, 0.05);
      expect(sk.frequenciesHz.length).toBe(windowLength / 2 + 1);
      expect(sk.frameCount).toBe(
        Math.floor((noise.length - windowLength) / (windowLength / 4)) + 1,
      );
    },
  );

  it('reads −1 at the frequency of a steady sine (constant |X|), 1e-6', () => {
    // A bin-centred sine far above the noise: |X|² barely varies, so ⟨P²⟩/⟨P⟩² → 1.
    const sine = Float64Array.from(
      { length: fs },
      (_, i) => 100 * Math.sin((2 * Math.PI * 2000 * i) / fs),
    );
    const sk = spectralKurtosis(sine, fs, { windowLength: 64 });
    expectClose(sk.values[(2000 * 64) / fs], -1, 1e-6);
  });

  it('rises where impacts ring a resonance', () => {
    const sk = spectralKurtosis(ringingImpacts(2 * fs, 4, 7), fs, { windowLength: 64 });
    const at3k = sk.values[(3000 * 64) / fs];
    expect(at3k).toBeGreaterThan(2);
    expect(sk.values[(6000 * 64) / fs]).toBeLessThan(0.3);
  });

  it.each([
    ['a window that is not a power of two', { windowLength: 100 }, /windowLength/],
    ['a zero hop', { hopLength: 0 }, /hopLength/],
    ['a signal of fewer than 8 frames', { windowLength: 8192 }, /samples/],
  ])('rejects %s with a RangeError naming it', (_, options, name) => {
    expect(() => spectralKurtosis(noise.subarray(0, 16000), fs, options)).toThrow(RangeError);
    expect(() => spectralKurtosis(noise.subarray(0, 16000), fs, options)).toThrow(name);
  });

  it('rejects a non-positive sample rate with a RangeError naming it', () => {
    expect(() => spectralKurtosis(noise, 0)).toThrow(/sampleRateHz/);
  });
});

describe('selectDemodulationBand', () => {
  it.each([
    { amplitude: 2, seed: 1 },
    { amplitude: 4, seed: 2 },
    { amplitude: 8, seed: 3 },
  ])(
    'chooses a band containing the 3 kHz resonance rung by impacts of amplitude $amplitude',
    ({ amplitude, seed }) => {
      const band = selectDemodulationBand(ringingImpacts(2 * fs, amplitude, seed), fs);
      expect(band.lowHz).toBeLessThan(3000);
      expect(band.highHz).toBeGreaterThan(3000);
      expect(band.significant).toBe(true);
      expect(band.spectralKurtosis).toBeGreaterThan(band.noiseThreshold);
      expectClose(band.highHz - band.lowHz, band.bandwidthHz, 1e-9);
      expectClose(band.bandwidthHz, (2 * fs) / band.windowLength, 1e-9);
    },
  );

  it.each([1, 2, 3])(
    'finds nothing significant in pure Gaussian noise (seed %i): SK near 0',
    (seed) => {
      const band = selectDemodulationBand(gaussianNoise(2 * fs, seed), fs);
      expect(band.significant).toBe(false);
      expect(Math.abs(band.spectralKurtosis)).toBeLessThan(0.2);
    },
  );

  it('keeps the band inside the given frequency limits and minimum bandwidth', () => {
    const x = ringingImpacts(2 * fs, 4, 4);
    const band = selectDemodulationBand(x, fs, { minFrequencyHz: 4000, minBandwidthHz: 600 });
    expect(band.lowHz).toBeGreaterThan(4000);
    expect(band.bandwidthHz).toBeGreaterThanOrEqual(600);
  });

  it.each([
    ['a bad window length', { windowLengths: [48] }, /windowLength/],
    ['limits no band fits', { minFrequencyHz: 7000, maxFrequencyHz: 7020 }, /band/],
  ])('rejects %s with a RangeError', (_, options, name) => {
    const x = gaussianNoise(fs, 1);
    expect(() => selectDemodulationBand(x, fs, options)).toThrow(RangeError);
    expect(() => selectDemodulationBand(x, fs, options)).toThrow(name);
  });
});
