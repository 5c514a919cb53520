import { describe, expect, it } from 'vitest';
import {
  createEnvelopeSpectrumAccumulator,
  envelopeSpectrum,
} from '../../../shared/dsp/envelopeSpectrum.ts';
import { findHarmonics } from '../../../shared/dsp/harmonics.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const fs = 48000;
const segment = 65536; // the default at 48 kHz: 0.732 Hz bins

function amTone(n: number, amplitude: number, depth: number, modulationHz: number) {
  return Float64Array.from(
    { length: n },
    (_, i) =>
      amplitude *
      (1 + depth * Math.cos((2 * Math.PI * modulationHz * i) / fs)) *
      Math.cos((2 * Math.PI * 3000 * i) / fs),
  );
}

/** Impacts every 1/rateHz s, each ringing a 3 kHz resonance (1 ms decay), in Gaussian noise. */
function ringingImpacts(n: number, rateHz: number, impactAmplitude: number): Float64Array {
  const x = gaussianNoise(n, 3);
  for (let k = 0; ; k++) {
    const start = Math.round((k * fs) / rateHz);
    if (start >= n) break;
    for (let i = 0; i < 480 && start + i < n; i++) {
      const t = i / fs;
      x[start + i] += impactAmplitude * Math.exp(-t / 0.001) * Math.sin(2 * Math.PI * 3000 * t);
    }
  }
  return x;
}

const peakBin = (values: Float64Array, from = 1) => {
  let best = from;
  for (let k = from; k < values.length; k++) if (values[k] > values[best]) best = k;
  return best;
};

describe('envelopeSpectrum', () => {
  // fm on a bin centre (120 bins of fs/65536) so the Hann window reads the amplitude exactly.
  const fm = (120 * fs) / segment;
  const am = amTone(4 * segment, 0.8, 0.3, fm);

  it.each([
    { name: 'the raw envelope', band: undefined },
    { name: 'a 2–4 kHz band-pass first', band: [2000, 4000] as const },
  ])('reads m·A at the modulation frequency of an AM tone, with $name (1e-3)', ({ band }) => {
    const spectrum = envelopeSpectrum(am, fs, { band });
    const k = peakBin(spectrum.values);
    expectClose(spectrum.frequenciesHz[k], fm, 1e-9);
    expectClose(spectrum.values[k], 0.3 * 0.8, 0.24e-3);
    expect(spectrum.values[0]).toBeLessThan(1e-3); // the mean is removed
    expect(spectrum.segmentCount).toBe(7);
  });

  it('shows periodic ringing impacts at their rate and its first harmonics', () => {
    const rateHz = 37;
    const x = ringingImpacts(fs * 4, rateHz, 3);
    const spectrum = envelopeSpectrum(x, fs, { band: [2000, 4000], maxFrequencyHz: 500 });
    const family = findHarmonics(spectrum, rateHz, { count: 5, toleranceRelative: 0.01 });
    expect(family.consecutiveCount).toBe(5);
    family.harmonics.forEach((h) =>
      expectClose(h.frequencyHz, h.expectedHz, spectrum.binWidthHz / 2),
    );
  });

  it('gives the one-shot result when fed block by block (1e-12)', () => {
    const options = { band: [2000, 4000] as const, maxFrequencyHz: 1000 };
    const whole = envelopeSpectrum(am, fs, options);
    const accumulator = createEnvelopeSpectrumAccumulator(fs, options);
    for (let i = 0; i < am.length; i += 12345) accumulator.push(am.subarray(i, i + 12345));
    const blockwise = accumulator.finish();
    expectArraysClose(blockwise.values, whole.values, 1e-12, 1e-9);
    expectArraysClose(blockwise.frequenciesHz, whole.frequenciesHz, 0, 1);
  });

  it('stops at maxFrequencyHz', () => {
    const spectrum = envelopeSpectrum(am, fs, { maxFrequencyHz: 200 });
    expect(spectrum.frequenciesHz[spectrum.frequenciesHz.length - 1]).toBeLessThanOrEqual(200);
    expect(spectrum.frequenciesHz[spectrum.frequenciesHz.length - 1]).toBeGreaterThan(199);
    expect(spectrum.values.length).toBe(spectrum.frequenciesHz.length);
  });

  it('spans a signal shorter than the default segment with one segment', () => {
    const spectrum = envelopeSpectrum(am.subarray(0, 30000), fs);
    expect(spectrum.segmentCount).toBe(1);
    expectClose(spectrum.binWidthHz, fs / 30000, 1e-12);
  });

  it.each([
    ['a band above Nyquist', () => envelopeSpectrum(am, fs, { band: [2000, 30000] }), /cutoffHz/],
    ['a zero sample rate', () => envelopeSpectrum(am, 0), /sampleRateHz/],
    ['a one-sample signal', () => envelopeSpectrum(new Float64Array(1), fs), /samples/],
    [
      'a negative maxFrequencyHz',
      () => envelopeSpectrum(am, fs, { maxFrequencyHz: -1 }),
      /maxFrequencyHz/,
    ],
    [
      'a stream shorter than one segment',
      () => {
        const accumulator = createEnvelopeSpectrumAccumulator(fs);
        accumulator.push(am.subarray(0, 1000));
        return accumulator.finish();
      },
      /segmentLength/,
    ],
  ])('rejects %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
