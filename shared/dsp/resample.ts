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
  const u = up / g;
  const d = down / g;
  if (u === 1 && d === 1) {
    return {
      up: 1,
      down: 1,
      push: (block) => Float64Array.from(block),
      flush: () => new Float64Array(0),
    };
  }
  const h = designResampleFilter(u, d, design);
  const half = (h.length - 1) / 2;
  // branches[p][m] = h[p + m·u]: the taps that meet input samples for output phase p.
  const branchLength = Math.ceil(h.length / u);
  const branches = Array.from({ length: u }, (_, p) => {
    const taps = new Float64Array(branchLength);
    for (let m = 0; p + m * u < h.length; m++) taps[m] = h[p + m * u];
    return taps;
  });
  let buffer = new Float64Array(0);
  let bufferStart = 0; // absolute index of buffer[0]
  let received = 0;
  let next = 0; // next output index j

  const newestInput = (j: number) => Math.floor((j * d + half) / u);

  /** Output j; input at or beyond `received` counts as zero (the end of the signal). */
  const output = (j: number): number => {
    const t = j * d + half;
    const newest = newestInput(j);
    const taps = branches[t - newest * u];
    let sum = 0;
    const oldest = Math.max(newest - branchLength + 1, 0);
    for (let i = Math.min(newest, received - 1); i >= oldest; i--) {
      sum += taps[newest - i] * buffer[i - bufferStart];
    }
    return sum;
  };

  /** Emits outputs next..end−1, then drops input that no later output reaches. */
  const run = (end: number): Float64Array => {
    const out = new Float64Array(Math.max(0, end - next));
    for (let i = 0; i < out.length; i++, next++) out[i] = output(next);
    const keepFrom = Math.min(received, Math.max(0, newestInput(next) - branchLength + 1));
    if (keepFrom > bufferStart) {
      buffer = buffer.slice(keepFrom - bufferStart);
      bufferStart = keepFrom;
    }
    return out;
  };
  let flushed = false;

  return {
    up: u,
    down: d,
    push(block) {
      if (flushed) throw new RangeError('Resampler.push: the stream has been flushed');
      const joined = new Float64Array(buffer.length + block.length);
      joined.set(buffer);
      joined.set(block, buffer.length);
      buffer = joined;
      received += block.length;
      // Output j is complete once its newest input, floor((j·d + half)/u), has arrived.
      return run(Math.ceil((received * u - half) / d));
    },
    flush() {
      flushed = true;
      return run(Math.ceil((received * u) / d));
    },
  };
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
