/**
 * The per-segment kernel of Welch and the spectrogram: copy, detrend, window, real FFT, |X|².
 * All buffers are allocated once per instance, so the hot loop allocates nothing.
 */
import { realFftPlan, rfft } from './fft.ts';
import { detrendInPlace } from './detrend.ts';
import type { SegmentSettings } from './spectralSettings.ts';
import { settingsWindow } from './spectralSettings.ts';
import type { SampleArray } from './types.ts';

interface RealTransform {
  forward(input: Float64Array, re: Float64Array, im: Float64Array): void;
}

/**
 * The fast plan when a backend serves this size (powers of two; with WASM on, also 2^a·3^b·5^c
 * multiples of 32), else the exact any-length rfft, which allocates but keeps odd sizes possible.
 */
function transformFor(size: number): RealTransform {
  try {
    return realFftPlan(size);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      forward(input, re, im) {
        const spectrum = rfft(input);
        re.set(spectrum.re);
        im.set(spectrum.im);
      },
    };
  }
}

export class SegmentPeriodogram {
  readonly binCount: number;
  private readonly settings: SegmentSettings;
  private readonly window: Float64Array;
  private readonly transform: RealTransform;
  private readonly work: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;

  constructor(settings: SegmentSettings) {
    this.settings = settings;
    this.binCount = settings.binCount;
    this.window = settingsWindow(settings).values;
    this.transform = transformFor(settings.fftLength);
    // Zero beyond segmentLength for ever: only the first segmentLength values are written.
    this.work = new Float64Array(settings.fftLength);
    this.re = new Float64Array(settings.binCount);
    this.im = new Float64Array(settings.binCount);
  }

  /** Which FFT backend serves this kernel (for reports and benchmarks). */
  get backend(): string {
    return 'backend' in this.transform ? String(this.transform.backend) : 'rfft';
  }

  /**
   * |X_k|² (unscaled) of source[start .. start+segmentLength) after detrend and window. Adds to
   * `out` when `accumulate`, else overwrites it.
   */
  power(source: SampleArray, start: number, out: Float64Array, accumulate: boolean): void {
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
}
