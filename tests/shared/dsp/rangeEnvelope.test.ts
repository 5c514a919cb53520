import { describe, expect, it } from 'vitest';
import { createRangeEnvelope } from '../../../shared/dsp/rangeEnvelope.ts';
import type { RangeEnvelopeOptions } from '../../../shared/dsp/rangeEnvelope.ts';
import { createEnvelopeStream } from '../../../shared/dsp/envelope.ts';
import { maxRelativeError } from '../../helpers/tolerance.ts';
import { machineSignal } from '../../node/analysis/machineWav.ts';

const FRAME = 4096;
const GUARD = 1024;

/** Runs a range envelope over signal[signalStart, signalEnd), fed in blocks of `block`. */
function rangeEnvelope(
  signal: Float64Array,
  range: { outputStart: number; outputEnd: number },
  block = 1000,
): Float64Array {
  const signalStart = Math.max(0, range.outputStart - GUARD);
  const signalEnd = Math.min(signal.length, range.outputEnd + GUARD);
  const out = new Float64Array(range.outputEnd - range.outputStart);
  let at = 0;
  const envelope = createRangeEnvelope(
    { frameLength: FRAME, guardLength: GUARD, signalStart, signalEnd, ...range },
    (piece) => {
      out.set(piece, at);
      at += piece.length;
    },
  );
  for (let i = signalStart; i < signalEnd; i += block) {
    envelope.push(signal.subarray(i, Math.min(signalEnd, i + block)));
  }
  envelope.finish();
  expect(at).toBe(out.length);
  return out;
}

function streamEnvelope(signal: Float64Array): Float64Array {
  const stream = createEnvelopeStream({ frameLength: FRAME, guardLength: GUARD });
  const head = stream.push(signal);
  const out = new Float64Array(signal.length);
  out.set(head);
  out.set(stream.flush(), head.length);
  return out;
}

/** (1 + 0.5·cos 2π·30t)·cos 2π·3000t at 48 kHz: its envelope is 1 + 0.5·cos 2π·30t exactly. */
function amTone(length: number): { signal: Float64Array; envelope: Float64Array } {
  const signal = new Float64Array(length);
  const envelope = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const t = i / 48_000;
    envelope[i] = 1 + 0.5 * Math.cos(2 * Math.PI * 30 * t);
    signal[i] = envelope[i] * Math.cos(2 * Math.PI * 3000 * t);
  }
  return { signal, envelope };
}

describe('createRangeEnvelope', () => {
  const signal = Float64Array.from(machineSignal(1));

  it('over the whole signal equals the shared envelope stream, but for the last frame', () => {
    const actual = rangeEnvelope(signal, { outputStart: 0, outputEnd: signal.length });
    const expected = streamEnvelope(signal);
    // The stream zero-pads its last frame where this one moves it back to the last sample.
    const head = (a: Float64Array) => a.subarray(0, a.length - FRAME);
    expect(maxRelativeError(head(actual), head(expected), 1e-3)).toBeLessThanOrEqual(1e-12);
  });

  it.each([1, 777, 4096, 100_000])(
    'gives the same samples whatever the block size (%i)',
    (block) => {
      const range = { outputStart: 10_000, outputEnd: 30_000 };
      const reference = rangeEnvelope(signal, range, 5000);
      expect(maxRelativeError(rangeEnvelope(signal, range, block), reference)).toBe(0);
    },
  );

  it('stitched from ranges, reads the analytic envelope of an AM tone as well as one pass does', () => {
    const { signal: am, envelope: expected } = amTone(48_000);
    const cuts = [0, 9000, 20_480, 33_333, am.length];
    const stitched = new Float64Array(am.length);
    for (let i = 0; i + 1 < cuts.length; i++) {
      stitched.set(rangeEnvelope(am, { outputStart: cuts[i], outputEnd: cuts[i + 1] }), cuts[i]);
    }
    // Away from the file's two ends, where the circular transform sees the other end.
    const inner = (a: Float64Array) => a.subarray(GUARD, a.length - GUARD);
    const onePassError = maxRelativeError(inner(streamEnvelope(am)), inner(expected));
    const stitchedError = maxRelativeError(inner(stitched), inner(expected));
    // A 1024-sample guard truncates the Hilbert kernel (decaying as 2/(πn)): errors ~1e-3, of
    // the same order with or without range boundaries (which add frame edges, hence the 3).
    expect(stitchedError).toBeLessThanOrEqual(2e-3);
    expect(stitchedError).toBeLessThanOrEqual(3 * onePassError);
  });

  it('delivers nothing for an empty output range', () => {
    const pieces: Float64Array[] = [];
    const envelope = createRangeEnvelope(
      {
        frameLength: FRAME,
        guardLength: GUARD,
        signalStart: 0,
        signalEnd: 0,
        outputStart: 0,
        outputEnd: 0,
      },
      (piece) => pieces.push(piece),
    );
    envelope.finish();
    expect(pieces).toEqual([]);
  });

  const valid: RangeEnvelopeOptions = {
    frameLength: FRAME,
    guardLength: GUARD,
    signalStart: 0,
    signalEnd: 100,
    outputStart: 0,
    outputEnd: 100,
  };
  it.each([
    { change: { frameLength: 1000 }, name: 'frameLength' },
    { change: { frameLength: 8 }, name: 'frameLength' },
    { change: { guardLength: 2048 }, name: 'guardLength' },
    { change: { guardLength: -1 }, name: 'guardLength' },
    { change: { outputStart: 101 }, name: 'signalStart <= outputStart' },
    { change: { outputEnd: 101 }, name: 'outputEnd <= signalEnd' },
    { change: { signalStart: 1 }, name: 'signalStart <= outputStart' },
  ])('rejects $change naming the condition', ({ change, name }) => {
    const create = () => createRangeEnvelope({ ...valid, ...change }, () => undefined);
    expect(create).toThrow(RangeError);
    expect(create).toThrow(name);
  });

  it('rejects samples past signalEnd and a finish before signalEnd', () => {
    const tooMany = createRangeEnvelope(valid, () => undefined);
    expect(() => tooMany.push(new Float64Array(101))).toThrow(RangeError);
    const tooFew = createRangeEnvelope(valid, () => undefined);
    tooFew.push(new Float64Array(50));
    expect(() => tooFew.finish()).toThrow(/before signalEnd/);
  });
});
