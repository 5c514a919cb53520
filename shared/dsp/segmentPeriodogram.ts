/**
 * The per-segment kernel of Welch and the spectrogram: copy, detrend, window, real FFT, |X|².
 * All buffers are allocated once per instance, so the hot loop allocates nothing.
 */
import { realFftPlan, rfft } from './fft.ts';
import type { RealFftPlan } from './fft.ts';
import { detrendInPlace } from './detrend.ts';
import type { SegmentSettings } from './spectralSettings.ts';
import { settingsWindow } from './spectralSettings.ts';
import type { SampleArray } from './types.ts';

interface RealTransform {
  forward(input: Float64Array, re: Float64Array, im: Float64Array): void;
}

/** The exact any-length rfft: allocates, but keeps sizes no FFT plan serves possible. */
const anyLengthTransform: RealTransform = {
  forward(input, re, im) {
    const spectrum = rfft(input);
    re.set(spectrum.re);
    im.set(spectrum.im);
  },
};

/**
 * The fast plan when a backend serves this size (powers of two; with WASM on, also 2^a·3^b·5^c
 * multiples of 32), else null.
 */
function planFor(size: number): RealFftPlan | null {
  try {
    return realFftPlan(size);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return null;
  }
}

/**
 * Σ segment[0..n) as four interleaved sums, (s0 + s1) + (s2 + s3), the odd end in s0: four
 * independent chains of additions run ~1.6× faster in V8 than one.
 */
function segmentSum(segment: SampleArray, n: number): number {
  return n % 4 === 0 ? quadSum(segment, n) : quadSumWithOddEnd(segment, n);
}

/**
 * `segmentSum` for n a multiple of 4 (every power-of-two segment). The loop ends the function
 * (as in `windowInto`): V8 compiles a long first loop on the fly (on-stack replacement) before
 * any code after it has run, and such code, met later in that compiled loop, sent every call back
 * to the interpreter (measured: hundreds of deoptimisations per analysis).
 */
function quadSum(segment: SampleArray, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let total = 0;
  for (let i = 0; i < n; i += 4) {
    s0 += segment[i];
    s1 += segment[i + 1];
    s2 += segment[i + 2];
    s3 += segment[i + 3];
    total = s0 + s1 + (s2 + s3);
  }
  return total;
}

function quadSumWithOddEnd(segment: SampleArray, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += segment[i];
    s1 += segment[i + 1];
    s2 += segment[i + 2];
    s3 += segment[i + 3];
  }
  for (; i < n; i++) s0 += segment[i];
  return s0 + s1 + (s2 + s3);
}

/** input[j] = (segment[j] − mean)·window[j] for j < n. */
function windowInto(
  input: Float32Array | Float64Array,
  segment: SampleArray,
  mean: number,
  window: Float64Array,
  n: number,
): void {
  for (let j = 0; j < n; j++) input[j] = (segment[j] - mean) * window[j];
}

export class SegmentPeriodogram {
  readonly binCount: number;
  private readonly settings: SegmentSettings;
  private readonly window: Float64Array;
  private readonly transform: RealTransform;
  /** Set when a planned FFT serves the size: segments are windowed straight into its input. */
  private readonly plan: RealFftPlan | null;
  private readonly work: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(settings: SegmentSettings) {
    this.settings = settings;
    this.binCount = settings.binCount;
    this.window = settingsWindow(settings).values;
    this.plan = planFor(settings.fftLength);
    this.transform = this.plan ?? anyLengthTransform;
    // Zero beyond segmentLength for ever: only the first segmentLength values are written.
    this.work = new Float64Array(settings.fftLength);
    this.re = new Float64Array(settings.binCount);
    this.im = new Float64Array(settings.binCount);
  }

  /** Which FFT backend serves this kernel (for reports and benchmarks). */
  get backend(): string {
    return this.plan ? this.plan.backend : 'rfft';
  }

  /**
   * |X_k|² (unscaled) of source[start .. start+segmentLength) after detrend and window. Adds to
   * `out` when `accumulate`, else overwrites it.
   */
  power(source: SampleArray, start: number, out: Float64Array, accumulate: boolean): void {
    const plan = this.plan;
    if (plan !== null && this.settings.detrend === 'constant') {
      this.planPower(plan, source, start, out, accumulate);
      return;
    }
    const { segmentLength, detrend } = this.settings;
    const work = this.work;
    const window = this.window;
    if (detrend === 'constant') {
      // The common case, fused into two passes: (x − mean)·w, the order scipy computes it in.
      let sum = 0;
      for (let i = 0; i < segmentLength; i++) sum += source[start + i];
      const mean = sum / segmentLength;
      for (let i = 0; i < segmentLength; i++) work[i] = (source[start + i] - mean) * window[i];
    } else {
      for (let i = 0; i < segmentLength; i++) work[i] = source[start + i];
      if (detrend === 'linear') detrendInPlace(work, detrend, segmentLength);
      for (let i = 0; i < segmentLength; i++) work[i] *= window[i];
    }
    this.transform.forward(work, this.re, this.im);
    const re = this.re;
    const im = this.im;
    const bins = this.binCount;
    if (accumulate) {
      for (let k = 0; k < bins; k++) out[k] += re[k] * re[k] + im[k] * im[k];
    } else {
      for (let k = 0; k < bins; k++) out[k] = re[k] * re[k] + im[k] * im[k];
    }
  }

  /**
   * The hot path: (x − mean)·w written straight into the plan's input (float32 on WASM, where
   * the copy into WASM memory would round to float32 anyway), |X|² read straight from its output.
   */
  private planPower(
    plan: RealFftPlan,
    source: SampleArray,
    start: number,
    out: Float64Array,
    accumulate: boolean,
  ): void {
    const { segmentLength, fftLength } = this.settings;
    const input = plan.input();
    const segment = source.subarray(start, start + segmentLength);
    const mean = segmentSum(segment, segmentLength) / segmentLength;
    windowInto(input, segment, mean, this.window, segmentLength);
    // The input buffer belongs to a shared plan that others may have written: pad every time.
    if (fftLength > segmentLength) input.fill(0, segmentLength);
    plan.powerOfInput(out, accumulate);
  }
}
