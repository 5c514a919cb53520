/**
 * The Hilbert envelope |x + j·H{x}|, for a whole signal or block by block with bounded memory.
 *
 * Block by block is overlap-save: each power-of-two frame is transformed whole, but only its
 * middle is kept; `guardLength` samples at each side of a frame, where the circular transform
 * sees the frame's other end, are discarded and come from the neighbouring frames instead.
 * Frames use `realFftPlan`, so with `enableWasmFft()` they run in float32 (relative error ~1e-6,
 * far below the guard's truncation error).
 */
import { realFftPlan } from './fft.ts';
import type { RealFftPlan } from './fft.ts';
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

/** Overlap-save frames: each frame's middle (or its start, for the first) becomes output. */
class EnvelopeFrames implements EnvelopeStream {
  private readonly frameLength: number;
  private readonly guard: number;
  private readonly plan: RealFftPlan;
  private readonly scratch: { re: Float64Array; im: Float64Array };
  private readonly frame: Float64Array;
  private readonly quadrature: Float64Array;
  /** Input not yet fully used, starting at absolute index `pendingStart`. */
  private pending = new Float64Array(0);
  private pendingStart = 0;
  private emitted = 0;

  constructor(frameLength: number, guard: number) {
    this.frameLength = frameLength;
    this.guard = guard;
    this.plan = realFftPlan(frameLength);
    this.scratch = {
      re: new Float64Array(frameLength / 2 + 1),
      im: new Float64Array(frameLength / 2 + 1),
    };
    this.frame = new Float64Array(frameLength);
    this.quadrature = new Float64Array(frameLength);
  }

  push(block: SampleArray): Float64Array {
    const joined = new Float64Array(this.pending.length + block.length);
    joined.set(this.pending);
    joined.set(block, this.pending.length);
    this.pending = joined;
    const parts: Float64Array[] = [];
    const available = this.pendingStart + this.pending.length;
    for (;;) {
      // A frame starts `guard` before the first sample not yet emitted (or at 0).
      const frameStart = Math.max(0, this.emitted - this.guard);
      if (frameStart + this.frameLength > available) break;
      parts.push(this.runFrame(frameStart, frameStart + this.frameLength - this.guard));
    }
    return concat(parts);
  }

  flush(): Float64Array {
    const total = this.pendingStart + this.pending.length;
    if (this.emitted >= total) return new Float64Array(0);
    // The last frame is zero-padded: like the whole-signal envelope, its end has edge effects.
    return this.runFrame(Math.max(0, this.emitted - this.guard), total);
  }

  /** Transforms the frame at `frameStart`; returns the envelope of [emitted, end). */
  private runFrame(frameStart: number, end: number): Float64Array {
    const { frame, quadrature, frameLength } = this;
    const offset = frameStart - this.pendingStart;
    frame.fill(0);
    frame.set(this.pending.subarray(offset, Math.min(offset + frameLength, this.pending.length)));
    hilbertOfFrame(frame, this.plan, this.scratch, quadrature);
    const out = new Float64Array(end - this.emitted);
    for (let i = 0; i < out.length; i++) {
      const j = this.emitted - frameStart + i;
      // sqrt of the sum of squares: Math.hypot guards against overflow we cannot have, at 10× the cost.
      out[i] = Math.sqrt(frame[j] * frame[j] + quadrature[j] * quadrature[j]);
    }
    this.emitted = end;
    const keepFrom = Math.min(
      Math.max(0, end - this.guard),
      this.pendingStart + this.pending.length,
    );
    this.pending = this.pending.slice(keepFrom - this.pendingStart);
    this.pendingStart = keepFrom;
    return out;
  }
}

/**
 * Creates a streaming envelope (overlap-save with discarded edges). Joined, its outputs have the
 * input's length and equal `envelope(whole)` away from the first and last frame's ends.
 */
export function createEnvelopeStream(options: EnvelopeStreamOptions = {}): EnvelopeStream {
  const { frameLength, guard } = resolveFrame(options);
  return new EnvelopeFrames(frameLength, guard);
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
