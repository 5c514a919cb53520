/**
 * Spectral-analysis windows, named as scipy.signal.get_window names them.
 *
 * All windows here are generalised cosine windows, w[n] = Σ_k (−1)^k a_k cos(2πkn/D), with
 * D = N for the periodic (DFT-even) variant and D = N − 1 for the symmetric one. This is exactly
 * scipy.signal.windows.general_cosine; periodic windows are scipy's `sym=False` /
 * `get_window(..., fftbins=True)`, the right choice for spectral analysis because the N-point DFT
 * then sees one period of the window.
 */

/** Window names (scipy.signal.get_window names). */
export type WindowName = 'boxcar' | 'hann' | 'hamming' | 'blackmanharris' | 'flattop';

export const WINDOW_NAMES: readonly WindowName[] = [
  'boxcar',
  'hann',
  'hamming',
  'blackmanharris',
  'flattop',
];

/** A window with the sums that spectral scaling needs. */
export interface WindowDescriptor {
  readonly name: WindowName | 'custom';
  readonly length: number;
  readonly symmetric: boolean;
  /** The coefficients. Shared by every user of the cache: read, never write. */
  readonly values: Float64Array;
  /** Σ w[n]. */
  readonly sum: number;
  /** Σ w[n]². */
  readonly sumOfSquares: number;
  /** Σ w / N: the amplitude a bin-centred sine loses to the window (Hann 0.5). */
  readonly coherentGain: number;
  /**
   * Equivalent noise bandwidth in bins of fs/N: N·Σw² / (Σw)² (Hann 1.5, flat-top ≈ 3.77).
   * Harris, "On the use of windows…", Proc. IEEE 66 (1978), eq. (11).
   */
  readonly equivalentNoiseBandwidthBins: number;
}

/** Cosine-series coefficients a_k, copied from scipy.signal.windows. */
const COEFFICIENTS: Record<WindowName, readonly number[]> = {
  boxcar: [1],
  hann: [0.5, 0.5],
  hamming: [0.54, 0.46],
  blackmanharris: [0.35875, 0.48829, 0.14128, 0.01168],
  flattop: [0.21557895, 0.41663158, 0.277263158, 0.083578947, 0.006947368],
};

/** Enough for every (window, size) pair one session uses; oldest entries go first. */
const CACHE_LIMIT = 64;
const cache = new Map<string, WindowDescriptor>();

function cosineWindow(coefficients: readonly number[], length: number, symmetric: boolean) {
  const values = new Float64Array(length);
  if (length === 1) {
    values[0] = 1; // scipy returns [1.] for M = 1 whatever the window
    return values;
  }
  const period = symmetric ? length - 1 : length;
  for (let n = 0; n < length; n++) {
    const phase = (2 * Math.PI * n) / period;
    let sum = 0;
    for (let k = 0; k < coefficients.length; k++) {
      sum += (k % 2 === 0 ? 1 : -1) * coefficients[k] * Math.cos(k * phase);
    }
    values[n] = sum;
  }
  return values;
}

/** Builds the descriptor (sums, coherent gain, ENBW) of any window coefficients. */
export function describeWindow(
  values: Float64Array,
  name: WindowName | 'custom' = 'custom',
  symmetric = false,
): WindowDescriptor {
  let sum = 0;
  let sumOfSquares = 0;
  for (let n = 0; n < values.length; n++) {
    sum += values[n];
    sumOfSquares += values[n] * values[n];
  }
  const length = values.length;
  return {
    name,
    length,
    symmetric,
    values,
    sum,
    sumOfSquares,
    coherentGain: sum / length,
    equivalentNoiseBandwidthBins: (length * sumOfSquares) / (sum * sum),
  };
}

function checkWindowArguments(context: string, name: unknown, length: unknown): void {
  if (typeof name !== 'string' || !(WINDOW_NAMES as readonly string[]).includes(name)) {
    throw new RangeError(
      `${context}: window must be one of ${WINDOW_NAMES.join(', ')}, got ${String(name)}`,
    );
  }
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1) {
    throw new RangeError(`${context}: length must be an integer >= 1, got ${String(length)}`);
  }
}

/**
 * The cached descriptor of a named window of `length` samples (periodic unless `symmetric`).
 * `values` is shared: use `getWindow` for a copy you may modify.
 */
export function windowDescriptor(
  name: WindowName,
  length: number,
  symmetric = false,
): WindowDescriptor {
  checkWindowArguments('windowDescriptor', name, length);
  const key = `${name}:${length}:${symmetric ? 's' : 'p'}`;
  let descriptor = cache.get(key);
  if (!descriptor) {
    const values = cosineWindow(COEFFICIENTS[name], length, symmetric);
    descriptor = describeWindow(values, name, symmetric);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, descriptor);
  }
  return descriptor;
}

/**
 * A new array holding the window (scipy.signal.get_window(name, length, fftbins=!symmetric)).
 * Default periodic (DFT-even), as scipy's default for spectral analysis.
 */
export function getWindow(
  name: WindowName,
  length: number,
  options: { symmetric?: boolean } = {},
): Float64Array {
  checkWindowArguments('getWindow', name, length);
  return windowDescriptor(name, length, options.symmetric ?? false).values.slice();
}
