/**
 * The analytic signal x + j·H{x} by the FFT method of scipy.signal.hilbert: keep DC (and
 * Nyquist for even N), double the positive frequencies, drop the negative ones. The transform is
 * circular: a frame's ends see the other end, which is why long signals go through
 * `envelope.ts`'s overlapping blocks.
 */
import { fft, isPowerOfTwo, realFftPlan, rfft } from './fft.ts';
import type { RealFftPlan } from './fft.ts';
import type { SampleArray } from './types.ts';

export interface AnalyticSignal {
  /** Real part: the input itself (zero-padded or cut to the chosen length). */
  readonly re: Float64Array;
  /** Imaginary part: the Hilbert transform of the input. */
  readonly im: Float64Array;
}

function fitToLength(samples: SampleArray, length: number): Float64Array {
  const out = new Float64Array(length);
  out.set(samples.length > length ? samples.subarray(0, length) : samples);
  return out;
}

/**
 * Hilbert transform of one power-of-two frame with a real FFT plan: multiplying the spectrum by
 * -j·sign(f) and transforming back. DC and Nyquist have no quadrature part and become zero.
 */
export function hilbertOfFrame(
  frame: Float64Array,
  plan: RealFftPlan,
  scratch: { re: Float64Array; im: Float64Array },
  output: Float64Array,
): void {
  const half = plan.size / 2;
  plan.forward(frame, scratch.re, scratch.im);
  for (let k = 1; k < half; k++) {
    const re = scratch.re[k];
    scratch.re[k] = scratch.im[k];
    scratch.im[k] = -re;
  }
  scratch.re[0] = scratch.im[0] = 0;
  scratch.re[half] = scratch.im[half] = 0;
  plan.inverse(scratch.re, scratch.im, output);
}

/** Any length: the full one-sided spectrum per scipy, then a complex inverse FFT. */
function analyticAnyLength(x: Float64Array): AnalyticSignal {
  const n = x.length;
  const half = rfft(x);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  re[0] = half.re[0];
  im[0] = half.im[0];
  const positiveEnd = n % 2 === 0 ? n / 2 : (n + 1) / 2;
  for (let k = 1; k < positiveEnd; k++) {
    re[k] = 2 * half.re[k];
    im[k] = 2 * half.im[k];
  }
  if (n % 2 === 0) {
    re[n / 2] = half.re[n / 2];
    im[n / 2] = half.im[n / 2];
  }
  return fft(re, im, true);
}

/**
 * The analytic signal of a real signal (scipy.signal.hilbert(x, N=length)). `length` defaults to
 * the signal's length; a longer length zero-pads, a shorter one truncates, as scipy does.
 * Throws RangeError for an empty signal or a length below 1.
 */
export function analyticSignal(samples: SampleArray, length = samples.length): AnalyticSignal {
  if (samples.length === 0) throw new RangeError('analyticSignal: samples must not be empty');
  if (!(Number.isInteger(length) && length >= 1)) {
    throw new RangeError(`analyticSignal: length must be an integer >= 1, got ${length}`);
  }
  const x = fitToLength(samples, length);
  if (!isPowerOfTwo(length) || length < 4) return analyticAnyLength(x);
  const plan = realFftPlan(length, 'fft.js');
  const scratch = { re: new Float64Array(length / 2 + 1), im: new Float64Array(length / 2 + 1) };
  const im = new Float64Array(length);
  hilbertOfFrame(x, plan, scratch, im);
  return { re: x, im };
}
