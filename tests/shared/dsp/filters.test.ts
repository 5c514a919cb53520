import { describe, expect, it } from 'vitest';
import {
  bandPass,
  createSosFilter,
  defaultPadLength,
  designButterworth,
  highPass,
  lowPass,
  sosfilt,
  sosfiltfilt,
  sosfiltZi,
  sosResponse,
} from '../../../shared/dsp/filters.ts';
import type { ButterworthSpec, PadType, Sos } from '../../../shared/dsp/filters.ts';
import { loadReference } from '../../helpers/references.ts';
import { expectArraysClose, expectClose, maxRelativeError } from '../../helpers/tolerance.ts';

interface ButterCase extends ButterworthSpec {
  sos: Float64Array;
  probeHz: Float64Array;
  responseRe: Float64Array;
  responseIm: Float64Array;
}

interface SosfiltCase {
  spec: ButterworthSpec;
  sos: Float64Array;
  zi: Float64Array;
  sosfilt: Float64Array;
  sosfiltWithZi: Float64Array;
  finalState: Float64Array;
  filtfilt: { padType: PadType; padLength: number | null; expected: Float64Array }[];
}

const butter = loadReference<{ cases: ButterCase[] }>('timeDomain/butter.json');
const filtering = loadReference<{ samples: Float64Array; cases: SosfiltCase[] }>(
  'timeDomain/sosfilt.json',
);
const x = filtering.samples;

const flat = (sos: Sos) => Float64Array.from(sos.flat());
const label = (spec: ButterworthSpec) =>
  `${spec.type} N=${spec.order} ${String(spec.cutoffHz)} Hz at ${spec.sampleRateHz} Hz`;
const sine = (n: number, frequencyHz: number, sampleRateHz: number, phase = 0) =>
  Float64Array.from({ length: n }, (_, i) =>
    Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz + phase),
  );
const rms = (a: Float64Array, from = 0, to = a.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += a[i] * a[i];
  return Math.sqrt(sum / (to - from));
};

describe('designButterworth', () => {
  it.each(butter.cases.map((c) => [label(c), c] as const))(
    'gives scipy.signal.butter sections for %s (relative 1e-9)',
    (_, reference) => {
      const sos = designButterworth(reference);
      expect(sos.length * 6).toBe(reference.sos.length);
      expectArraysClose(flat(sos), reference.sos, 1e-9, 1e-12);
    },
  );

  it.each(butter.cases.map((c) => [label(c), c] as const))(
    'has the frequency response of scipy.signal.sosfreqz for %s (1e-9)',
    (_, reference) => {
      const sos = designButterworth(reference);
      reference.probeHz.forEach((f, i) => {
        const h = sosResponse(sos, f, reference.sampleRateHz);
        expectClose(h.re, reference.responseRe[i], 1e-9);
        expectClose(h.im, reference.responseIm[i], 1e-9);
      });
    },
  );

  it.each([
    ['lowpass', 1000, [1000]],
    ['highpass', 250, [250]],
    ['bandpass', [2000, 4000], [2000, 4000]],
  ] as const)('puts the %s cut-off at -3 dB', (type, cutoffHz, edges) => {
    const sos = designButterworth({ order: 4, type, cutoffHz, sampleRateHz: 48000 });
    for (const f of edges) {
      const h = sosResponse(sos, f, 48000);
      expectClose(20 * Math.log10(Math.hypot(h.re, h.im)), -10 * Math.log10(2), 1e-9);
    }
  });

  it.each([
    ['order 0', { order: 0, type: 'lowpass', cutoffHz: 100, sampleRateHz: 1000 }, /order/],
    ['order 2.5', { order: 2.5, type: 'lowpass', cutoffHz: 100, sampleRateHz: 1000 }, /order/],
    [
      'cut-off at Nyquist',
      { order: 2, type: 'lowpass', cutoffHz: 500, sampleRateHz: 1000 },
      /cutoffHz/,
    ],
    [
      'cut-off above Nyquist',
      { order: 2, type: 'highpass', cutoffHz: 600, sampleRateHz: 1000 },
      /cutoffHz/,
    ],
    ['cut-off 0', { order: 2, type: 'highpass', cutoffHz: 0, sampleRateHz: 1000 }, /cutoffHz/],
    [
      'reversed band',
      { order: 2, type: 'bandpass', cutoffHz: [300, 200], sampleRateHz: 1000 },
      /cutoffHz/,
    ],
    [
      'band with one edge',
      { order: 2, type: 'bandpass', cutoffHz: 300, sampleRateHz: 1000 },
      /cutoffHz/,
    ],
    ['rate 0', { order: 2, type: 'lowpass', cutoffHz: 100, sampleRateHz: 0 }, /sampleRateHz/],
    [
      'negative rate',
      { order: 2, type: 'lowpass', cutoffHz: 100, sampleRateHz: -8000 },
      /sampleRateHz/,
    ],
    ['NaN rate', { order: 2, type: 'lowpass', cutoffHz: 100, sampleRateHz: NaN }, /sampleRateHz/],
    ['unknown type', { order: 2, type: 'notch', cutoffHz: 100, sampleRateHz: 1000 }, /type/],
  ])('rejects %s with a RangeError naming the parameter', (_, spec, name) => {
    expect(() => designButterworth(spec as unknown as ButterworthSpec)).toThrow(RangeError);
    expect(() => designButterworth(spec as unknown as ButterworthSpec)).toThrow(name);
  });
});

describe('sosfilt and sosfiltfilt', () => {
  const cases = filtering.cases.map((c) => [label(c.spec), c] as const);

  it.each(cases)('sosfilt matches scipy for %s (relative 1e-9, floor 1e-6)', (_, reference) => {
    expectArraysClose(sosfilt(designButterworth(reference.spec), x), reference.sosfilt, 1e-9, 1e-6);
  });

  // scipy solves for zi with a linear solve that rounds visibly (~1e-8) for low high-pass
  // cut-offs, where 1 + a1 + a2 is small; these comparisons therefore allow 1e-6.
  it.each(cases)('sosfiltZi matches scipy.signal.sosfilt_zi for %s (1e-6)', (_, reference) => {
    expectArraysClose(sosfiltZi(designButterworth(reference.spec)), reference.zi, 1e-6, 1e-6);
  });

  it.each(cases)(
    'sosfilt from a scaled initial state gives scipy output and final state for %s (1e-6)',
    (_, reference) => {
      const sos = designButterworth(reference.spec);
      const zi = sosfiltZi(sos).map((v) => v * x[0]);
      expectArraysClose(sosfilt(sos, x, zi), reference.sosfiltWithZi, 1e-6, 1e-6);
      const stream = createSosFilter(sos, zi);
      stream.process(x);
      expectArraysClose(stream.state(), reference.finalState, 1e-6, 1e-6);
    },
  );

  it.each(cases)('sosfiltZi holds %s at rest under a constant input (1e-12)', (_, reference) => {
    const sos = designButterworth(reference.spec);
    const level = 0.7;
    const y = sosfilt(
      sos,
      new Float64Array(200).fill(level),
      sosfiltZi(sos).map((v) => v * level),
    );
    const dc = sosResponse(sos, 0, reference.spec.sampleRateHz).re * level;
    y.forEach((value) => expectClose(value, dc, 1e-12));
  });

  it.each(
    filtering.cases.flatMap((c) =>
      c.filtfilt.map((f) => [label(c.spec), f.padType, f.padLength, c.spec, f] as const),
    ),
  )(
    'sosfiltfilt matches scipy for %s, padType %s, padLength %s (relative 1e-6, floor 1e-6)',
    (_, padType, padLength, spec, reference) => {
      const y = sosfiltfilt(designButterworth(spec), x, {
        padType,
        padLength: padLength ?? undefined,
      });
      expectArraysClose(y, reference.expected, 1e-6, 1e-6);
    },
  );

  it.each([1, 7, 64, 599])('gives the same output block by block (%i samples a block)', (block) => {
    const sos = designButterworth({
      order: 4,
      type: 'bandpass',
      cutoffHz: [2000, 4000],
      sampleRateHz: 48000,
    });
    const whole = sosfilt(sos, x);
    const stream = createSosFilter(sos);
    const parts: number[] = [];
    for (let i = 0; i < x.length; i += block)
      parts.push(...stream.process(x.subarray(i, i + block)));
    expect(maxRelativeError(parts, whole, 1e-300)).toBe(0);
  });

  it('uses scipy default padding 3·(2·sections + 1 − first-order sections)', () => {
    const odd = designButterworth({
      order: 3,
      type: 'lowpass',
      cutoffHz: 1000,
      sampleRateHz: 48000,
    });
    const band = designButterworth({
      order: 4,
      type: 'bandpass',
      cutoffHz: [2000, 4000],
      sampleRateHz: 48000,
    });
    expect(defaultPadLength(odd)).toBe(3 * (2 * 2 + 1 - 1));
    expect(defaultPadLength(band)).toBe(3 * (2 * 4 + 1));
  });

  it('does not change its input', () => {
    const copy = x.slice();
    const sos = designButterworth({
      order: 2,
      type: 'highpass',
      cutoffHz: 500,
      sampleRateHz: 48000,
    });
    sosfilt(sos, x);
    sosfiltfilt(sos, x);
    createSosFilter(sos).process(x);
    expect(maxRelativeError(x, copy, 1e-300)).toBe(0);
  });

  it.each([
    [
      'a signal not longer than the padding',
      () =>
        sosfiltfilt(
          designButterworth({ order: 4, type: 'lowpass', cutoffHz: 100, sampleRateHz: 1000 }),
          new Float64Array(15),
        ),
      /samples/,
    ],
    ['an empty signal', () => sosfiltfilt([[1, 0, 0, 1, 0, 0]], new Float64Array(0)), /samples/],
    ['a state of the wrong length', () => sosfilt([[1, 0, 0, 1, 0, 0]], x, [0]), /initialState/],
    ['no sections', () => sosfilt([], x), /sos/],
    ['a0 other than 1', () => sosfilt([[1, 0, 0, 2, 0, 0]], x), /a0/],
    [
      'a negative pad length',
      () => sosfiltfilt([[1, 0, 0, 1, 0, 0]], x, { padLength: -1 }),
      /padLength/,
    ],
    [
      'an unknown pad type',
      () => sosfiltfilt([[1, 0, 0, 1, 0, 0]], x, { padType: 'mirror' as PadType }),
      /padType/,
    ],
  ])('rejects %s with a RangeError naming it', (_, call, name) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(name);
  });
});

describe('bandPass, highPass, lowPass', () => {
  const fs = 48000;
  const n = 48000;
  // Zero-phase: |H|² in the pass band, so a mid-band sine keeps its amplitude and phase.
  it.each([
    [
      'bandPass keeps a 3 kHz sine of a 2–4 kHz band',
      (s: Float64Array) => bandPass(s, fs, 2000, 4000),
      3000,
    ],
    ['highPass keeps a 5 kHz sine above 500 Hz', (s: Float64Array) => highPass(s, fs, 500), 5000],
    ['lowPass keeps a 100 Hz sine below 2 kHz', (s: Float64Array) => lowPass(s, fs, 2000), 100],
  ])('%s without phase shift (within 0.01 dB and 1e-3)', (_, filter, frequencyHz) => {
    const input = sine(n, frequencyHz, fs, 0.3);
    const output = filter(input);
    expectClose(20 * Math.log10(rms(output, 4800, n - 4800) / rms(input, 4800, n - 4800)), 0, 0.01);
    let worst = 0;
    for (let i = 4800; i < n - 4800; i++) worst = Math.max(worst, Math.abs(output[i] - input[i]));
    expect(worst).toBeLessThan(1e-3);
  });

  it.each([
    ['bandPass 2–4 kHz', (s: Float64Array) => bandPass(s, fs, 2000, 4000), 500, -70],
    ['bandPass 2–4 kHz', (s: Float64Array) => bandPass(s, fs, 2000, 4000), 12000, -70],
    ['highPass 500 Hz', (s: Float64Array) => highPass(s, fs, 500), 50, -150],
    ['lowPass 2 kHz', (s: Float64Array) => lowPass(s, fs, 2000), 10000, -100],
  ])('%s removes a %i Hz sine to below %i dB', (_, filter, frequencyHz, limitDb) => {
    const input = sine(n, frequencyHz, fs);
    const output = filter(input);
    const ratioDb = 20 * Math.log10(rms(output, 9600, n - 9600) / rms(input));
    expect(ratioDb).toBeLessThan(limitDb);
  });

  it('causal filtering (zeroPhase false) equals sosfilt with the same design', () => {
    const sos = designButterworth({
      order: 2,
      type: 'bandpass',
      cutoffHz: [1000, 2000],
      sampleRateHz: fs,
    });
    const input = sine(4800, 1500, fs);
    expect(
      maxRelativeError(
        bandPass(input, fs, 1000, 2000, { order: 2, zeroPhase: false }),
        sosfilt(sos, input),
        1e-300,
      ),
    ).toBe(0);
  });

  it('rejects an empty signal with a RangeError naming samples', () => {
    expect(() => lowPass(new Float64Array(0), fs, 100)).toThrow(/samples/);
  });
});
