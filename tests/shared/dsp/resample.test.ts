import { describe, expect, it } from 'vitest';
import {
  createResampler,
  rationalApproximation,
  resample,
  resampleFactors,
  resamplePoly,
  SCIPY_RESAMPLE_DESIGN,
} from '../../../shared/dsp/resample.ts';
import {
  designResampleFilter,
  DEFAULT_RESAMPLE_DESIGN,
} from '../../../shared/dsp/resampleFilter.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';

interface ResampleCase {
  up: number;
  down: number;
  design: 'scipy' | 'default';
  expected: Float64Array;
  filter?: Float64Array;
}

const reference = loadReference<{ samples: Float64Array; cases: ResampleCase[] }>(
  'timeDomain/resample.json',
);
const x = reference.samples;

const sine = (n: number, frequencyHz: number, sampleRateHz: number, amplitude = 1) =>
  Float64Array.from(
    { length: n },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz + 0.4),
  );

/** Complex amplitude of the component at frequencyHz over samples [from, from + count). */
function demodulate(
  y: Float64Array,
  frequencyHz: number,
  sampleRateHz: number,
  from: number,
  count: number,
) {
  let c = 0;
  let s = 0;
  for (let i = from; i < from + count; i++) {
    const phase = (2 * Math.PI * frequencyHz * i) / sampleRateHz;
    c += y[i] * Math.cos(phase);
    s += y[i] * Math.sin(phase);
  }
  return { amplitude: (2 / count) * Math.hypot(c, s), phase: Math.atan2(s, c) };
}

/**
 * The sine's amplitude (least squares over whole cycles of the middle) and its frequency from the
 * phase drift between the middle's two halves: f + Δφ/(2π·Δt), precise to well under 1 mHz.
 */
function measureSine(y: Float64Array, frequencyHz: number, sampleRateHz: number) {
  const skip = Math.floor(y.length / 10);
  const samplesPerCycle = sampleRateHz / frequencyHz;
  const half = Math.round(
    Math.floor((y.length - 2 * skip) / 2 / samplesPerCycle) * samplesPerCycle,
  );
  const first = demodulate(y, frequencyHz, sampleRateHz, skip, half);
  const second = demodulate(y, frequencyHz, sampleRateHz, skip + half, half);
  const whole = demodulate(y, frequencyHz, sampleRateHz, skip, 2 * half);
  // The demodulator's phase falls when the tone runs fast: φ = atan2(Σ y·sin, Σ y·cos).
  const drift = Math.atan2(
    Math.sin(first.phase - second.phase),
    Math.cos(first.phase - second.phase),
  );
  return {
    amplitude: whole.amplitude,
    frequencyHz: frequencyHz + (drift * sampleRateHz) / (2 * Math.PI * half),
  };
}

function rmsOfMiddle(y: Float64Array): number {
  const skip = Math.floor(y.length / 10);
  let sum = 0;
  for (let i = skip; i < y.length - skip; i++) sum += y[i] * y[i];
  return Math.sqrt(sum / (y.length - 2 * skip));
}

describe('resamplePoly', () => {
  it.each(reference.cases.map((c) => [c.up, c.down, c.design, c] as const))(
    'matches scipy.signal.resample_poly for up %i, down %i with the %s filter (absolute 1e-12)',
    (up, down, design, c) => {
      const y = resamplePoly(
        x,
        up,
        down,
        design === 'scipy' ? SCIPY_RESAMPLE_DESIGN : DEFAULT_RESAMPLE_DESIGN,
      );
      expect(y.length).toBe(c.expected.length);
      expectArraysClose(y, c.expected, 1e-12, 1);
    },
  );

  it.each(reference.cases.filter((c) => c.filter).map((c) => [c.up, c.down, c] as const))(
    'designs the default filter for %i/%i as scipy.signal.firwin with a Kaiser window (1e-12)',
    (up, down, c) => {
      const h = designResampleFilter(up, down, DEFAULT_RESAMPLE_DESIGN).map((v) => v / up);
      expectArraysClose(h, c.filter!, 1e-12, 1e-3);
    },
  );

  it.each([
    [160, 147, 1],
    [1, 6, 7],
    [6, 1, 100],
    [3, 2, 799],
  ])('gives the same output in a stream (up %i, down %i, blocks of %i)', (up, down, block) => {
    const whole = resamplePoly(x, up, down);
    const resampler = createResampler(up, down);
    const parts: number[] = [];
    for (let i = 0; i < x.length; i += block)
      parts.push(...resampler.push(x.subarray(i, i + block)));
    parts.push(...resampler.flush());
    expectArraysClose(parts, whole, 0, 1);
  });

  it('copies the input when up equals down', () => {
    const y = resamplePoly(x, 3, 3);
    expectArraysClose(y, x, 0, 1);
    expect(y).not.toBe(x);
  });

  it.each([
    ['an empty signal', () => resamplePoly(new Float64Array(0), 2, 1), /samples/],
    ['up 0', () => resamplePoly(x, 0, 1), /up/],
    ['a fractional down', () => resamplePoly(x, 1, 1.5), /down/],
    [
      'a zero Kaiser cut-off',
      () => resamplePoly(x, 1, 2, { ...DEFAULT_RESAMPLE_DESIGN, cutoff: 0 }),
      /cutoff/,
    ],
  ])('rejects %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});

describe('resample between sample rates', () => {
  const pairs = [
    [48000, 8000],
    [8000, 48000],
    [44100, 48000],
    [48000, 44100],
    [12000, 48000],
    [48000, 12000],
  ] as const;

  it.each(pairs.flatMap(([from, to]) => [0.1, 0.5, 0.8].map((f) => [from, to, f] as const)))(
    '%i → %i Hz keeps a sine at %s of the lower Nyquist: frequency within 1 mHz, amplitude within 0.1 dB',
    (from, to, fraction) => {
      const frequencyHz = (fraction * Math.min(from, to)) / 2;
      const result = resample(sine(from, frequencyHz, from, 0.7), from, to);
      expect(result.sampleRateHz).toBe(to);
      expect(result.samples.length).toBe(to);
      const measured = measureSine(result.samples, frequencyHz, to);
      expectClose(measured.frequencyHz, frequencyHz, 1e-3);
      expectClose(20 * Math.log10(measured.amplitude / 0.7), 0, 0.1);
    },
  );

  it('measures a wrong frequency as wrong (the check above can fail)', () => {
    const measured = measureSine(sine(8000, 1000.05, 8000), 1000, 8000);
    expectClose(measured.frequencyHz, 1000.05, 1e-4);
  });

  it.each(
    [
      [48000, 8000],
      [48000, 12000],
      [48000, 44100],
    ]
      .flatMap(([from, to]) => [1.0, 1.05, 1.1, 1.5, 2.9].map((f) => [from, to, f] as const))
      .filter(([from, to, f]) => (f * to) / 2 < from / 2), // tones the input can hold
  )(
    '%i → %i Hz attenuates a sine at %s × the new Nyquist by more than 60 dB',
    (from, to, factor) => {
      const frequencyHz = (factor * to) / 2;
      const result = resample(sine(from, frequencyHz, from), from, to);
      expect(20 * Math.log10(rmsOfMiddle(result.samples) / Math.SQRT1_2)).toBeLessThan(-60);
    },
  );

  it.each([
    [44100, 48000, 160, 147],
    [48000, 8000, 1, 6],
    [8000, 48000, 6, 1],
    [12000, 48000, 4, 1],
    [11025, 48000, 640, 147],
  ])('converts %i → %i Hz by %i/%i', (from, to, up, down) => {
    expect(resampleFactors(from, to)).toEqual({ up, down });
  });

  it('approximates a ratio beyond maxFactor and reports the rate it reached', () => {
    const result = resample(sine(4800, 1000, 44100), 44100, 47999);
    expect(result.up).toBeLessThanOrEqual(1024);
    expect(result.down).toBeLessThanOrEqual(1024);
    expectClose(result.sampleRateHz / 47999, 1, 1e-5);
  });

  it.each([
    [Math.PI, 1000, 355, 113],
    [160 / 147, 1024, 160, 147],
    [1 / 6, 1024, 1, 6],
    [0.5000001, 10, 1, 2],
  ])('approximates %d with terms up to %i as %i/%i', (ratio, max, up, down) => {
    expect(rationalApproximation(ratio, max)).toEqual({ up, down });
  });

  it.each([
    ['fromRateHz', () => resample(x, 0, 8000), /fromRateHz/],
    ['toRateHz', () => resample(x, 48000, -1), /toRateHz/],
    ['samples', () => resample(new Float32Array(0), 48000, 8000), /samples/],
  ])('rejects a bad %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});
