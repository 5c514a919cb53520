import { describe, expect, it } from 'vitest';
import { createEnvelopeStream, envelope, envelopeInBlocks } from '../../../shared/dsp/envelope.ts';
import { bandPass } from '../../../shared/dsp/filters.ts';
import { analyticSignal } from '../../../shared/dsp/hilbert.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

const fs = 48000;

/** Seeded uniform noise in [-0.5, 0.5) (LCG): the same on every machine. */
function noise(n: number, seed: number): Float64Array {
  let state = seed >>> 0;
  return Float64Array.from({ length: n }, () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  });
}

/** A·(1 + m·cos 2π fm t)·cos 2π fc t, whose envelope is A·(1 + m·cos 2π fm t). */
function amTone(
  n: number,
  amplitude: number,
  depth: number,
  modulationHz: number,
  carrierHz: number,
) {
  const signal = new Float64Array(n);
  const expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    expected[i] = amplitude * (1 + depth * Math.cos((2 * Math.PI * modulationHz * i) / fs));
    signal[i] = expected[i] * Math.cos((2 * Math.PI * carrierHz * i) / fs);
  }
  return { signal, expected };
}

/** Largest |a − b| over [from, to) relative to the RMS of b. */
function worstRelativeToRms(a: Float64Array, b: Float64Array, from: number, to: number): number {
  let worst = 0;
  let power = 0;
  for (let i = from; i < to; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    power += b[i] * b[i];
  }
  return worst / Math.sqrt(power / (to - from));
}

describe('envelope', () => {
  it('recovers the modulation of a periodic AM tone exactly (1e-10)', () => {
    // 48000 samples hold whole periods of both 75 Hz and 3 kHz: no circular end effects.
    const { signal, expected } = amTone(48000, 0.8, 0.3, 75, 3000);
    expectArraysClose(envelope(signal), expected, 1e-10, 1);
  });

  it('rejects an empty signal with a RangeError naming samples', () => {
    expect(() => envelope(new Float64Array(0))).toThrow(/samples/);
  });
});

describe('envelopeInBlocks', () => {
  const n = 200_000;
  const edge = 20_000; // the whole-signal transform's own end effects reach this far
  const bandNoise = bandPass(noise(n, 1), fs, 2000, 4000);
  const am = amTone(n, 1, 0.5, 87, 3000.3).signal;

  it.each([
    { name: 'band-passed noise', signal: bandNoise, tolerance: 2e-3 },
    { name: 'an AM tone', signal: am, tolerance: 2e-4 },
  ])(
    'equals the whole-signal envelope of $name away from the ends (within $tolerance of its RMS)',
    ({ signal, tolerance }) => {
      const blockwise = envelopeInBlocks(signal, { blockLength: 10_000 });
      expect(blockwise.length).toBe(signal.length);
      expect(worstRelativeToRms(blockwise, envelope(signal), edge, n - edge)).toBeLessThan(
        tolerance,
      );
    },
  );

  it.each([1000, 4096, 65536])(
    'gives the same envelope whatever the block length (%i samples)',
    (blockLength) => {
      const reference = envelopeInBlocks(bandNoise, { blockLength: 7777 });
      expectArraysClose(envelopeInBlocks(bandNoise, { blockLength }), reference, 0, 1);
    },
  );

  it('releases envelope samples with less than one frame of delay', () => {
    const stream = createEnvelopeStream({ frameLength: 1024, guardLength: 256 });
    expect(stream.push(bandNoise.subarray(0, 1000)).length).toBe(0);
    // Once 1024 samples are in, the first frame yields its first 1024 − 256 samples.
    expect(stream.push(bandNoise.subarray(1000, 1100)).length).toBe(768);
    let emitted = 768;
    let pushed = 1100;
    while (pushed < 50_000) {
      emitted += stream.push(bandNoise.subarray(pushed, pushed + 1000)).length;
      pushed += 1000;
      expect(pushed - emitted).toBeLessThan(1024);
    }
    expect(emitted + stream.flush().length).toBe(pushed);
  });

  it('treats a signal shorter than one frame as one zero-padded frame (1e-12)', () => {
    const short = bandNoise.subarray(0, 300);
    const padded = analyticSignal(short, 16384);
    const expected = Float64Array.from({ length: 300 }, (_, i) =>
      Math.hypot(padded.re[i], padded.im[i]),
    );
    expectArraysClose(envelopeInBlocks(short, { blockLength: 100 }), expected, 1e-12, 1e-3);
  });

  it.each([
    ['a frame that is not a power of two', { frameLength: 1000 }, /frameLength/],
    ['a guard of half the frame', { frameLength: 1024, guardLength: 512 }, /guardLength/],
    ['a negative guard', { guardLength: -1 }, /guardLength/],
    ['a zero block length', { blockLength: 0 }, /blockLength/],
  ])('rejects %s with a RangeError naming it', (_, options, name) => {
    expect(() => envelopeInBlocks(bandNoise, options)).toThrow(RangeError);
    expect(() => envelopeInBlocks(bandNoise, options)).toThrow(name);
  });
});
