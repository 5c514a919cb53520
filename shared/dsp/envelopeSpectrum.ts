/**
 * The envelope spectrum, the bearing and lead-screw analyst's tool: band-pass around a structural
 * resonance (optional), take the Hilbert envelope, remove its mean, and read the amplitude
 * spectrum of what is left. Periodic impacts show at their repetition rate and its harmonics.
 *
 * Everything runs block by block (causal Butterworth, overlap-save envelope, Welch averaging), so
 * a long recording needs O(segmentLength) memory.
 */
import { designButterworth } from './butterworth.ts';
import { nextPowerOfTwo } from './fft.ts';
import { createEnvelopeStream } from './envelope.ts';
import type { EnvelopeStreamOptions } from './envelope.ts';
import { createSosFilter } from './sos.ts';
import type { SosFilterStream } from './sos.ts';
import type { FrequencySeries, SampleArray } from './types.ts';
import { WelchAccumulator, toAmplitudeSpectrum } from './welch.ts';
import type { WindowName } from './windows.ts';

export interface EnvelopeSpectrumOptions {
  /**
   * Demodulation band [lowHz, highHz]: a causal Butterworth band-pass of `filterOrder` runs
   * before the envelope. Omitted: the envelope of the raw signal.
   */
  readonly band?: readonly [number, number];
  /** Butterworth order of the band-pass (scipy's N; 2N poles). Default 4. */
  readonly filterOrder?: number;
  /**
   * Welch segment length in samples. Default: the power of two at or above one second of signal
   * (65536 at 48 kHz: 0.73 Hz bins), or the whole signal when shorter (one-shot function only).
   */
  readonly segmentLength?: number;
  /** Welch overlap fraction, default 0.5. */
  readonly overlap?: number;
  /** Window (scipy name), default 'hann'; 'flattop' reads off-bin amplitudes to < 0.1 %. */
  readonly window?: WindowName;
  /** Drops bins above this frequency from the result (envelope spectra rarely need more). */
  readonly maxFrequencyHz?: number;
  /** Frame and guard of the block-wise envelope. */
  readonly envelope?: EnvelopeStreamOptions;
}

/**
 * Amplitude spectrum of the envelope, in input units, peak scaling: a sinusoidal envelope
 * component of amplitude a reads a (times the window's scalloping loss off-bin). An AM tone
 * A·(1 + m·cos 2πf_m t)·cos 2πf_c t therefore reads m·A at f_m (and nothing at DC: the mean is
 * removed per segment, Welch's detrend 'constant').
 */
export interface EnvelopeSpectrum extends FrequencySeries {
  readonly segmentCount: number;
  readonly segmentLength: number;
  readonly binWidthHz: number;
}

/** Pushes blocks through band-pass → envelope → Welch; `finish` once at the end. */
export interface EnvelopeSpectrumAccumulator {
  push(block: SampleArray): void;
  /** Flushes the envelope and returns the spectrum. Throws RangeError below one segment. */
  finish(): EnvelopeSpectrum;
}

function checkOptions(sampleRateHz: number, options: EnvelopeSpectrumOptions): number {
  if (!(Number.isFinite(sampleRateHz) && sampleRateHz > 0)) {
    throw new RangeError(
      `envelopeSpectrum: sampleRateHz must be a positive number, got ${sampleRateHz}`,
    );
  }
  const max = options.maxFrequencyHz ?? sampleRateHz / 2;
  if (!(max > 0)) {
    throw new RangeError(`envelopeSpectrum: maxFrequencyHz must be positive, got ${max}`);
  }
  return max;
}

function makeFilter(
  sampleRateHz: number,
  options: EnvelopeSpectrumOptions,
): SosFilterStream | null {
  if (!options.band) return null;
  const sos = designButterworth({
    order: options.filterOrder ?? 4,
    type: 'bandpass',
    cutoffHz: options.band,
    sampleRateHz,
  });
  return createSosFilter(sos);
}

/**
 * Creates a streaming envelope-spectrum accumulator. `segmentLength` defaults to the power of two
 * at or above `sampleRateHz` samples. Throws RangeError for bad rates, bands or lengths.
 */
export function createEnvelopeSpectrumAccumulator(
  sampleRateHz: number,
  options: EnvelopeSpectrumOptions = {},
): EnvelopeSpectrumAccumulator {
  const maxFrequencyHz = checkOptions(sampleRateHz, options);
  const filter = makeFilter(sampleRateHz, options);
  const envelopeStream = createEnvelopeStream(options.envelope);
  const welch = new WelchAccumulator(sampleRateHz, {
    segmentLength: options.segmentLength ?? nextPowerOfTwo(Math.ceil(sampleRateHz)),
    overlap: options.overlap ?? 0.5,
    window: options.window ?? 'hann',
    detrend: 'constant',
    scaling: 'spectrum',
  });
  let finished = false;
  return {
    push(block) {
      if (finished) throw new RangeError('envelopeSpectrum: push after finish');
      welch.push(envelopeStream.push(filter ? filter.process(block) : block));
    },
    finish() {
      if (!finished) welch.push(envelopeStream.flush());
      finished = true;
      if (welch.segmentCount === 0) {
        throw new RangeError(
          `envelopeSpectrum: samples must hold at least segmentLength = ${welch.settings.segmentLength} values`,
        );
      }
      const result = welch.result();
      const amplitude = toAmplitudeSpectrum(result);
      let bins = amplitude.frequenciesHz.length;
      while (bins > 1 && amplitude.frequenciesHz[bins - 1] > maxFrequencyHz) bins--;
      return {
        frequenciesHz: amplitude.frequenciesHz.slice(0, bins),
        values: amplitude.values.slice(0, bins),
        segmentCount: result.segmentCount,
        segmentLength: welch.settings.segmentLength,
        binWidthHz: result.binWidthHz,
      };
    },
  };
}

/**
 * Envelope spectrum of a whole signal (see `EnvelopeSpectrum` for the scaling). The signal goes
 * through the same block-wise path as the accumulator; when it is shorter than the default
 * segment, one segment spans all of it.
 */
export function envelopeSpectrum(
  samples: SampleArray,
  sampleRateHz: number,
  options: EnvelopeSpectrumOptions = {},
): EnvelopeSpectrum {
  if (samples.length < 2)
    throw new RangeError('envelopeSpectrum: samples must hold at least 2 values');
  checkOptions(sampleRateHz, options);
  const segmentLength =
    options.segmentLength ?? Math.min(samples.length, nextPowerOfTwo(Math.ceil(sampleRateHz)));
  const accumulator = createEnvelopeSpectrumAccumulator(sampleRateHz, {
    ...options,
    segmentLength,
  });
  accumulator.push(samples);
  return accumulator.finish();
}
