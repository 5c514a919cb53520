/**
 * Detrending: removing the mean or the least-squares line (scipy.signal.detrend).
 */
import type { SampleArray } from './types.ts';

/** 'constant' removes the mean, 'linear' the least-squares straight line; false leaves the data. */
export type DetrendType = 'constant' | 'linear';

/**
 * Detrends the first `length` values of `buffer` in place (the rest is left alone, so a
 * zero-padded FFT buffer keeps its zeros). The hot-path form used by Welch and the spectrogram.
 *
 * The linear fit uses centred time t − t̄, so slope = Σ(t − t̄)x / Σ(t − t̄)², with
 * Σ(t − t̄)² = L(L² − 1)/12; the same least-squares line as scipy's lstsq, without a matrix.
 */
export function detrendInPlace(
  buffer: Float64Array,
  type: DetrendType,
  length = buffer.length,
): void {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += buffer[i];
  const mean = sum / length;
  if (type === 'constant' || length < 2) {
    for (let i = 0; i < length; i++) buffer[i] -= mean;
    return;
  }
  const centre = (length - 1) / 2;
  let weighted = 0;
  for (let i = 0; i < length; i++) weighted += (i - centre) * buffer[i];
  const slope = weighted / ((length * (length * length - 1)) / 12);
  for (let i = 0; i < length; i++) buffer[i] -= mean + slope * (i - centre);
}

/**
 * A detrended copy of `samples` (scipy.signal.detrend(samples, type=type)). Default 'linear', as
 * scipy's. The input is not changed.
 */
export function detrend(samples: SampleArray, type: DetrendType = 'linear'): Float64Array {
  if (!(samples instanceof Float64Array || samples instanceof Float32Array)) {
    throw new TypeError('detrend: samples must be a Float32Array or Float64Array');
  }
  if (type !== 'constant' && type !== 'linear') {
    throw new RangeError(`detrend: type must be 'constant' or 'linear', got ${String(type)}`);
  }
  const out = Float64Array.from(samples);
  if (out.length > 0) detrendInPlace(out, type);
  return out;
}
