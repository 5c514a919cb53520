/**
 * Features of a recording, computed in one streaming pass (docs/diagnosis.md §1): push blocks of
 * any length, then `finish`. Memory is bounded by the FFT segments and a short excerpt kept to
 * choose the demodulation band, whatever the recording's length.
 */
import { designButterworth } from '../../dsp/butterworth.ts';
import { nextPowerOfTwo } from '../../dsp/fft.ts';
import { createEnvelopeSpectrumAccumulator } from '../../dsp/envelopeSpectrum.ts';
import type { EnvelopeSpectrumAccumulator } from '../../dsp/envelopeSpectrum.ts';
import { createSosFilter } from '../../dsp/sos.ts';
import type { SosFilterStream } from '../../dsp/sos.ts';
import { selectDemodulationBand } from '../../dsp/spectralKurtosis.ts';
import { addSamples, emptyStats, summarizeStats } from '../../dsp/stats.ts';
import type { StatsAccumulator } from '../../dsp/stats.ts';
import type { SampleArray } from '../../dsp/types.ts';
import { WelchAccumulator } from '../../dsp/welch.ts';
import { bandCountBelow, bandLevelsDb, powerToDb } from './bandGrid.ts';
import { ANALYSIS } from './settings.ts';
import type { RecordingFeatures } from './types.ts';

const SLICE_FRAMES = 1 << 16;

export interface FeatureExtractor {
  push(block: SampleArray): void;
  finish(): RecordingFeatures;
}

/** The largest power of two <= n. */
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
) {
  const wanted = nextPowerOfTwo(Math.ceil(sampleRateHz * seconds));
  const fitting = floorPowerOfTwo(Math.max(16, (2 * frameCount) / (minSegments + 1)));
  return Math.max(16, Math.min(wanted, fitting));
}

/**
 * Starts a feature extraction for a recording of `frameCount` samples at `sampleRateHz` (the
 * count sizes the segments and the pieces; pushing fewer or more samples is allowed).
 * Throws RangeError for a recording too short to analyse (< ANALYSIS.minDurationSeconds).
 */
export function createFeatureExtractor(sampleRateHz: number, frameCount: number): FeatureExtractor {
  const durationSeconds = frameCount / sampleRateHz;
  if (!(durationSeconds >= ANALYSIS.minDurationSeconds)) {
    throw new RangeError(
      `recording too short: ${durationSeconds.toFixed(2)} s, at least ${ANALYSIS.minDurationSeconds} s needed`,
    );
  }
  const analysedMaxHz = ANALYSIS.usableBandFraction * sampleRateHz;
  const spectrum = new WelchAccumulator(sampleRateHz, {
    segmentLength: segmentLengthFor(sampleRateHz, ANALYSIS.spectrumSegmentSeconds, frameCount, 4),
    overlap: 0.5,
    window: 'hann',
    detrend: 'constant',
    scaling: 'density',
  });
  let statistics: StatsAccumulator = emptyStats();

  const highPassHz = Math.min(ANALYSIS.impulseHighPassHz, 0.2 * sampleRateHz);
  const highPass: SosFilterStream = createSosFilter(
    designButterworth({ order: 4, type: 'highpass', cutoffHz: highPassHz, sampleRateHz }),
  );
  const pieceCount = Math.max(
    ANALYSIS.minPieces,
    Math.min(ANALYSIS.maxPieces, Math.round(durationSeconds / ANALYSIS.pieceSeconds)),
  );
  const pieceFrames = Math.max(1, Math.floor(frameCount / pieceCount));
  const pieceKurtosis: number[] = [];
  let piece: StatsAccumulator = emptyStats();

  const excerptFrames = Math.min(
    frameCount,
    Math.round(ANALYSIS.bandSelectionSeconds * sampleRateHz),
  );
  let excerpt: Float64Array | null = new Float64Array(excerptFrames);
  let excerptFilled = 0;
  let envelope: EnvelopeSpectrumAccumulator | null = null;
  let band = { lowHz: 0, highHz: 0, spectralKurtosis: 0, significant: false };
  const envelopeSegment = segmentLengthFor(
    sampleRateHz,
    ANALYSIS.envelopeSegmentSeconds,
    frameCount,
    3,
  );

  const startEnvelope = (samples: Float64Array) => {
    const chosen = selectDemodulationBand(samples, sampleRateHz, {
      minFrequencyHz: Math.min(ANALYSIS.demodulationMinHz, 0.05 * sampleRateHz),
      maxFrequencyHz: analysedMaxHz,
      minBandwidthHz: Math.min(ANALYSIS.demodulationMinBandwidthHz, 0.12 * sampleRateHz),
    });
    band = {
      lowHz: chosen.lowHz,
      highHz: chosen.highHz,
      spectralKurtosis: chosen.spectralKurtosis,
      significant: chosen.significant,
    };
    envelope = createEnvelopeSpectrumAccumulator(sampleRateHz, {
      band: [chosen.lowHz, chosen.highHz],
      segmentLength: envelopeSegment,
      maxFrequencyHz: Math.min(ANALYSIS.envelopeMaxHz, sampleRateHz / 2),
    });
    // In slices: one push of the whole excerpt would allocate its filtered copy at once.
    for (let at = 0; at < samples.length; at += SLICE_FRAMES) {
      envelope.push(samples.subarray(at, at + SLICE_FRAMES));
    }
  };

  const pushPieces = (filtered: Float64Array) => {
    let at = 0;
    while (at < filtered.length) {
      const room = pieceFrames - piece.count;
      const take = Math.min(room, filtered.length - at);
      piece = addSamples(piece, filtered.subarray(at, at + take));
      at += take;
      if (piece.count === pieceFrames) {
        pieceKurtosis.push(summarizeStats(piece).kurtosis);
        piece = emptyStats();
      }
    }
  };

  return {
    push(block) {
      spectrum.push(block);
      statistics = addSamples(statistics, block);
      pushPieces(highPass.process(block));
      if (excerpt) {
        const take = Math.min(block.length, excerpt.length - excerptFilled);
        excerpt.set(block.subarray(0, take), excerptFilled);
        excerptFilled += take;
        if (excerptFilled === excerpt.length) {
          const full = excerpt;
          excerpt = null;
          startEnvelope(full);
          if (take < block.length) envelope!.push(block.subarray(take));
        }
      } else {
        envelope!.push(block);
      }
    },
    finish() {
      if (excerpt) startEnvelope(excerpt.subarray(0, excerptFilled));
      const psd = spectrum.result();
      const envelopeSpectrum = envelope!.finish();
      const stats = summarizeStats(statistics);
      if (piece.count > pieceFrames / 2) pieceKurtosis.push(summarizeStats(piece).kurtosis);
      const spectrumBins = Math.floor(analysedMaxHz / psd.binWidthHz) + 1;
      const levelsDb = Array.from(psd.values.subarray(0, spectrumBins), powerToDb);
      return {
        formatVersion: 1,
        sampleRateHz,
        durationSeconds: stats.count / sampleRateHz,
        analysedMaxHz,
        spectrum: { binWidthHz: psd.binWidthHz, levelsDb },
        bandLevelsDb: bandLevelsDb(psd.values, psd.binWidthHz, bandCountBelow(analysedMaxHz)),
        envelope: {
          ...band,
          binWidthHz: envelopeSpectrum.binWidthHz,
          levelsDb: Array.from(envelopeSpectrum.values, (a) => powerToDb(a * a)),
        },
        statistics: {
          rms: stats.rms,
          peak: stats.peak,
          crestFactor: stats.crestFactor,
          kurtosis: stats.kurtosis,
        },
        impulsiveness: {
          highPassHz,
          pieceKurtosis: pieceKurtosis.map((k) => (Number.isFinite(k) ? k : 3)),
        },
      };
    },
  };
}

/** Features of a recording held in memory (tests, short clips). */
export function extractFeatures(samples: SampleArray, sampleRateHz: number): RecordingFeatures {
  const extractor = createFeatureExtractor(sampleRateHz, samples.length);
  const blockFrames = 1 << 16;
  for (let at = 0; at < samples.length; at += blockFrames) {
    extractor.push(samples.subarray(at, at + blockFrames));
  }
  return extractor.finish();
}
