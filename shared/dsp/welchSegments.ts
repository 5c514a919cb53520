/**
 * Welch's method in parts: a partial result (summed periodograms and their count) for any run
 * of segments, partials merged across workers, and the final scaling. `welch.ts` builds the
 * streaming accumulator and the one-shot function on these pieces.
 *
 * P. Welch, "The use of fast Fourier transform for the estimation of power spectra", IEEE Trans.
 * Audio Electroacoust. 15 (1967); scaling and segment layout as scipy.signal.welch.
 */
import { SegmentPeriodogram } from './segmentPeriodogram.ts';
import type { SegmentOptions, SegmentSettings } from './spectralSettings.ts';
import {
  binFrequencies,
  checkSamples,
  onesidedScale,
  resolveSegmentSettings,
  segmentCountFor,
  settingsWindow,
} from './spectralSettings.ts';
import type { FrequencySeries, SampleArray } from './types.ts';

/** Options of `welch` (scipy.signal.welch names in the doc comments of SegmentOptions). */
export interface WelchOptions extends SegmentOptions {
  /**
   * How periodograms are averaged [average]. 'median' is robust to transients but keeps every
   * segment's periodogram in memory (segments × bins × 8 bytes). Default 'mean'.
   */
  average?: 'mean' | 'median';
}

export interface WelchSettings extends SegmentSettings {
  readonly average: 'mean' | 'median';
}

/** The sum over some segments; plain data, so it can cross a worker boundary. */
export interface WelchPartial {
  readonly settings: WelchSettings;
  readonly segmentCount: number;
  /** Σ over the segments of |X_k|², unscaled, bins 0..fftLength/2. */
  readonly powerSum: Float64Array;
  /** With average 'median' only: every segment's |X_k|² (unscaled). Empty otherwise. */
  readonly periodograms: readonly Float64Array[];
}

export interface WelchResult extends FrequencySeries {
  readonly settings: WelchSettings;
  readonly segmentCount: number;
  /** Bin spacing fs/fftLength in Hz. */
  readonly binWidthHz: number;
  /** fs·Σw²/(Σw)² in Hz: a density times this is the power a bin reads in 'spectrum' scaling. */
  readonly equivalentNoiseBandwidthHz: number;
}

/** Checks Welch options and fills in the defaults; throws RangeError naming the bad option. */
export function resolveWelchSettings(
  context: string,
  sampleRateHz: number,
  options: WelchOptions,
): WelchSettings {
  const settings = resolveSegmentSettings(context, sampleRateHz, options);
  const average = options.average ?? 'mean';
  if (average !== 'mean' && average !== 'median') {
    throw new RangeError(`${context}: options.average must be 'mean' or 'median'`);
  }
  return { ...settings, average };
}

/** An empty partial (no segments yet) for these settings. */
export function emptyWelchPartial(settings: WelchSettings): WelchPartial {
  return {
    settings,
    segmentCount: 0,
    powerSum: new Float64Array(settings.binCount),
    periodograms: [],
  };
}

/**
 * Number of whole segments Welch takes from `sampleCount` samples:
 * floor((N − segmentLength)/hop) + 1, or 0 when N < segmentLength (scipy drops the remainder).
 */
export function welchSegmentCount(
  sampleCount: number,
  sampleRateHz: number,
  options: WelchOptions,
): number {
  return segmentCountFor(
    sampleCount,
    resolveWelchSettings('welchSegmentCount', sampleRateHz, options),
  );
}

/**
 * The partial of segments firstSegment .. firstSegment+segmentCount−1 of `samples`, segment j
 * starting at sample j·hop. For a worker: give it the samples (or a subarray starting at a
 * segment boundary), a range of segments, and merge the partials with `mergeWelchPartials`.
 */
export function welchSegmentRange(
  samples: SampleArray,
  sampleRateHz: number,
  options: WelchOptions,
  firstSegment: number,
  segmentCount: number,
): WelchPartial {
  checkSamples('welchSegmentRange', samples);
  const settings = resolveWelchSettings('welchSegmentRange', sampleRateHz, options);
  const available = segmentCountFor(samples.length, settings);
  if (!Number.isInteger(firstSegment) || firstSegment < 0) {
    throw new RangeError('welchSegmentRange: firstSegment must be an integer >= 0');
  }
  if (!Number.isInteger(segmentCount) || segmentCount < 0) {
    throw new RangeError('welchSegmentRange: segmentCount must be an integer >= 0');
  }
  if (firstSegment + segmentCount > available) {
    throw new RangeError(
      `welchSegmentRange: segments up to ${firstSegment + segmentCount} requested, samples hold ${available}`,
    );
  }
  const kernel = new SegmentPeriodogram(settings);
  const partial = emptyWelchPartial(settings);
  const periodograms: Float64Array[] = [];
  for (let j = firstSegment; j < firstSegment + segmentCount; j++) {
    addSegment(kernel, settings, samples, j * settings.hopSamples, partial.powerSum, periodograms);
  }
  return { ...partial, segmentCount, periodograms };
}

/** Adds one segment's periodogram to `powerSum` (and keeps it, for the median). */
export function addSegment(
  kernel: SegmentPeriodogram,
  settings: WelchSettings,
  source: SampleArray,
  start: number,
  powerSum: Float64Array,
  periodograms: Float64Array[],
): void {
  if (settings.average === 'median') {
    const periodogram = new Float64Array(settings.binCount);
    kernel.power(source, start, periodogram, false);
    for (let k = 0; k < periodogram.length; k++) powerSum[k] += periodogram[k];
    periodograms.push(periodogram);
  } else {
    kernel.power(source, start, powerSum, true);
  }
}

function sameWindow(a: WelchSettings['window'], b: WelchSettings['window']): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** True when two settings describe the same analysis, so their partials may be merged. */
export function sameWelchSettings(a: WelchSettings, b: WelchSettings): boolean {
  return (
    a.sampleRateHz === b.sampleRateHz &&
    a.segmentLength === b.segmentLength &&
    a.overlapSamples === b.overlapSamples &&
    a.fftLength === b.fftLength &&
    a.detrend === b.detrend &&
    a.scaling === b.scaling &&
    a.average === b.average &&
    sameWindow(a.window, b.window)
  );
}

/** The partial of both parts' segments. Neither input is changed. */
export function mergeWelchPartials(a: WelchPartial, b: WelchPartial): WelchPartial {
  if (!sameWelchSettings(a.settings, b.settings)) {
    throw new RangeError('mergeWelchPartials: the partials were computed with different settings');
  }
  const powerSum = Float64Array.from(a.powerSum);
  for (let k = 0; k < powerSum.length; k++) powerSum[k] += b.powerSum[k];
  return {
    settings: a.settings,
    segmentCount: a.segmentCount + b.segmentCount,
    powerSum,
    periodograms: [...a.periodograms, ...b.periodograms],
  };
}

/**
 * Bias of the median of n periodograms relative to their mean, for χ²₂-distributed bins:
 * 1 + Σ_{i=1}^{⌊(n−1)/2⌋} (1/(2i+1) − 1/(2i)). scipy.signal._spectral_py._median_bias; Allen et
 * al., "FINDCHIRP", Phys. Rev. D 85 (2012), appendix B.
 */
export function medianBias(n: number): number {
  let bias = 1;
  for (let i = 1; i <= Math.floor((n - 1) / 2); i++) bias += 1 / (2 * i + 1) - 1 / (2 * i);
  return bias;
}

function medianOfBins(periodograms: readonly Float64Array[], binCount: number): Float64Array {
  const n = periodograms.length;
  const column = new Float64Array(n);
  const out = new Float64Array(binCount);
  for (let k = 0; k < binCount; k++) {
    for (let j = 0; j < n; j++) column[j] = periodograms[j][k];
    column.sort();
    const middle = n >> 1;
    out[k] = n % 2 === 1 ? column[middle] : (column[middle - 1] + column[middle]) / 2;
  }
  return out;
}

/**
 * The spectrum from a partial: mean (or bias-corrected median) of the periodograms times the
 * one-sided scale. Throws RangeError when the partial holds no segment.
 */
export function welchResult(partial: WelchPartial): WelchResult {
  const { settings, segmentCount } = partial;
  if (segmentCount < 1) {
    throw new RangeError(
      `welch: no complete segment yet (needs at least segmentLength = ${settings.segmentLength} samples)`,
    );
  }
  const scale = onesidedScale(settings);
  const values =
    settings.average === 'median'
      ? medianOfBins(partial.periodograms, settings.binCount)
      : Float64Array.from(partial.powerSum);
  const divisor = settings.average === 'median' ? medianBias(segmentCount) : segmentCount;
  for (let k = 0; k < values.length; k++) values[k] = (values[k] * scale[k]) / divisor;
  const window = settingsWindow(settings);
  return {
    frequenciesHz: binFrequencies(settings),
    values,
    settings,
    segmentCount,
    binWidthHz: settings.sampleRateHz / settings.fftLength,
    equivalentNoiseBandwidthHz:
      (settings.sampleRateHz * window.sumOfSquares) / (window.sum * window.sum),
  };
}
