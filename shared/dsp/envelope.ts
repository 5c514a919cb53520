/**
 * The Hilbert envelope |x + j·H{x}|, for a whole signal or block by block with bounded memory.
 *
 * Block by block is overlap-save: each power-of-two frame is transformed whole, but only its
 * middle is kept; `guardLength` samples at each side of a frame, where the circular transform
 * sees the frame's other end, are discarded and come from the neighbouring frames instead.
 */
import { realFftPlan } from './fft.ts';
import { analyticSignal, hilbertOfFrame } from './hilbert.ts';
import type { SampleArray } from './types.ts';

/**
 * Envelope of a whole signal: |scipy.signal.hilbert(x)|, same length as the input.
 * Its first and last few hundred samples carry the circular transform's end effects.
 */
export function envelope(samples: SampleArray): Float64Array {
  if (samples.length === 0) throw new RangeError('envelope: samples must not be empty');
  const { re, im } = analyticSignal(samples);
  const out = new Float64Array(samples.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.hypot(re[i], im[i]);
  return out;
}

export interface EnvelopeStreamOptions {
  /** FFT frame in samples, a power of two; default 16384. Memory is O(frameLength). */
  readonly frameLength?: number;
  /**
   * Samples discarded at each side of a frame; default frameLength / 4 (4096), so each frame
   * keeps its middle half. The Hilbert kernel decays only as 2/(π·n): with the defaults the
   * blockwise envelope of band-passed noise stays within ~1e-3 of the whole-signal one
   * (relative to its RMS), an AM tone's within ~1e-4; broadband noise reaching down to DC
   * is worse (~1.5e-2), which is one reason to band-pass before demodulating.
   */
  readonly guardLength?: number;
}

/** Turns blocks of samples into the matching envelope samples, in order. */
export interface EnvelopeStream {
  /** Takes the next block; returns the envelope samples that are now final (maybe none). */
  push(block: SampleArray): Float64Array;
  /** Ends the signal: returns the remaining envelope samples. The stream is then spent. */
  flush(): Float64Array;
}

function resolveFrame(options: EnvelopeStreamOptions): { frameLength: number; guard: number } {
  const frameLength = options.frameLength ?? 16384;
  if (!(
    Number.isInteger(frameLength) &&
    frameLength >= 16 &&
    (frameLength & (frameLength - 1)) === 0
  )) {
    throw new RangeError(`envelope: frameLength must be a power of two >= 16, got ${frameLength}`);
  }
  const guard = options.guardLength ?? frameLength / 4;
  if (!(Number.isInteger(guard) && guard >= 0 && 2 * guard < frameLength)) {
    throw new RangeError(`envelope: guardLength must be an integer in [0, frameLength/2)`);
  }
  return { frameLength, guard };
}

/**
 * Creates a streaming envelope (overlap-save with discarded edges). Joined, its outputs have the
 * input's length and equal `envelope(whole)` away from the first and last frame's ends.
 */
export function createEnvelopeStream(options: EnvelopeStreamOptions = {}): EnvelopeStream {
  const { frameLength, guard } = resolveFrame(options);
  const plan = realFftPlan(frameLength);
  const scratch = {
    re: new Float64Array(frameLength / 2 + 1),
    im: new Float64Array(frameLength / 2 + 1),
  };
  const frame = new Float64Array(frameLength);
  const quadrature = new Float64Array(frameLength);
  // Input not yet fully used, starting at absolute index `pendingStart`.
  let pending = new Float64Array(0);
  let pendingStart = 0;
  let emitted = 0;

  /** Transforms the frame starting at `frameStart`; returns envelope for [emitted, end). */
  const runFrame = (frameStart: number, end: number): Float64Array => {
    const offset = frameStart - pendingStart;
    frame.fill(0);
    frame.set(pending.subarray(offset, Math.min(offset + frameLength, pending.length)));
    hilbertOfFrame(frame, plan, scratch, quadrature);
    const out = new Float64Array(end - emitted);
    for (let i = 0; i < out.length; i++) {
      const j = emitted - frameStart + i;
      out[i] = Math.hypot(frame[j], quadrature[j]);
    }
    emitted = end;
    return out;
  };

  const drop = (keepFrom: number) => {
    pending = pending.slice(keepFrom - pendingStart);
    pendingStart = keepFrom;
  };

  return {
    push(block) {
      const joined = new Float64Array(pending.length + block.length);
      joined.set(pending);
      joined.set(block, pending.length);
      pending = joined;
      const parts: Float64Array[] = [];
      const available = pendingStart + pending.length;
      for (;;) {
        const frameStart = Math.max(0, emitted - guard);
        if (frameStart + frameLength > available) break;
        parts.push(runFrame(frameStart, frameStart + frameLength - guard));
        drop(Math.max(0, emitted - guard));
      }
      return concat(parts);
    },
    flush() {
      const total = pendingStart + pending.length;
      if (emitted >= total) return new Float64Array(0);
      const out = runFrame(Math.max(0, emitted - guard), total);
      drop(total);
      return out;
    },
  };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  if (parts.length === 1) return parts[0];
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Envelope computed block by block (see `createEnvelopeStream`), feeding `blockLength` samples at a
 * time (default 65536). Same length as the input; equals `envelope` away from the ends within
 * the tolerance the guard length gives.
 */
export function envelopeInBlocks(
  samples: SampleArray,
  options: EnvelopeStreamOptions & { readonly blockLength?: number } = {},
): Float64Array {
  if (samples.length === 0) throw new RangeError('envelopeInBlocks: samples must not be empty');
  const blockLength = options.blockLength ?? 65536;
  if (!(Number.isInteger(blockLength) && blockLength >= 1)) {
    throw new RangeError(`envelopeInBlocks: blockLength must be a positive integer`);
  }
  const stream = createEnvelopeStream(options);
  const out = new Float64Array(samples.length);
  let at = 0;
  for (let start = 0; start < samples.length; start += blockLength) {
    const part = stream.push(samples.subarray(start, start + blockLength));
    out.set(part, at);
    at += part.length;
  }
  out.set(stream.flush(), at);
  return out;
}
