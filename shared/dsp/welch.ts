/**
 * Welch averaged spectra (scipy.signal.welch): a streaming accumulator, the one-shot function
 * built on it, and the amplitude spectrum in which a sine of amplitude A reads A.
 */
import { SegmentFramer } from './segmentFramer.ts';
import { SegmentPeriodogram } from './segmentPeriodogram.ts';
import { checkSamples } from './spectralSettings.ts';
import type { FrequencySeries, SampleArray } from './types.ts';
import type { WelchOptions, WelchPartial, WelchResult, WelchSettings } from './welchSegments.ts';
import {
  addSegment,
  mergeWelchPartials,
  resolveWelchSettings,
  welchResult,
} from './welchSegments.ts';

export type { WelchOptions, WelchPartial, WelchResult, WelchSettings } from './welchSegments.ts';
export {
  medianBias,
  mergeWelchPartials,
  welchResult,
  welchSegmentCount,
  welchSegmentRange,
} from './welchSegments.ts';

/**
 * Welch's method over a stream: push consecutive blocks of any length; only the unconsumed tail
 * (< segmentLength samples) is kept between pushes. Feeding a signal in blocks gives bit for bit
 * the result of feeding it whole. Partials from other accumulators or workers can be merged in.
 */
export class WelchAccumulator {
  readonly settings: WelchSettings;
  private readonly framer: SegmentFramer;
  private readonly kernel: SegmentPeriodogram;
  private powerSum: Float64Array;
  private periodograms: Float64Array[] = [];
  private mergedSegments = 0;
  private readonly onSegment: (source: SampleArray, start: number) => void;

  /** Options as `welch`; throws RangeError naming a bad one. */
  constructor(sampleRateHz: number, options: WelchOptions) {
    this.settings = resolveWelchSettings('WelchAccumulator', sampleRateHz, options);
    this.framer = new SegmentFramer(this.settings.segmentLength, this.settings.hopSamples);
    this.kernel = new SegmentPeriodogram(this.settings);
    this.powerSum = new Float64Array(this.settings.binCount);
    // Bound once: the framer calls it for every segment.
    this.onSegment = (source, start) =>
      addSegment(this.kernel, this.settings, source, start, this.powerSum, this.periodograms);
  }

  /** Segments summed so far, merged ones included. */
  get segmentCount(): number {
    return this.framer.segmentCount + this.mergedSegments;
  }

  /** Samples waiting for the next segment (always < segmentLength). */
  get bufferedSampleCount(): number {
    return this.framer.bufferedSampleCount;
  }

  /** The FFT backend this accumulator uses ('fft.js', 'pffft-wasm-simd' or 'rfft'). */
  get fftBackend(): string {
    return this.kernel.backend;
  }

  /** Feeds the next block of the stream (not changed, not kept beyond its unconsumed tail). */
  push(block: SampleArray): void {
    checkSamples('WelchAccumulator.push', block);
    this.framer.push(block, this.onSegment);
  }

  /** A snapshot of the sums so far (copied: later pushes do not change it). */
  partial(): WelchPartial {
    return {
      settings: this.settings,
      segmentCount: this.segmentCount,
      powerSum: Float64Array.from(this.powerSum),
      periodograms: [...this.periodograms],
    };
  }

  /** Adds another part's segments (from `partial()` or `welchSegmentRange`) to this one. */
  merge(partial: WelchPartial): void {
    const merged = mergeWelchPartials(this.partial(), partial);
    this.powerSum = Float64Array.from(merged.powerSum);
    this.periodograms = [...merged.periodograms];
    this.mergedSegments += partial.segmentCount;
  }

  /** The spectrum of every segment so far. Throws RangeError before the first whole segment. */
  result(): WelchResult {
    return welchResult(this.partial());
  }

  /** Forgets everything pushed or merged. */
  reset(): void {
    this.framer.reset();
    this.powerSum.fill(0);
    this.periodograms = [];
    this.mergedSegments = 0;
  }
}

/**
 * Welch power spectral density or power spectrum (scipy.signal.welch), one-sided.
 *
 * `samples`: Float32Array or Float64Array (not changed); `sampleRateHz` > 0. Options and defaults
 * (scipy names): segmentLength [nperseg] required; overlap fraction or overlapSamples [noverlap],
 * default segmentLength/2 rounded down; fftLength [nfft] = segmentLength; window 'hann'
 * (periodic); detrend 'constant'; scaling 'density' (units²/Hz) or 'spectrum' (units²);
 * average 'mean' or 'median'. Segments that do not fit whole at the end are dropped.
 * Throws RangeError when fewer than segmentLength samples are given (scipy would shrink nperseg).
 */
export function welch(
  samples: SampleArray,
  sampleRateHz: number,
  options: WelchOptions,
): WelchResult {
  checkSamples('welch', samples);
  const accumulator = new WelchAccumulator(sampleRateHz, options);
  if (samples.length < accumulator.settings.segmentLength) {
    throw new RangeError(
      `welch: samples must hold at least options.segmentLength = ${accumulator.settings.segmentLength} values, got ${samples.length}`,
    );
  }
  accumulator.push(samples);
  return accumulator.result();
}

/**
 * Peak amplitude per bin from a 'spectrum'-scaled Welch result: √(2P) except √P at DC and
 * Nyquist (which are not doubled). A bin-centred sine of amplitude A reads A, times the
 * window's scalloping loss when off-centre (Hann up to −1.42 dB, flat-top < 0.01 dB).
 */
export function toAmplitudeSpectrum(result: WelchResult): FrequencySeries {
  if (result.settings.scaling !== 'spectrum') {
    throw new RangeError("toAmplitudeSpectrum: result must have scaling 'spectrum'");
  }
  const { values } = result;
  const amplitudes = new Float64Array(values.length);
  const lastDoubled = result.settings.fftLength % 2 === 0 ? values.length - 2 : values.length - 1;
  for (let k = 0; k < values.length; k++) {
    amplitudes[k] = Math.sqrt(k >= 1 && k <= lastDoubled ? 2 * values[k] : values[k]);
  }
  return { frequenciesHz: result.frequenciesHz, values: amplitudes };
}

/**
 * Welch amplitude spectrum in signal units (peak, not RMS): `welch` with scaling 'spectrum',
 * then `toAmplitudeSpectrum`. Use window 'flattop' to read sine amplitudes to within 0.1 %.
 */
export function amplitudeSpectrum(
  samples: SampleArray,
  sampleRateHz: number,
  options: Omit<WelchOptions, 'scaling'>,
): FrequencySeries {
  return toAmplitudeSpectrum(welch(samples, sampleRateHz, { ...options, scaling: 'spectrum' }));
}
