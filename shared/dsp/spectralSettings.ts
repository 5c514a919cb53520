/**
 * The segment options that Welch and the spectrogram share, checked once and resolved into plain
 * data (structured-cloneable, so a worker can receive them with the samples).
 */
import type { DetrendType } from './detrend.ts';
import type { SampleArray } from './types.ts';
import type { WindowDescriptor, WindowName } from './windows.ts';
import { WINDOW_NAMES, describeWindow, windowDescriptor } from './windows.ts';

export type SpectralScaling = 'density' | 'spectrum';

/** Options for cutting a signal into windowed segments. scipy names in brackets. */
export interface SegmentOptions {
  /** Samples per segment [nperseg]. Required: the resolution is the caller's decision. */
  segmentLength: number;
  /** Overlap as a fraction of segmentLength, 0 ≤ overlap < 1; rounded to whole samples. */
  overlap?: number;
  /** Overlap in samples, 0 ≤ overlapSamples < segmentLength [noverlap]. Not with `overlap`. */
  overlapSamples?: number;
  /** FFT length ≥ segmentLength; the segment is zero-padded [nfft]. Default segmentLength. */
  fftLength?: number;
  /** A window name or coefficients of length segmentLength [window]. Default periodic 'hann'. */
  window?: WindowName | Float64Array;
  /** Per-segment detrend before windowing [detrend]. Default 'constant', as scipy's. */
  detrend?: DetrendType | false;
  /**
   * 'density': power spectral density in units²/Hz, |X|²/(fs·Σw²); 'spectrum': power spectrum in
   * units², |X|²/(Σw)², where a sine of amplitude A reads A²/2 [scaling]. Default 'density'.
   * One-sided: every bin but DC (and Nyquist for even fftLength) is doubled.
   */
  scaling?: SpectralScaling;
}

/** Resolved segment settings: every option explicit. */
export interface SegmentSettings {
  readonly sampleRateHz: number;
  readonly segmentLength: number;
  readonly overlapSamples: number;
  /** segmentLength − overlapSamples: the distance between segment starts. */
  readonly hopSamples: number;
  readonly fftLength: number;
  /** fftLength/2 + 1 (rounded down): the one-sided bins 0..fs/2. */
  readonly binCount: number;
  readonly window: WindowName | Float64Array;
  readonly detrend: DetrendType | false;
  readonly scaling: SpectralScaling;
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function checkSampleRate(context: string, sampleRateHz: unknown): void {
  if (typeof sampleRateHz !== 'number' || !Number.isFinite(sampleRateHz) || sampleRateHz <= 0) {
    throw new RangeError(`${context}: sampleRateHz must be a finite number > 0`);
  }
}

export function checkSamples(context: string, samples: unknown): asserts samples is SampleArray {
  if (!(samples instanceof Float64Array || samples instanceof Float32Array)) {
    throw new TypeError(`${context}: samples must be a Float32Array or Float64Array`);
  }
}

function resolveOverlap(context: string, options: SegmentOptions, segmentLength: number): number {
  const { overlap, overlapSamples } = options;
  if (overlap !== undefined && overlapSamples !== undefined) {
    throw new RangeError(`${context}: give options.overlap or options.overlapSamples, not both`);
  }
  if (overlapSamples !== undefined) {
    if (!isInteger(overlapSamples) || overlapSamples < 0 || overlapSamples >= segmentLength) {
      throw new RangeError(
        `${context}: options.overlapSamples must be an integer in [0, segmentLength), got ${String(overlapSamples)}`,
      );
    }
    return overlapSamples;
  }
  if (overlap === undefined) return Math.floor(segmentLength / 2); // scipy: nperseg // 2
  if (typeof overlap !== 'number' || !(overlap >= 0 && overlap < 1)) {
    throw new RangeError(`${context}: options.overlap must be in [0, 1), got ${String(overlap)}`);
  }
  return Math.min(Math.round(overlap * segmentLength), segmentLength - 1);
}

function resolveWindow(context: string, window: unknown, segmentLength: number) {
  if (window === undefined) return 'hann';
  if (window instanceof Float64Array) {
    if (window.length !== segmentLength) {
      throw new RangeError(`${context}: options.window must have segmentLength values`);
    }
    return window.slice(); // the caller may reuse its array; a copy keeps the settings fixed
  }
  if (typeof window !== 'string' || !(WINDOW_NAMES as readonly string[]).includes(window)) {
    throw new RangeError(
      `${context}: options.window must be one of ${WINDOW_NAMES.join(', ')} or a Float64Array`,
    );
  }
  return window as WindowName;
}

function checkEnum<T>(context: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new RangeError(
      `${context}: options.${name} must be one of ${allowed.map(String).join(', ')}, got ${String(value)}`,
    );
  }
  return value as T;
}

/** Checks `options` and fills in the defaults. Throws RangeError naming the bad option. */
export function resolveSegmentSettings(
  context: string,
  sampleRateHz: number,
  options: SegmentOptions,
): SegmentSettings {
  checkSampleRate(context, sampleRateHz);
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${context}: options must be an object`);
  }
  const { segmentLength } = options;
  if (!isInteger(segmentLength) || segmentLength < 2) {
    throw new RangeError(
      `${context}: options.segmentLength must be an integer >= 2, got ${String(segmentLength)}`,
    );
  }
  const overlapSamples = resolveOverlap(context, options, segmentLength);
  const fftLength = options.fftLength ?? segmentLength;
  if (!isInteger(fftLength) || fftLength < segmentLength) {
    throw new RangeError(
      `${context}: options.fftLength must be an integer >= segmentLength, got ${String(fftLength)}`,
    );
  }
  return {
    sampleRateHz,
    segmentLength,
    overlapSamples,
    hopSamples: segmentLength - overlapSamples,
    fftLength,
    binCount: Math.floor(fftLength / 2) + 1,
    window: resolveWindow(context, options.window, segmentLength),
    detrend: checkEnum(context, 'detrend', options.detrend ?? 'constant', [
      'constant',
      'linear',
      false,
    ] as const),
    scaling: checkEnum(context, 'scaling', options.scaling ?? 'density', [
      'density',
      'spectrum',
    ] as const),
  };
}

/** The window of resolved settings (cached for named windows). */
export function settingsWindow(settings: SegmentSettings): WindowDescriptor {
  return typeof settings.window === 'string'
    ? windowDescriptor(settings.window, settings.segmentLength)
    : describeWindow(settings.window);
}

/**
 * Per-bin factors turning |X_k|² into the one-sided density or spectrum (scipy's scaling):
 * 1/(fs·Σw²) or 1/(Σw)², doubled for every bin except DC and, for even fftLength, Nyquist.
 */
export function onesidedScale(settings: SegmentSettings): Float64Array {
  const window = settingsWindow(settings);
  const base =
    settings.scaling === 'density'
      ? 1 / (settings.sampleRateHz * window.sumOfSquares)
      : 1 / (window.sum * window.sum);
  const scale = new Float64Array(settings.binCount).fill(2 * base);
  scale[0] = base;
  if (settings.fftLength % 2 === 0) scale[settings.binCount - 1] = base;
  return scale;
}

/** Bin frequencies k·fs/fftLength for k = 0..binCount−1 (numpy.fft.rfftfreq). */
export function binFrequencies(settings: SegmentSettings): Float64Array {
  const frequenciesHz = new Float64Array(settings.binCount);
  for (let k = 0; k < settings.binCount; k++) {
    frequenciesHz[k] = (k * settings.sampleRateHz) / settings.fftLength;
  }
  return frequenciesHz;
}

/** Number of whole segments in `sampleCount` samples; the remainder is dropped, as scipy does. */
export function segmentCountFor(sampleCount: number, settings: SegmentSettings): number {
  if (sampleCount < settings.segmentLength) return 0;
  return Math.floor((sampleCount - settings.segmentLength) / settings.hopSamples) + 1;
}
