/**
 * Short-time energy against the baseline (issue 9, features/frameEnergy.ts). A quantile's height
 * is judged by its ratio to the third quartile's (both dB over the median: the "shape" of the
 * upper tail), so that a machine whose level merely wanders more (a real fan, a valve) keeps its
 * shape, while knocks that appear or vanish change it. Two families with a threshold each: ~10 ms
 * frames for beats (skipped ones lower the tail) and ~2.5 ms frames for short knocks (a rattle
 * lifts it). Each score is the largest z over its quantiles the way its family is judged (beats
 * falling, knocks rising), against the healthy spread.
 */
import { FRAME_QUANTILE_PROBABILITIES, SHORT_FRAME_RATE_HZ } from '../features/frameEnergy.ts';
import { FRAME_RATE_HZ } from '../features/modulation.ts';
import { median, robustSpread } from '../features/levels.ts';
import type { RecordingFeatures } from '../features/types.ts';

export const TEMPORAL = {
  /** Quantiles judged per family (indices into FRAME_QUANTILE_PROBABILITIES). */
  beatQuantiles: [1, 2, 3, 4],
  /** Short frames reach further up: a rattle's knocks fill a smaller share of them. */
  knockQuantiles: [1, 2, 3, 4, 5, 6],
  /** A quartile this close to the median is no scale for the tail (a steady tone, silence). */
  minQuartileDb: 0.01,
  /** Smallest spread of a shape: a dB of the ratio, the scatter of a 4 s recording's quantile. */
  spreadFloorDb: 1,
  /**
   * A quantile is judged only with this many frames above it in the recording: above the top
   * few frames it is the loudest knock of normal work, not a share of them (the demo lathe's
   * healthy review-1.wav, 4 s: its top 1 % of 10 ms frames, 4 frames, stood 4.4 spreads over
   * its four healthy recordings').
   */
  minTailFrames: 8,
} as const;

/** 'beats': the ~10 ms frames; 'knocks': the ~2.5 ms ones. */
export type TemporalFamily = 'beats' | 'knocks';

/** Healthy statistics of one frame length, aligned with FRAME_QUANTILE_PROBABILITIES. */
export interface TemporalStatistics {
  /** Median quantile over the frames' median, dB (what the report quotes). */
  readonly levelsDb: readonly number[];
  /** Median and robust spread of 10·log10(quantile dB ÷ third-quartile dB). */
  readonly shapeDb: readonly number[];
  readonly shapeSpreadDb: readonly number[];
}

export type TemporalModel = Readonly<Record<TemporalFamily, TemporalStatistics>>;

/** The quantile whose shape moved most from healthy, in units of the healthy spread. */
export interface TemporalExcess {
  readonly family: TemporalFamily;
  /** Its probability, e.g. 0.98: the loudest 2 % of frames start here. */
  readonly probability: number;
  readonly levelDb: number;
  readonly healthyDb: number;
  /** Signed: above 0 the tail rose (knocks appeared), below it fell (beats missing). */
  readonly z: number;
}

const FAMILIES: readonly TemporalFamily[] = ['beats', 'knocks'];

/**
 * Which way each family is judged: beats by a tail that fell (beats missing), knocks by one that
 * rose (knocks appeared). A tail of 10 ms frames that rose is a louder knock, which the short
 * frames judge; judged both ways, one loud knock of normal work in a healthy 4 s recording (the
 * demo lathe's review-1.wav) raised a false alarm against a baseline of four.
 */
const DIRECTION: Readonly<Record<TemporalFamily, 1 | -1>> = { beats: -1, knocks: 1 };

const QUANTILES_OF = {
  beats: 'frameQuantilesDb',
  knocks: 'shortFrameQuantilesDb',
} as const;

/** The shapes of one family's quantiles, or null when its quartile is no scale. */
function shapesOf(levelsDb: readonly number[]): number[] | null {
  const quartile = levelsDb[0];
  if (!(quartile > TEMPORAL.minQuartileDb)) return null;
  return levelsDb.map((v) => 10 * Math.log10(Math.max(v, TEMPORAL.minQuartileDb) / quartile));
}

function statisticsOf(rows: readonly (readonly number[])[], shapes: number[][]) {
  const column = (values: readonly (readonly number[])[], i: number) => values.map((r) => r[i]);
  const indices = FRAME_QUANTILE_PROBABILITIES.map((_, i) => i);
  return {
    levelsDb: indices.map((i) => median(column(rows, i))),
    shapeDb: indices.map((i) => median(column(shapes, i))),
    shapeSpreadDb: indices.map((i) => robustSpread(column(shapes, i))),
  };
}

/** The healthy model, when every item has both families with a usable quartile. */
export function temporalModel(items: readonly RecordingFeatures[]): TemporalModel | null {
  const model: Partial<Record<TemporalFamily, TemporalStatistics>> = {};
  for (const family of FAMILIES) {
    const rows = items.map((f) => f.temporal?.[QUANTILES_OF[family]]);
    if (rows.some((r) => !r || r.length !== FRAME_QUANTILE_PROBABILITIES.length)) return null;
    const shapes = rows.map((r) => shapesOf(r!));
    if (shapes.some((s) => !s)) return null;
    model[family] = statisticsOf(rows as number[][], shapes as number[][]);
  }
  return model as TemporalModel;
}

/** The worst quantile of one family, or null when the recording lacks it. */
function worstOf(
  features: RecordingFeatures,
  family: TemporalFamily,
  healthy: TemporalStatistics,
): TemporalExcess | null {
  const levels = features.temporal?.[QUANTILES_OF[family]];
  const shapes = levels ? shapesOf(levels) : null;
  if (!levels || !shapes) return null;
  let worst: TemporalExcess | null = null;
  const indices = family === 'beats' ? TEMPORAL.beatQuantiles : TEMPORAL.knockQuantiles;
  const frames =
    features.durationSeconds * (family === 'beats' ? FRAME_RATE_HZ : SHORT_FRAME_RATE_HZ);
  for (const i of indices) {
    if ((1 - FRAME_QUANTILE_PROBABILITIES[i]) * frames < TEMPORAL.minTailFrames) continue;
    const spread = Math.max(healthy.shapeSpreadDb[i], TEMPORAL.spreadFloorDb);
    const z = (shapes[i] - healthy.shapeDb[i]) / spread;
    if (worst && DIRECTION[family] * z <= DIRECTION[family] * worst.z) continue;
    worst = {
      family,
      probability: FRAME_QUANTILE_PROBABILITIES[i],
      levelDb: levels[i],
      healthyDb: healthy.levelsDb[i],
      z,
    };
  }
  return worst;
}

/** Each family's worst quantile (absent when either side lacks it), and its z the way it is judged. */
export function compareTemporal(
  features: RecordingFeatures,
  model: TemporalModel | undefined,
): { lines: TemporalExcess[]; scores: Record<TemporalFamily, number> } {
  const lines = model
    ? FAMILIES.map((family) => worstOf(features, family, model[family])).filter((l) => l !== null)
    : [];
  const score = (family: TemporalFamily) =>
    Math.max(0, DIRECTION[family] * (lines.find((l) => l.family === family)?.z ?? 0));
  return { lines, scores: { beats: score('beats'), knocks: score('knocks') } };
}
