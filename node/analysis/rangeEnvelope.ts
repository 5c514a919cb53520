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
import { realFftPlan } from '../../shared/dsp/fft.ts';
import type { RealFftPlan } from '../../shared/dsp/fft.ts';

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
  const { frameLength, guardLength, signalEnd, outputEnd } = options;
  // Where the last frame starts: it ends at signalEnd unless the signal is shorter than a frame.
  const lastFrameStart = Math.max(options.signalStart, signalEnd - frameLength);
  const plan: RealFftPlan = realFftPlan(frameLength);
  const quadrature = new Float64Array(frameLength);
  const out = new Float64Array(frameLength);
  // Samples from absolute index `pendingStart`; always begins at or before the next frame.
  let pending = new Float64Array(2 * frameLength);
  let pendingStart = options.signalStart;
  let pendingLength = 0;
  let frameStart = options.signalStart;
  let emitted = options.outputStart;

  const runFrame = (): void => {
    // The frame reaching the end of the signal has no right neighbour: it keeps its tail.
    const last = frameStart + frameLength >= signalEnd;
    if (last) frameStart = lastFrameStart;
    const available = Math.min(frameLength, signalEnd - frameStart);
    const input = plan.input();
    const offset = frameStart - pendingStart;
    for (let i = 0; i < available; i++) input[i] = pending[offset + i];
    if (available < frameLength) input.fill(0, available);
    // H{x}: multiply by −j·sign(f), in the plan's packed spectrum (no copies out of WASM).
    // DC and Nyquist (slots 0 and 1) have no quadrature part.
    const spectrum = plan.forwardInputPacked();
    spectrum[0] = 0;
    spectrum[1] = 0;
    for (let i = 2; i < frameLength; i += 2) {
      const r = spectrum[i];
      spectrum[i] = spectrum[i + 1];
      spectrum[i + 1] = -r;
    }
    plan.inversePacked(quadrature);
    const end = last ? outputEnd : Math.min(frameStart + frameLength - guardLength, outputEnd);
    const count = end - emitted;
    const xOffset = emitted - pendingStart;
    const hOffset = emitted - frameStart;
    for (let i = 0; i < count; i++) {
      const x = pending[xOffset + i];
      const h = quadrature[hOffset + i];
      out[i] = Math.sqrt(x * x + h * h);
    }
    if (count > 0) onEnvelope(out.subarray(0, count));
    emitted = end;
    frameStart = emitted - guardLength;
  };

  const ready = (): boolean =>
    emitted < outputEnd &&
    pendingStart + pendingLength >= Math.min(frameStart + frameLength, signalEnd);

  /** Drops what no later frame needs and makes room for `incoming` more samples. */
  const makeRoom = (incoming: number): void => {
    const keepFrom =
      Math.min(frameStart, lastFrameStart, pendingStart + pendingLength) - pendingStart;
    if (keepFrom > 0) {
      pending.copyWithin(0, keepFrom, pendingLength);
      pendingStart += keepFrom;
      pendingLength -= keepFrom;
    }
    if (pendingLength + incoming > pending.length) {
      const grown = new Float64Array(pendingLength + incoming + frameLength);
      grown.set(pending.subarray(0, pendingLength));
      pending = grown;
    }
  };

  return {
    push(block) {
      if (pendingStart + pendingLength + block.length > signalEnd) {
        throw new RangeError('RangeEnvelope.push: more samples than signalEnd allows');
      }
      makeRoom(block.length);
      pending.set(block, pendingLength);
      pendingLength += block.length;
      while (ready()) runFrame();
    },
    finish() {
      while (ready()) runFrame();
      if (emitted < outputEnd) {
        throw new RangeError(
          `RangeEnvelope.finish: signal ended at ${pendingStart + pendingLength}, before signalEnd ${signalEnd}`,
        );
      }
    },
  };
}
