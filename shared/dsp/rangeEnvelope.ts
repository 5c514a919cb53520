/**
 * The Hilbert envelope |x + j·H{x}| of one frame range of a longer signal, overlap-save, with no
 * allocation per block: the hot path of the parallel envelope spectrum.
 *
 * Same method and frame grid as `createEnvelopeStream` (shared/dsp/envelope.ts): frames of
 * `frameLength` samples, `guardLength` samples discarded at each inner side. A range that starts
 * inside the file reads `guardLength` samples before its first output sample, and one that ends
 * inside the file reads `guardLength` after its last, so its envelope is as good as a single
 * pass's. One difference: the last frame is moved back to end at the last sample instead of
 * being zero-padded, because the step down to the padding is a second edge whose Hilbert
 * response doubled the error at range ends (and, at the end of a file, scipy's whole-signal
 * transform also wraps straight to real samples). This copy of the method exists because the
 * shared stream allocates per block and per frame, and writing each frame straight into the FFT
 * plan's input saves a copy.
 */
import { realFftPlan } from './fft.ts';
import type { RealFftPlan } from './fft.ts';

export interface RangeEnvelopeOptions {
  /** FFT frame, a power of two >= 16. */
  readonly frameLength: number;
  /** Samples discarded at each inner side of a frame, 0 <= guardLength < frameLength / 2. */
  readonly guardLength: number;
  /** Absolute index of the first sample that will be pushed. */
  readonly signalStart: number;
  /** Absolute index one past the last sample that will be pushed. */
  readonly signalEnd: number;
  /** Envelope wanted for [outputStart, outputEnd), inside [signalStart, signalEnd]. */
  readonly outputStart: number;
  readonly outputEnd: number;
}

export interface RangeEnvelope {
  /** Takes the next samples of [signalStart, signalEnd), in order; not kept beyond need. */
  push(block: Float64Array): void;
  /** Call after the last sample: checks that the whole output range was delivered. */
  finish(): void;
}

/** Throws RangeError naming the first option that does not fit the others. */
function checkOptions(options: RangeEnvelopeOptions): void {
  const {
    frameLength: f,
    guardLength: g,
    signalStart,
    signalEnd,
    outputStart,
    outputEnd,
  } = options;
  if (!(Number.isInteger(f) && f >= 16 && (f & (f - 1)) === 0)) {
    throw new RangeError(`createRangeEnvelope: frameLength must be a power of two >= 16, got ${f}`);
  }
  if (!(Number.isInteger(g) && g >= 0 && 2 * g < f)) {
    throw new RangeError(
      'createRangeEnvelope: guardLength must be an integer in [0, frameLength/2)',
    );
  }
  const ordered =
    Number.isSafeInteger(signalStart) &&
    Number.isSafeInteger(signalEnd) &&
    Number.isSafeInteger(outputStart) &&
    Number.isSafeInteger(outputEnd) &&
    signalStart >= 0 &&
    signalStart <= outputStart &&
    outputStart <= outputEnd &&
    outputEnd <= signalEnd;
  if (!ordered) {
    throw new RangeError(
      'createRangeEnvelope: need integers 0 <= signalStart <= outputStart <= outputEnd <= signalEnd',
    );
  }
}

/**
 * Creates the envelope of [outputStart, outputEnd); `onEnvelope` receives it in order, in
 * pieces of at most frameLength − 2·guardLength samples, as a view that is reused afterwards
 * (consume or copy it before returning). Uses `realFftPlan(frameLength)`: the WASM backend when
 * the caller has enabled it.
 */
export function createRangeEnvelope(
  options: RangeEnvelopeOptions,
  onEnvelope: (envelope: Float64Array) => void,
): RangeEnvelope {
  checkOptions(options);
  return new RangeEnvelopeStream(options, onEnvelope);
}

/** H{x} of the plan's input: −j·sign(f) applied to the packed spectrum, never leaving WASM. */
function hilbertOfInput(plan: RealFftPlan, quadrature: Float64Array): void {
  const spectrum = plan.forwardInputPacked();
  // DC and Nyquist (slots 0 and 1) have no quadrature part.
  spectrum[0] = 0;
  spectrum[1] = 0;
  rotateBins(spectrum, plan.size);
  plan.inversePacked(quadrature);
}

/*
 * The hot loops below end their functions: V8 compiles a long loop on the fly (on-stack
 * replacement) before the code after it has ever run, and that code then sent every later call
 * back to the interpreter (hundreds of deoptimisations per analysis, measured).
 */

/** −j·X for the packed bins 1..size/2−1 (slots 2..size−1). */
function rotateBins(spectrum: Float32Array | Float64Array, size: number): void {
  for (let i = 2; i < size; i += 2) {
    const re = spectrum[i];
    spectrum[i] = spectrum[i + 1];
    spectrum[i + 1] = -re;
  }
}

/** out[i] = |x + j·h| for x = signal[xOffset + i], h = quadrature[hOffset + i], i < count. */
function magnitudes(
  out: Float64Array,
  signal: Float64Array,
  xOffset: number,
  quadrature: Float64Array,
  hOffset: number,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const x = signal[xOffset + i];
    const h = quadrature[hOffset + i];
    out[i] = Math.sqrt(x * x + h * h);
  }
}

class RangeEnvelopeStream implements RangeEnvelope {
  readonly #options: RangeEnvelopeOptions;
  readonly #onEnvelope: (envelope: Float64Array) => void;
  readonly #plan: RealFftPlan;
  /** Where the last frame starts: it ends at signalEnd unless the signal is shorter. */
  readonly #lastFrameStart: number;
  readonly #quadrature: Float64Array;
  readonly #out: Float64Array;
  /** Samples from absolute index #pendingStart; always begins at or before the next frame. */
  #pending: Float64Array;
  #pendingStart: number;
  #pendingLength = 0;
  #frameStart: number;
  #emitted: number;

  constructor(options: RangeEnvelopeOptions, onEnvelope: (envelope: Float64Array) => void) {
    const { frameLength, signalStart, signalEnd } = options;
    this.#options = options;
    this.#onEnvelope = onEnvelope;
    this.#plan = realFftPlan(frameLength);
    this.#lastFrameStart = Math.max(signalStart, signalEnd - frameLength);
    this.#quadrature = new Float64Array(frameLength);
    this.#out = new Float64Array(frameLength);
    this.#pending = new Float64Array(2 * frameLength);
    this.#pendingStart = signalStart;
    this.#frameStart = signalStart;
    this.#emitted = options.outputStart;
  }

  push(block: Float64Array): void {
    if (this.#pendingStart + this.#pendingLength + block.length > this.#options.signalEnd) {
      throw new RangeError('RangeEnvelope.push: more samples than signalEnd allows');
    }
    this.#makeRoom(block.length);
    this.#pending.set(block, this.#pendingLength);
    this.#pendingLength += block.length;
    while (this.#ready()) this.#runFrame();
  }

  finish(): void {
    while (this.#ready()) this.#runFrame();
    if (this.#emitted < this.#options.outputEnd) {
      throw new RangeError(
        `RangeEnvelope.finish: signal ended at ${this.#pendingStart + this.#pendingLength}, ` +
          `before signalEnd ${this.#options.signalEnd}`,
      );
    }
  }

  #ready(): boolean {
    const { frameLength, signalEnd, outputEnd } = this.#options;
    const needed = Math.min(this.#frameStart + frameLength, signalEnd);
    return this.#emitted < outputEnd && this.#pendingStart + this.#pendingLength >= needed;
  }

  #runFrame(): void {
    const { frameLength, guardLength, signalEnd, outputEnd } = this.#options;
    // The frame reaching the end of the signal has no right neighbour: it keeps its tail.
    const last = this.#frameStart + frameLength >= signalEnd;
    if (last) this.#frameStart = this.#lastFrameStart;
    const frameStart = this.#frameStart;
    const available = Math.min(frameLength, signalEnd - frameStart);
    const input = this.#plan.input();
    const pending = this.#pending;
    const offset = frameStart - this.#pendingStart;
    // TypedArray.set converts (float64 to the plan's float32) natively, as assignment would.
    input.set(pending.subarray(offset, offset + available));
    if (available < frameLength) input.fill(0, available);
    hilbertOfInput(this.#plan, this.#quadrature);
    const end = last ? outputEnd : Math.min(frameStart + frameLength - guardLength, outputEnd);
    this.#emit(end);
    this.#frameStart = end - guardLength;
  }

  /** |x + j·H{x}| for [#emitted, end), from the pending samples and the frame's quadrature. */
  #emit(end: number): void {
    const count = end - this.#emitted;
    const out = this.#out;
    const xOffset = this.#emitted - this.#pendingStart;
    const hOffset = this.#emitted - this.#frameStart;
    magnitudes(out, this.#pending, xOffset, this.#quadrature, hOffset, count);
    if (count > 0) this.#onEnvelope(out.subarray(0, count));
    this.#emitted = end;
  }

  /** Drops what no later frame needs and makes room for `incoming` more samples. */
  #makeRoom(incoming: number): void {
    const pendingEnd = this.#pendingStart + this.#pendingLength;
    const keepFrom =
      Math.min(this.#frameStart, this.#lastFrameStart, pendingEnd) - this.#pendingStart;
    if (keepFrom > 0) {
      this.#pending.copyWithin(0, keepFrom, this.#pendingLength);
      this.#pendingStart += keepFrom;
      this.#pendingLength -= keepFrom;
    }
    if (this.#pendingLength + incoming > this.#pending.length) {
      const grown = new Float64Array(this.#pendingLength + incoming + this.#options.frameLength);
      grown.set(this.#pending.subarray(0, this.#pendingLength));
      this.#pending = grown;
    }
  }
}
