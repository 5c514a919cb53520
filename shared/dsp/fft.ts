/**
 * The one FFT module: every transform in Auscult goes through here.
 *
 * Conventions follow numpy.fft: forward transforms are unnormalised, the inverse divides by N,
 * real transforms return bins 0..N/2 (N/2 + 1 values).
 *
 * Backends: fft.js (float64, the reference the tests compare with) is always available.
 * PFFFT compiled to WASM SIMD (float32) is several times faster and may be switched on for the
 * hot path with `enableWasmFft()`; it only serves sizes it supports (multiples of 32 of the
 * form 2^a·3^b·5^c), everything else stays on fft.js.
 */
import FFT from 'fft.js';
import type { PffftModule } from '@echogarden/pffft-wasm/simd';

/** A planned real forward FFT of one size. Not thread-safe: one plan per worker. */
export interface RealFftPlan {
  readonly size: number;
  readonly backend: FftBackendName;
  /** Reads `size` samples from `input` and writes bins 0..size/2 into `re` and `im`. */
  forward(input: Float64Array, re: Float64Array, im: Float64Array): void;
  /**
   * Inverse of `forward` (numpy.fft.irfft, divided by N): reads bins 0..size/2 of a Hermitian
   * spectrum (the imaginary parts of DC and Nyquist are ignored) and writes `size` samples.
   */
  inverse(re: Float64Array, im: Float64Array, output: Float64Array): void;
  /**
   * The plan's own input buffer (`size` values) for `forwardInput` / `powerOfInput`: writing a
   * frame straight into it (windowing on the way) saves a copy per transform. On the WASM backend
   * it is a float32 view into WASM memory; fetch it again after creating another plan, which may
   * grow that memory. `inverse` may overwrite it.
   */
  input(): Float32Array | Float64Array;
  /** `forward` of the values in `input()`. */
  forwardInput(re: Float64Array, im: Float64Array): void;
  /**
   * |X_k|² of the values in `input()` for k = 0..size/2, without the re/im copies: added to `out`
   * when `accumulate`, else written over it (the Welch and spectrogram hot path).
   */
  powerOfInput(out: Float64Array, accumulate: boolean): void;
  /**
   * Forward transform of the values in `input()`, returned packed in the plan's own buffer:
   * [X₀, X_{N/2}, Re X₁, Im X₁, …, Re X_{N/2−1}, Im X_{N/2−1}] (DC and Nyquist are real, so N
   * values hold the whole one-sided spectrum: FFTPACK's and PFFFT's ordered layout). Change it in
   * place (a filter, a Hilbert rotation) and call `inversePacked`; the round trip never leaves
   * WASM memory. Valid until the next call on this plan.
   */
  forwardInputPacked(): Float32Array | Float64Array;
  /** Inverse (divided by N) of the packed spectrum `forwardInputPacked` returned, into `output`. */
  inversePacked(output: Float64Array): void;
}

export type FftBackendName = 'fft.js' | 'pffft-wasm-simd';

const fftJsPlans = new Map<number, FFT>();
const realPlans = new Map<string, RealFftPlan>();
let wasmModule: PffftModule | null = null;
let wasmEnabled = false;

export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && (n & (n - 1)) === 0;
}

export function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function fftJs(size: number): FFT {
  let plan = fftJsPlans.get(size);
  if (!plan) {
    plan = new FFT(size);
    fftJsPlans.set(size, plan);
  }
  return plan;
}

function isPffftSize(size: number): boolean {
  if (size % 32 !== 0) return false;
  let n = size;
  for (const p of [2, 3, 5]) while (n % p === 0) n /= p;
  return n === 1;
}

function makeFftJsRealPlan(size: number): RealFftPlan {
  const fft = fftJs(size);
  const half = size / 2;
  const out = new Float64Array(2 * size);
  const full = new Float64Array(2 * size);
  const staged = new Float64Array(size);
  const packed = new Float64Array(size);
  const packedRe = new Float64Array(half + 1);
  const packedIm = new Float64Array(half + 1);
  const forward = (input: Float64Array, re: Float64Array, im: Float64Array) => {
    fft.realTransform(out, input);
    for (let k = 0; k <= half; k++) {
      re[k] = out[2 * k];
      im[k] = out[2 * k + 1];
    }
  };
  const inverse = (re: Float64Array, im: Float64Array, output: Float64Array) => {
    // fft.js has no real inverse: rebuild the full Hermitian spectrum.
    full[0] = re[0];
    full[1] = 0;
    full[2 * half] = re[half];
    full[2 * half + 1] = 0;
    for (let k = 1; k < half; k++) {
      full[2 * k] = re[k];
      full[2 * k + 1] = im[k];
      full[2 * (size - k)] = re[k];
      full[2 * (size - k) + 1] = -im[k];
    }
    fft.inverseTransform(out, full);
    for (let i = 0; i < size; i++) output[i] = out[2 * i];
  };
  return {
    size,
    backend: 'fft.js',
    forward,
    inverse,
    input: () => staged,
    forwardInput: (re, im) => forward(staged, re, im),
    powerOfInput(power, accumulate) {
      fft.realTransform(out, staged);
      if (!accumulate) power.fill(0, 0, half + 1);
      for (let k = 0; k <= half; k++) {
        power[k] += out[2 * k] * out[2 * k] + out[2 * k + 1] * out[2 * k + 1];
      }
    },
    forwardInputPacked() {
      fft.realTransform(out, staged);
      // Bin k >= 1 sits at [2k, 2k+1] in both layouts; only slot 1 differs (Nyquist, not Im X₀).
      packed.set(out.subarray(0, size));
      packed[1] = out[size];
      return packed;
    },
    inversePacked(output) {
      packedRe[0] = packed[0];
      packedRe[half] = packed[1];
      for (let k = 1; k < half; k++) {
        packedRe[k] = packed[2 * k];
        packedIm[k] = packed[2 * k + 1];
      }
      inverse(packedRe, packedIm, output);
    },
  };
}

function makePffftRealPlan(module: PffftModule, size: number): RealFftPlan {
  const pffftReal = 0;
  const pffftForward = 0;
  const pffftBackward = 1;
  const setup = module._pffft_new_setup(size, pffftReal);
  const inputPtr = module._pffft_aligned_malloc(size * 4);
  const outputPtr = module._pffft_aligned_malloc(size * 4);
  const workPtr = module._pffft_aligned_malloc(size * 4);
  const half = size / 2;
  let inputView = module.HEAPF32.subarray(inputPtr >> 2, (inputPtr >> 2) + size);
  // HEAPF32 is replaced (and the old buffer detached) when the WASM memory grows.
  const stagedInput = (): Float32Array => {
    if (inputView.buffer !== module.HEAPF32.buffer) {
      inputView = module.HEAPF32.subarray(inputPtr >> 2, (inputPtr >> 2) + size);
    }
    return inputView;
  };
  const transformInput = (): Float32Array => {
    module._pffft_transform_ordered(setup, inputPtr, outputPtr, workPtr, pffftForward);
    return module.HEAPF32;
  };
  let outputView = module.HEAPF32.subarray(outputPtr >> 2, (outputPtr >> 2) + size);
  const packedOutput = (): Float32Array => {
    if (outputView.buffer !== module.HEAPF32.buffer) {
      outputView = module.HEAPF32.subarray(outputPtr >> 2, (outputPtr >> 2) + size);
    }
    return outputView;
  };
  /** Inverse of the packed spectrum in the output buffer, through the input buffer. */
  const inverseOfOutput = (output: Float64Array): void => {
    module._pffft_transform_ordered(setup, outputPtr, inputPtr, workPtr, pffftBackward);
    const time = stagedInput();
    // PFFFT's backward transform is unnormalised.
    const scale = 1 / size;
    for (let i = 0; i < size; i++) output[i] = time[i] * scale;
  };
  /** Ordered real output packs DC and Nyquist into the first complex slot. */
  const unpack = (re: Float64Array, im: Float64Array) => {
    const out = transformInput();
    const o = outputPtr >> 2;
    re[0] = out[o];
    im[0] = 0;
    re[half] = out[o + 1];
    im[half] = 0;
    for (let k = 1; k < half; k++) {
      re[k] = out[o + 2 * k];
      im[k] = out[o + 2 * k + 1];
    }
  };
  return {
    size,
    backend: 'pffft-wasm-simd',
    forward(input, re, im) {
      stagedInput().set(input);
      unpack(re, im);
    },
    input: stagedInput,
    forwardInput: unpack,
    powerOfInput(power, accumulate) {
      const out = transformInput();
      const o = outputPtr >> 2;
      if (!accumulate) power.fill(0, 0, half + 1);
      power[0] += out[o] * out[o];
      power[half] += out[o + 1] * out[o + 1];
      for (let k = 1, i = o + 2; k < half; k++, i += 2) {
        power[k] += out[i] * out[i] + out[i + 1] * out[i + 1];
      }
    },
    forwardInputPacked() {
      module._pffft_transform_ordered(setup, inputPtr, outputPtr, workPtr, pffftForward);
      return packedOutput();
    },
    inversePacked: inverseOfOutput,
    inverse(re, im, output) {
      const spectrum = packedOutput();
      spectrum[0] = re[0];
      spectrum[1] = re[half];
      for (let k = 1; k < half; k++) {
        spectrum[2 * k] = re[k];
        spectrum[2 * k + 1] = im[k];
      }
      inverseOfOutput(output);
    },
  };
}

/**
 * Loads the WASM SIMD FFT and makes it the backend of `realFftPlan` for the sizes it supports.
 * Returns false (and keeps fft.js) where WebAssembly SIMD is unavailable.
 */
export async function enableWasmFft(): Promise<boolean> {
  if (!wasmModule) {
    try {
      const factory = (await import('@echogarden/pffft-wasm/simd')).default;
      wasmModule = await factory();
    } catch {
      return false;
    }
  }
  wasmEnabled = true;
  return true;
}

/** Returns every later plan to fft.js (plans already handed out keep their backend). */
export function disableWasmFft(): void {
  wasmEnabled = false;
}

/**
 * A cached real forward FFT plan. Sizes: any power of two >= 4 with fft.js; with the WASM
 * backend on, also its own sizes. Throws RangeError for sizes no backend supports.
 */
export function realFftPlan(size: number, backend?: FftBackendName): RealFftPlan {
  const useWasm =
    backend === 'pffft-wasm-simd' || (backend === undefined && wasmEnabled && isPffftSize(size));
  if (useWasm && !wasmModule) throw new RangeError('realFftPlan: the WASM FFT is not loaded');
  if (useWasm && !isPffftSize(size)) {
    throw new RangeError(`realFftPlan: size ${size} is not supported by the WASM FFT`);
  }
  if (!useWasm && (!isPowerOfTwo(size) || size < 4)) {
    throw new RangeError(`realFftPlan: size ${size} must be a power of two >= 4`);
  }
  const key = `${useWasm ? 'w' : 'j'}${size}`;
  let plan = realPlans.get(key);
  if (!plan) {
    plan = useWasm ? makePffftRealPlan(wasmModule as PffftModule, size) : makeFftJsRealPlan(size);
    realPlans.set(key, plan);
  }
  return plan;
}

/** In-place power-of-two complex FFT on split arrays (fft.js). */
function complexPow2(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  if (n === 1) return;
  const fft = fftJs(n);
  const data = new Float64Array(2 * n);
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    data[2 * i] = re[i];
    data[2 * i + 1] = im[i];
  }
  // fft.js's inverse already divides by N, as numpy does.
  if (inverse) fft.inverseTransform(out, data);
  else fft.transform(out, data);
  for (let i = 0; i < n; i++) {
    re[i] = out[2 * i];
    im[i] = out[2 * i + 1];
  }
}

/** Bluestein's chirp-z algorithm: an exact DFT of any length through power-of-two FFTs. */
function complexBluestein(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  const m = nextPowerOfTwo(2 * n - 1);
  const sign = inverse ? 1 : -1;
  const chirpRe = new Float64Array(n);
  const chirpIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    // k² mod 2n keeps the angle small, so large n loses no precision.
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    chirpRe[k] = Math.cos(angle);
    chirpIm[k] = sign * Math.sin(angle);
  }
  const aRe = new Float64Array(m);
  const aIm = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    aRe[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
    aIm[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
  }
  const bRe = new Float64Array(m);
  const bIm = new Float64Array(m);
  bRe[0] = chirpRe[0];
  bIm[0] = -chirpIm[0];
  for (let k = 1; k < n; k++) {
    bRe[k] = bRe[m - k] = chirpRe[k];
    bIm[k] = bIm[m - k] = -chirpIm[k];
  }
  complexPow2(aRe, aIm, false);
  complexPow2(bRe, bIm, false);
  for (let k = 0; k < m; k++) {
    const r = aRe[k] * bRe[k] - aIm[k] * bIm[k];
    aIm[k] = aRe[k] * bIm[k] + aIm[k] * bRe[k];
    aRe[k] = r;
  }
  complexPow2(aRe, aIm, true);
  const scale = inverse ? 1 / n : 1;
  for (let k = 0; k < n; k++) {
    re[k] = (aRe[k] * chirpRe[k] - aIm[k] * chirpIm[k]) * scale;
    im[k] = (aRe[k] * chirpIm[k] + aIm[k] * chirpRe[k]) * scale;
  }
}

/**
 * Complex DFT of any length (numpy.fft.fft / ifft). Returns new arrays; inputs are not changed.
 * Power-of-two lengths use fft.js directly, others Bluestein's algorithm.
 */
export function fft(
  re: Float64Array,
  im: Float64Array,
  inverse = false,
): { re: Float64Array; im: Float64Array } {
  if (re.length !== im.length) throw new RangeError('fft: re and im must have the same length');
  if (re.length === 0) throw new RangeError('fft: length must be at least 1');
  const outRe = Float64Array.from(re);
  const outIm = Float64Array.from(im);
  if (isPowerOfTwo(re.length)) complexPow2(outRe, outIm, inverse);
  else complexBluestein(outRe, outIm, inverse);
  return { re: outRe, im: outIm };
}

/** Real forward DFT of any length (numpy.fft.rfft): bins 0..floor(N/2). */
export function rfft(signal: Float64Array): { re: Float64Array; im: Float64Array } {
  const n = signal.length;
  const bins = Math.floor(n / 2) + 1;
  if (isPowerOfTwo(n) && n >= 4) {
    const re = new Float64Array(bins);
    const im = new Float64Array(bins);
    realFftPlan(n, 'fft.js').forward(signal, re, im);
    return { re, im };
  }
  const full = fft(signal, new Float64Array(n));
  return { re: full.re.subarray(0, bins).slice(), im: full.im.subarray(0, bins).slice() };
}
