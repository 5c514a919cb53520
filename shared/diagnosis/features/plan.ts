/**
 * The plan of a feature extraction: every setting fixed before the first sample is analysed, so
 * that ranges of one recording analysed apart (in worker threads) give partials that merge into
 * exactly what one pass would give. The demodulation band is chosen here, from an excerpt.
 */
import { designButterworth } from '../../dsp/butterworth.ts';
import type { Sos } from '../../dsp/butterworth.ts';
import { nextPowerOfTwo } from '../../dsp/fft.ts';
import { selectDemodulationBand } from '../../dsp/spectralKurtosis.ts';
import type { DemodulationBand } from '../../dsp/spectralKurtosis.ts';
import type { SampleArray } from '../../dsp/types.ts';
import { resolveWelchSettings } from '../../dsp/welchSegments.ts';
import type { WelchSettings } from '../../dsp/welchSegments.ts';
import { carriedBandTopHz } from './carriedBand.ts';
import { ANALYSIS } from './settings.ts';

export interface FeaturePlan {
  readonly sampleRateHz: number;
  readonly frameCount: number;
  readonly analysedMaxHz: number;
  readonly spectrum: WelchSettings;
  readonly envelope: {
    readonly lowHz: number;
    readonly highHz: number;
    readonly spectralKurtosis: number;
    readonly significant: boolean;
    readonly bandPass: Sos;
    readonly welch: WelchSettings;
    readonly frameLength: number;
    readonly guardLength: number;
    readonly maxFrequencyHz: number;
  };
  readonly impulsiveness: { readonly highPassHz: number; readonly highPass: Sos };
  readonly pieceFrames: number;
  /** Frames a range reads before its start so that its filters have settled. */
  readonly preRollFrames: number;
  /** Range boundaries must be multiples of this (every Welch hop divides it). */
  readonly alignFrames: number;
}

function floorPowerOfTwo(n: number): number {
  let p = 1;
  while (p * 2 <= n) p *= 2;
  return p;
}

/** Segment of `seconds` rounded up to a power of two, shrunk so that `minSegments` fit. */
function segmentLengthFor(
  sampleRateHz: number,
  seconds: number,
  frameCount: number,
  minSegments: number,
): number {
  const wanted = nextPowerOfTwo(Math.ceil(sampleRateHz * seconds));
  const fitting = floorPowerOfTwo(Math.max(16, (2 * frameCount) / (minSegments + 1)));
  return Math.max(16, Math.min(wanted, fitting));
}

/** Frames of the excerpt `planFeatures` needs from the start of the recording. */
export function excerptFrames(sampleRateHz: number, frameCount: number): number {
  return Math.min(frameCount, Math.round(ANALYSIS.bandSelectionSeconds * sampleRateHz));
}

/** Throws RangeError for a recording too short to give a stable spectrum. */
export function assertAnalysable(sampleRateHz: number, frameCount: number): void {
  const durationSeconds = frameCount / sampleRateHz;
  if (!(durationSeconds >= ANALYSIS.minDurationSeconds)) {
    throw new RangeError(
      `recording too short: ${durationSeconds.toFixed(2)} s, at least ${ANALYSIS.minDurationSeconds} s needed`,
    );
  }
}

/**
 * The demodulation band by spectral kurtosis, below a codec's empty top band when there is one
 * (carriedBand.ts: its spill would read as impacts). A "cut" that leaves no room for a band (a
 * pure tone's leakage ending) is no codec's: then the whole analysed band is searched.
 */
function chooseDemodulationBand(
  excerpt: SampleArray,
  sampleRateHz: number,
  analysedMaxHz: number,
): DemodulationBand {
  const minFrequencyHz = Math.min(ANALYSIS.demodulationMinHz, 0.05 * sampleRateHz);
  const minBandwidthHz = Math.min(ANALYSIS.demodulationMinBandwidthHz, 0.12 * sampleRateHz);
  const select = (maxFrequencyHz: number) =>
    selectDemodulationBand(excerpt, sampleRateHz, {
      minFrequencyHz,
      maxFrequencyHz,
      minBandwidthHz,
    });
  const carriedTopHz = carriedBandTopHz(excerpt, sampleRateHz, minFrequencyHz, analysedMaxHz);
  if (carriedTopHz < analysedMaxHz) {
    try {
      return select(carriedTopHz);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return select(analysedMaxHz);
}

/**
 * Plans the extraction for a recording of `frameCount` samples at `sampleRateHz`, choosing the
 * demodulation band by spectral kurtosis on `excerpt` (its first `excerptFrames` samples).
 * Throws RangeError for a recording too short to analyse.
 */
export function planFeatures(
  sampleRateHz: number,
  frameCount: number,
  excerpt: SampleArray,
): FeaturePlan {
  assertAnalysable(sampleRateHz, frameCount);
  const durationSeconds = frameCount / sampleRateHz;
  const analysedMaxHz = ANALYSIS.usableBandFraction * sampleRateHz;
  const welch = (segmentLength: number, scaling: 'density' | 'spectrum') =>
    resolveWelchSettings('planFeatures', sampleRateHz, {
      segmentLength,
      overlap: 0.5,
      window: 'hann',
      detrend: 'constant',
      scaling,
    });
  const spectrum = welch(
    segmentLengthFor(sampleRateHz, ANALYSIS.spectrumSegmentSeconds, frameCount, 4),
    'density',
  );
  const band = chooseDemodulationBand(excerpt, sampleRateHz, analysedMaxHz);
  const envelopeWelch = welch(
    segmentLengthFor(sampleRateHz, ANALYSIS.envelopeSegmentSeconds, frameCount, 3),
    'spectrum',
  );
  const highPassHz = Math.min(ANALYSIS.impulseHighPassHz, 0.2 * sampleRateHz);
  const pieceCount = Math.max(
    ANALYSIS.minPieces,
    Math.min(ANALYSIS.maxPieces, Math.round(durationSeconds / ANALYSIS.pieceSeconds)),
  );
  const frameLength = ANALYSIS.envelopeFrameLength;
  const guardLength = frameLength / 8;
  return {
    sampleRateHz,
    frameCount,
    analysedMaxHz,
    spectrum,
    envelope: {
      lowHz: band.lowHz,
      highHz: band.highHz,
      spectralKurtosis: band.spectralKurtosis,
      significant: band.significant,
      bandPass: designButterworth({
        order: 4,
        type: 'bandpass',
        cutoffHz: [band.lowHz, band.highHz],
        sampleRateHz,
      }),
      welch: envelopeWelch,
      frameLength,
      guardLength,
      maxFrequencyHz: Math.min(ANALYSIS.envelopeMaxHz, sampleRateHz / 2),
    },
    impulsiveness: {
      highPassHz,
      highPass: designButterworth({
        order: 4,
        type: 'highpass',
        cutoffHz: highPassHz,
        sampleRateHz,
      }),
    },
    pieceFrames: Math.max(1, Math.floor(frameCount / pieceCount)),
    preRollFrames: guardLength + Math.ceil(ANALYSIS.filterSettleSeconds * sampleRateHz),
    alignFrames: Math.max(spectrum.hopSamples, envelopeWelch.hopSamples),
  };
}
