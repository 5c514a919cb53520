/**
 * Features of one frame range of a recording, as a mergeable partial (plain data: it crosses
 * worker boundaries). Which samples a range [start, end) of N frames reads:
 * - from readStart = max(0, start − preRoll), so the causal filters and the envelope's Hilbert
 *   frames have settled by `start`;
 * - Welch segments that start in [start, end) (range boundaries are multiples of every hop), so
 *   the last needs segmentLength − hop frames past `end`; the envelope, likewise, plus a guard;
 * - statistics and per-piece impulsiveness over [start, end) only.
 * Together the ranges' partials equal one pass over the recording, up to the envelope's overlap
 * tolerance.
 */
import { createRangeEnvelope } from '../../dsp/rangeEnvelope.ts';
import type { RangeEnvelope } from '../../dsp/rangeEnvelope.ts';
import { createSosFilter } from '../../dsp/sos.ts';
import type { SosFilterStream } from '../../dsp/sos.ts';
import { pairedBlockStats } from '../../dsp/pairedStats.ts';
import { emptyStats, mergeStats } from '../../dsp/stats.ts';
import type { StatsAccumulator } from '../../dsp/stats.ts';
import type { SampleArray } from '../../dsp/types.ts';
import { WelchAccumulator } from '../../dsp/welch.ts';
import { mergeWelchPartials } from '../../dsp/welchSegments.ts';
import type { WelchPartial } from '../../dsp/welchSegments.ts';
import {
  addEnergy,
  energyFramesOf,
  mergeEnergyFrames,
  modulationFrameLength,
} from './modulation.ts';
import type { EnergyFrames } from './modulation.ts';
import { createShortEnergy, shortFrameLength } from './frameEnergy.ts';
import type { FeaturePlan } from './plan.ts';

export interface FrameSpan {
  readonly startFrame: number;
  readonly endFrame: number;
}

export interface FeaturePartial {
  readonly spectrum: WelchPartial;
  readonly envelope: WelchPartial;
  readonly statistics: StatsAccumulator;
  /** [piece index, high-passed statistics] for every piece the range touched. */
  readonly pieces: readonly (readonly [number, StatsAccumulator])[];
  /** High-passed energy per ~10 ms frame, for the modulation spectrum (modulation.ts). */
  readonly modulation: EnergyFrames;
  /** The same per ~2.5 ms frame, for the short frames' quantiles (frameEnergy.ts). */
  readonly shortEnergy: EnergyFrames;
}

export interface RangeFeatureAccumulator {
  /** Frames to push, in order, in blocks of any length: [readStart, readEnd). */
  readonly readStart: number;
  readonly readEnd: number;
  push(block: SampleArray): void;
  partial(): FeaturePartial;
}

/** Clamps i − offset into [0, length]: where absolute index i falls in a block. */
function within(i: number, offset: number, length: number): number {
  return Math.min(length, Math.max(0, i - offset));
}

export function createRangeFeatureAccumulator(
  plan: FeaturePlan,
  range: FrameSpan,
): RangeFeatureAccumulator {
  const { frameCount, spectrum: spectrumSettings, envelope: env } = plan;
  const spectrumEnd = Math.min(
    frameCount,
    range.endFrame + spectrumSettings.segmentLength - spectrumSettings.hopSamples,
  );
  const envelopeEnd = Math.min(
    frameCount,
    range.endFrame + env.welch.segmentLength - env.welch.hopSamples,
  );
  const readStart = Math.max(0, range.startFrame - plan.preRollFrames);
  const readEnd = Math.min(frameCount, Math.max(spectrumEnd, envelopeEnd + env.guardLength));

  const spectrum = new WelchAccumulator(plan.sampleRateHz, spectrumSettings);
  const envelopeWelch = new WelchAccumulator(plan.sampleRateHz, env.welch);
  const bandPass: SosFilterStream = createSosFilter(env.bandPass);
  const highPass: SosFilterStream = createSosFilter(plan.impulsiveness.highPass);
  let envelopePosition = range.startFrame;
  const envelope: RangeEnvelope = createRangeEnvelope(
    {
      frameLength: env.frameLength,
      guardLength: env.guardLength,
      signalStart: readStart,
      signalEnd: readEnd,
      outputStart: range.startFrame,
      outputEnd: readEnd,
    },
    (samples) => {
      const stop = within(envelopeEnd, envelopePosition, samples.length);
      if (stop > 0) envelopeWelch.push(samples.subarray(0, stop));
      envelopePosition += samples.length;
    },
  );
  // Filter outputs are written into reused buffers: no garbage per block on long recordings.
  let scratch = { highPassed: new Float64Array(0), bandPassed: new Float64Array(0) };
  let statistics = emptyStats();
  const pieces = new Map<number, StatsAccumulator>();
  const energy = new Map<number, number>();
  const energyFrameLength = modulationFrameLength(plan.sampleRateHz);
  const shortEnergy = createShortEnergy(
    range.startFrame,
    range.endFrame,
    shortFrameLength(plan.sampleRateHz),
  );
  let position = readStart;

  /**
   * Statistics of block[from, to) and of its high-passed copy per piece, in one paired pass
   * (pairedStats.ts): the same sums, in the same order, as one `addSamples` per span.
   */
  const addStatistics = (
    block: SampleArray,
    highPassed: Float64Array,
    from: number,
    to: number,
  ) => {
    const cuts = [0];
    const indices: number[] = [];
    for (let at = from; at < to;) {
      const frame = position + at;
      const index = Math.floor(frame / plan.pieceFrames);
      at += Math.min(to - at, (index + 1) * plan.pieceFrames - frame);
      cuts.push(at - from);
      indices.push(index);
    }
    const paired = pairedBlockStats(block.subarray(from, to), highPassed.subarray(from, to), cuts);
    statistics = mergeStats(statistics, paired.whole);
    paired.parts.forEach((part, i) => {
      pieces.set(indices[i], mergeStats(pieces.get(indices[i]) ?? emptyStats(), part));
    });
  };

  return {
    readStart,
    readEnd,
    push(block) {
      const first = within(range.startFrame, position, block.length);
      const statsStop = within(range.endFrame, position, block.length);
      const spectrumStop = within(spectrumEnd, position, block.length);
      if (spectrumStop > first) spectrum.push(block.subarray(first, spectrumStop));
      if (scratch.highPassed.length < block.length) {
        scratch = {
          highPassed: new Float64Array(block.length),
          bandPassed: new Float64Array(block.length),
        };
      }
      const highPassed = highPass.process(block, scratch.highPassed);
      if (statsStop > first) {
        addStatistics(block, highPassed, first, statsStop);
        const kept = highPassed.subarray(first, statsStop);
        addEnergy(energy, kept, position + first, energyFrameLength);
        shortEnergy.add(kept, position + first);
      }
      envelope.push(bandPass.process(block, scratch.bandPassed));
      position += block.length;
    },
    partial() {
      envelope.finish();
      return {
        spectrum: spectrum.partial(),
        envelope: envelopeWelch.partial(),
        statistics,
        pieces: [...pieces.entries()].sort((a, b) => a[0] - b[0]),
        modulation: energyFramesOf(energy),
        shortEnergy: shortEnergy.frames(),
      };
    },
  };
}

/** Merges the partials of disjoint ranges of one recording (any order). */
export function mergeFeaturePartials(a: FeaturePartial, b: FeaturePartial): FeaturePartial {
  const pieces = new Map<number, StatsAccumulator>(a.pieces.map(([i, s]) => [i, s]));
  for (const [i, s] of b.pieces) pieces.set(i, pieces.has(i) ? mergeStats(pieces.get(i)!, s) : s);
  return {
    spectrum: mergeWelchPartials(a.spectrum, b.spectrum),
    envelope: mergeWelchPartials(a.envelope, b.envelope),
    statistics: mergeStats(a.statistics, b.statistics),
    pieces: [...pieces.entries()].sort((x, y) => x[0] - y[0]),
    modulation: mergeEnergyFrames(a.modulation, b.modulation),
    shortEnergy: mergeEnergyFrames(a.shortEnergy, b.shortEnergy),
  };
}
