/**
 * Features of a recording (docs/diagnosis.md §1): plan (settings and demodulation band from the
 * first seconds), accumulate over ranges, finish. In one thread, `createFeatureExtractor`
 * streams a recording through a single range; node/ splits long files over worker threads with
 * the same pieces (plan.ts, rangeAccumulator.ts).
 */
import { summarizeStats } from '../../dsp/stats.ts';
import type { SampleArray } from '../../dsp/types.ts';
import { toAmplitudeSpectrum } from '../../dsp/welch.ts';
import { welchResult } from '../../dsp/welchSegments.ts';
import { bandCountBelow, bandLevelsDb, powerToDb } from './bandGrid.ts';
import { temporalFeatures } from './frameEnergy.ts';
import { modulationSpectrum } from './modulation.ts';
import { assertAnalysable, excerptFrames, planFeatures } from './plan.ts';
import type { FeaturePlan } from './plan.ts';
import { createRangeFeatureAccumulator } from './rangeAccumulator.ts';
import type { FeaturePartial, RangeFeatureAccumulator } from './rangeAccumulator.ts';
import type { RecordingFeatures } from './types.ts';

export interface FeatureExtractor {
  push(block: SampleArray): void;
  finish(): RecordingFeatures;
}

/** Pushes `samples` in slices, so that no filter allocates a copy of a whole recording. */
function pushInSlices(target: { push(block: SampleArray): void }, samples: SampleArray): void {
  const sliceFrames = 1 << 16;
  for (let at = 0; at < samples.length; at += sliceFrames) {
    target.push(samples.subarray(at, at + sliceFrames));
  }
}

/** The features of a recording from the merged partial of all its ranges. */
export function finishFeatures(plan: FeaturePlan, partial: FeaturePartial): RecordingFeatures {
  const psd = welchResult(partial.spectrum);
  const envelope = toAmplitudeSpectrum(welchResult(partial.envelope));
  const stats = summarizeStats(partial.statistics);
  const spectrumBins = Math.floor(plan.analysedMaxHz / psd.binWidthHz) + 1;
  const envelopeBins = Math.floor(plan.envelope.maxFrequencyHz / envelope.frequenciesHz[1]) + 1;
  // A last piece shorter than half the others says little about impulsiveness.
  const pieceKurtosis = partial.pieces
    .filter(([, s]) => s.count > plan.pieceFrames / 2)
    .map(([, s]) => summarizeStats(s).kurtosis)
    .map((k) => (Number.isFinite(k) ? k : 3));
  const modulation = modulationSpectrum(partial.modulation, plan.sampleRateHz);
  const temporal = temporalFeatures(partial.modulation, partial.shortEnergy, plan.sampleRateHz);
  return {
    formatVersion: 1,
    sampleRateHz: plan.sampleRateHz,
    durationSeconds: stats.count / plan.sampleRateHz,
    analysedMaxHz: plan.analysedMaxHz,
    spectrum: {
      binWidthHz: psd.binWidthHz,
      levelsDb: Array.from(psd.values.subarray(0, spectrumBins), powerToDb),
    },
    bandLevelsDb: bandLevelsDb(psd.values, psd.binWidthHz, bandCountBelow(plan.analysedMaxHz)),
    envelope: {
      lowHz: plan.envelope.lowHz,
      highHz: plan.envelope.highHz,
      spectralKurtosis: plan.envelope.spectralKurtosis,
      significant: plan.envelope.significant,
      binWidthHz: envelope.frequenciesHz[1],
      levelsDb: Array.from(envelope.values.subarray(0, envelopeBins), (a) => powerToDb(a * a)),
    },
    statistics: {
      rms: stats.rms,
      peak: stats.peak,
      crestFactor: stats.crestFactor,
      kurtosis: stats.kurtosis,
    },
    impulsiveness: { highPassHz: plan.impulsiveness.highPassHz, pieceKurtosis },
    ...(modulation ? { modulation } : {}),
    ...(temporal ? { temporal } : {}),
  };
}

/**
 * Streams a recording of `frameCount` samples through one range: the first seconds are held
 * until the demodulation band is chosen, then everything flows through. Memory is bounded by
 * that excerpt and the FFT segments. Throws RangeError for a recording too short to analyse.
 */
export function createFeatureExtractor(sampleRateHz: number, frameCount: number): FeatureExtractor {
  assertAnalysable(sampleRateHz, frameCount);
  const excerpt = new Float64Array(excerptFrames(sampleRateHz, frameCount));
  let filled = 0;
  let plan: FeaturePlan | null = null;
  let range: RangeFeatureAccumulator | null = null;
  const start = (held: Float64Array) => {
    plan = planFeatures(sampleRateHz, frameCount, held);
    range = createRangeFeatureAccumulator(plan, { startFrame: 0, endFrame: frameCount });
    pushInSlices(range, held);
  };
  return {
    push(block) {
      if (range) {
        range.push(block);
        return;
      }
      const take = Math.min(block.length, excerpt.length - filled);
      excerpt.set(block.subarray(0, take), filled);
      filled += take;
      if (filled === excerpt.length) {
        start(excerpt);
        if (take < block.length) range!.push(block.subarray(take));
      }
    },
    finish() {
      if (!range) start(excerpt.subarray(0, filled));
      return finishFeatures(plan!, range!.partial());
    },
  };
}

/** Features of a recording held in memory (tests, short clips, pieces of a baseline). */
export function extractFeatures(samples: SampleArray, sampleRateHz: number): RecordingFeatures {
  const extractor = createFeatureExtractor(sampleRateHz, samples.length);
  pushInSlices(extractor, samples);
  return extractor.finish();
}
