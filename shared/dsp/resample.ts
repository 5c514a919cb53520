/**
 * Sample-rate conversion by a rational factor up/down with a polyphase FIR, as
 * scipy.signal.resample_poly: zero-stuff by `up`, low-pass, keep every `down`-th sample, with
 * the filter centred so output sample j sits at input time j·down/up. Only the branch of the
 * filter that meets real samples is computed. Streaming: blocks in, blocks out, the same result
 * as the whole signal at once (input beyond the ends counts as zero, scipy's padtype='constant').
 */
import { checkDesign, DEFAULT_RESAMPLE_DESIGN, designResampleFilter } from './resampleFilter.ts';
import type { ResampleDesign } from './resampleFilter.ts';
import type { SampleArray } from './types.ts';

export { DEFAULT_RESAMPLE_DESIGN, SCIPY_RESAMPLE_DESIGN } from './resampleFilter.ts';
export type { ResampleDesign } from './resampleFilter.ts';

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** A polyphase resampler for a stream; outputs joined equal `resamplePoly` on the whole. */
export interface Resampler {
  readonly up: number;
  readonly down: number;
  /** Takes the next block; returns the output samples that are now complete. */
  push(block: SampleArray): Float64Array;
  /** Ends the stream: returns the rest, ceil(totalIn·up/down) outputs in all. Then spent. */
  flush(): Float64Array;
}

function checkFactor(value: number, name: string, where: string): void {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new RangeError(`${where}: ${name} must be an integer >= 1, got ${value}`);
  }
}

/** The polyphase engine for reduced factors u/d (not both 1). */
class PolyphaseResampler implements Resampler {
  readonly up: number;
  readonly down: number;
  private readonly half: number;
  private readonly branchLength: number;
  /** branches[p][m] = h[p + m·up]: the taps that meet input samples for output phase p. */
  private readonly branches: Float64Array[];
  private buffer = new Float64Array(0);
  /** Absolute index of buffer[0]. */
  private bufferStart = 0;
  private received = 0;
  /** The next output index. */
  private next = 0;
  private flushed = false;

  constructor(up: number, down: number, design: ResampleDesign) {
    this.up = up;
    this.down = down;
    const h = designResampleFilter(up, down, design);
    this.half = (h.length - 1) / 2;
    this.branchLength = Math.ceil(h.length / up);
    this.branches = Array.from({ length: up }, (_, p) => {
      const taps = new Float64Array(this.branchLength);
      for (let m = 0; p + m * up < h.length; m++) taps[m] = h[p + m * up];
      return taps;
    });
  }

  push(block: SampleArray): Float64Array {
    if (this.flushed) throw new RangeError('Resampler.push: the stream has been flushed');
    const joined = new Float64Array(this.buffer.length + block.length);
    joined.set(this.buffer);
    joined.set(block, this.buffer.length);
    this.buffer = joined;
    this.received += block.length;
    // Output j is complete once its newest input, floor((j·down + half)/up), has arrived.
    return this.run(Math.ceil((this.received * this.up - this.half) / this.down));
  }

  flush(): Float64Array {
    this.flushed = true;
    return this.run(Math.ceil((this.received * this.up) / this.down));
  }

  /** Index of the newest input sample that output j reaches. */
  private newestInput(j: number): number {
    return Math.floor((j * this.down + this.half) / this.up);
  }

  /** Output j = Σ x[i]·h[j·down + half − i·up]; input not received (the end) counts as zero. */
  private output(j: number): number {
    const newest = this.newestInput(j);
    const taps = this.branches[j * this.down + this.half - newest * this.up];
    const oldest = Math.max(newest - this.branchLength + 1, 0);
    let sum = 0;
    for (let i = Math.min(newest, this.received - 1); i >= oldest; i--) {
      sum += taps[newest - i] * this.buffer[i - this.bufferStart];
    }
    return sum;
  }

  /** Emits outputs next..end−1, then drops input that no later output reaches. */
  private run(end: number): Float64Array {
    const out = new Float64Array(Math.max(0, end - this.next));
    for (let i = 0; i < out.length; i++, this.next++) out[i] = this.output(this.next);
    const oldestNeeded = this.newestInput(this.next) - this.branchLength + 1;
    const keepFrom = Math.min(this.received, Math.max(0, oldestNeeded));
    if (keepFrom > this.bufferStart) {
      this.buffer = this.buffer.slice(keepFrom - this.bufferStart);
      this.bufferStart = keepFrom;
    }
    return out;
  }
}

/** Creates a streaming resampler by up/down (reduced by their gcd first). */
export function createResampler(
  up: number,
  down: number,
  design: ResampleDesign = DEFAULT_RESAMPLE_DESIGN,
): Resampler {
  checkFactor(up, 'up', 'createResampler');
  checkFactor(down, 'down', 'createResampler');
  checkDesign(design, 'createResampler');
  const g = gcd(up, down);
  if (up === down) {
    return {
      up: 1,
      down: 1,
      push: (block) => Float64Array.from(block),
      flush: () => new Float64Array(0),
    };
  }
  return new PolyphaseResampler(up / g, down / g, design);
}

/**
 * Resamples by up/down (scipy.signal.resample_poly(x, up, down) with `design`; pass
 * SCIPY_RESAMPLE_DESIGN for scipy's default window ('kaiser', 5.0)). Output length
 * ceil(n·up/down). Throws RangeError for non-positive or non-integer factors or empty samples.
 */
export function resamplePoly(
  samples: SampleArray,
  up: number,
  down: number,
  design: ResampleDesign = DEFAULT_RESAMPLE_DESIGN,
): Float64Array {
  if (samples.length === 0) throw new RangeError('resamplePoly: samples must not be empty');
  const resampler = createResampler(up, down, design);
  const head = resampler.push(samples);
  const tail = resampler.flush();
  const out = new Float64Array(head.length + tail.length);
  out.set(head);
  out.set(tail, head.length);
  return out;
}

/**
 * The fraction up/down closest to `ratio` with both terms ≤ maxFactor: continued-fraction
 * convergents plus the last semiconvergent, as Python's Fraction.limit_denominator does, with the
 * numerator bounded too.
 */
export function rationalApproximation(
  ratio: number,
  maxFactor: number,
): { up: number; down: number } {
  if (!(Number.isFinite(ratio) && ratio > 0)) {
    throw new RangeError(`rationalApproximation: ratio must be positive, got ${ratio}`);
  }
  checkFactor(maxFactor, 'maxFactor', 'rationalApproximation');
  let [p0, q0, p1, q1] = [0, 1, 1, 0];
  let x = ratio;
  for (let iteration = 0; iteration < 64; iteration++) {
    const a = Math.floor(x);
    const [p2, q2] = [p0 + a * p1, q0 + a * q1];
    if (p2 > maxFactor || q2 > maxFactor) break;
    [p0, q0, p1, q1] = [p1, q1, p2, q2];
    if (x - a < 1e-12 * x) break;
    x = 1 / (x - a);
  }
  const candidates = [{ up: Math.max(p1, 1), down: Math.max(q1, 1) }];
  const k = Math.min(
    Math.floor((maxFactor - q0) / Math.max(q1, 1)),
    Math.floor((maxFactor - p0) / Math.max(p1, 1)),
  );
  if (k >= 1 && p0 + k * p1 >= 1) candidates.push({ up: p0 + k * p1, down: q0 + k * q1 });
  const error = (f: { up: number; down: number }) => Math.abs(f.up / f.down - ratio);
  return candidates.reduce((best, f) => (error(f) < error(best) ? f : best));
}

export interface ResampleOptions {
  readonly design?: ResampleDesign;
  /** Largest up or down factor when the rates are not in a small integer ratio. Default 1024. */
  readonly maxFactor?: number;
}

export interface ResampleResult {
  readonly samples: Float64Array;
  /** fromRateHz·up/down: equals toRateHz unless the ratio had to be approximated. */
  readonly sampleRateHz: number;
  readonly up: number;
  readonly down: number;
}

/** up/down for converting fromRateHz to toRateHz: exact when both are integers with a small ratio. */
export function resampleFactors(
  fromRateHz: number,
  toRateHz: number,
  maxFactor = 1024,
): { up: number; down: number } {
  for (const [name, rate] of [
    ['fromRateHz', fromRateHz],
    ['toRateHz', toRateHz],
  ] as const) {
    if (!(Number.isFinite(rate) && rate > 0)) {
      throw new RangeError(`resample: ${name} must be a positive number, got ${rate}`);
    }
  }
  if (Number.isInteger(fromRateHz) && Number.isInteger(toRateHz)) {
    const g = gcd(fromRateHz, toRateHz);
    if (toRateHz / g <= maxFactor && fromRateHz / g <= maxFactor) {
      return { up: toRateHz / g, down: fromRateHz / g };
    }
  }
  return rationalApproximation(toRateHz / fromRateHz, maxFactor);
}

/**
 * Converts a signal from one sample rate to another (48 kHz ↔ 8 kHz, 44.1 kHz ↔ 48 kHz, ...)
 * with `resamplePoly` at the reduced ratio. Throws RangeError for non-positive rates or empty
 * samples.
 */
export function resample(
  samples: SampleArray,
  fromRateHz: number,
  toRateHz: number,
  options: ResampleOptions = {},
): ResampleResult {
  const { up, down } = resampleFactors(fromRateHz, toRateHz, options.maxFactor ?? 1024);
  return {
    samples: resamplePoly(samples, up, down, options.design ?? DEFAULT_RESAMPLE_DESIGN),
    sampleRateHz: (fromRateHz * up) / down,
    up,
    down,
  };
}
