/**
 * The baseline signature: what `auscult baseline` writes and `auscult diagnose` reads. Versioned
 * JSON holding the healthy model, the operating condition and the calibrated threshold.
 */
import { roundLevels } from '../features/levels.ts';
import type { RecordingFeatures } from '../features/types.ts';
import { shaftRpm } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import { leaveOneOutComparisons, thresholdFromScores } from './calibrate.ts';
import type { Comparison } from './compare.ts';
import type { BaselineModel, LevelStatistics } from './model.ts';
import { buildBaselineModel } from './model.ts';
import type { BaselineSpeeds } from './speedModel.ts';
import type { TemporalModel, TemporalStatistics } from './temporal.ts';
import { speedGroupsOf } from './speedModel.ts';
import { findStructuralModes } from './structuralModes.ts';

export const BASELINE_FORMAT = 'auscult-baseline';
export const BASELINE_FORMAT_VERSION = 1;

export interface BaselineSource {
  /** File name only (never a full path: baselines travel between machines). */
  readonly name: string;
  readonly sampleRateHz: number;
  readonly durationSeconds: number;
}

export interface BaselineSignature {
  readonly format: typeof BASELINE_FORMAT;
  readonly formatVersion: typeof BASELINE_FORMAT_VERSION;
  /** The machine profile the baseline was recorded with (null: no kinematics known). */
  readonly profile: MachineProfile | null;
  /** Operating condition: each shaft's speed in rpm when the healthy recordings were made. */
  readonly condition: { readonly shaftSpeedsRpm: Readonly<Record<string, number>> };
  readonly sources: readonly BaselineSource[];
  readonly model: BaselineModel;
  /** Healthy leave-one-out anomaly scores the threshold was calibrated on. */
  readonly calibrationScores: readonly number[];
  readonly threshold: number;
  /**
   * Structural modes found as humps of the healthy floor (structuralModes.ts), Hz, ascending;
   * empty when none stands out. Absent in baselines made before: chatter is then judged as it
   * was (any new tone on no order).
   */
  readonly structuralModesHz?: readonly number[];
  /**
   * Set when the healthy recordings span several speeds: each one's speed and a model per speed
   * (speedModel.ts). Absent: one speed, compared as it is (and in baselines made before).
   */
  readonly speeds?: BaselineSpeeds;
  /**
   * The modulation score's own threshold (leave-one-out, as `threshold`): set for a baseline at
   * one speed whose model has modulation statistics. Absent: the rhythm is not judged.
   */
  readonly modulationThreshold?: number;
  /**
   * The short-time energy scores' own thresholds (temporal.ts; leave-one-out, as `threshold`):
   * set when the model has temporal statistics, at one speed or several. Absent: not judged.
   */
  readonly beatThreshold?: number;
  readonly knockThreshold?: number;
}

/** Each healthy item's speed of one reference shaft (estimated from its sound, or given). */
export interface ItemSpeeds {
  readonly shaftId: string;
  readonly itemRpm: readonly number[];
}

function roundStatistics<T extends LevelStatistics>(s: T): T {
  return {
    ...s,
    medianDb: roundLevels(s.medianDb),
    spreadDb: roundLevels(s.spreadDb),
    upperDb: roundLevels(s.upperDb),
  };
}

/** Rounded so that a baseline is small and a rebuild is byte-identical. */
function roundModel(model: BaselineModel): BaselineModel {
  return {
    ...model,
    bands: roundStatistics(model.bands),
    spectrum: roundStatistics(model.spectrum),
    envelope: roundStatistics(model.envelope),
    impulsiveness: {
      kurtosis: roundLevels([model.impulsiveness.kurtosis], 4)[0],
      spread: roundLevels([model.impulsiveness.spread], 4)[0],
    },
    ...(model.modulation ? { modulation: roundStatistics(model.modulation) } : {}),
    ...(model.temporal ? { temporal: roundTemporal(model.temporal) } : {}),
  };
}

function roundTemporal(model: TemporalModel): TemporalModel {
  const round = (s: TemporalStatistics) => ({
    levelsDb: roundLevels(s.levelsDb),
    shapeDb: roundLevels(s.shapeDb),
    shapeSpreadDb: roundLevels(s.shapeSpreadDb),
  });
  return { beats: round(model.beats), knocks: round(model.knocks) };
}

/** Each own threshold from its leave-one-out scores, under the key it is stored as. */
function ownThresholds(
  comparisons: readonly Comparison[],
  which: readonly (readonly [string, keyof Comparison['scores']])[],
): Record<string, number> {
  return Object.fromEntries(
    which.map(([key, score]) => [
      key,
      roundLevels([thresholdFromScores(comparisons.map((c) => c.scores[score]))], 3)[0],
    ]),
  );
}

/** The speeds to store: only when the items span more than one speed group. */
function spanOf(items: readonly RecordingFeatures[], speeds?: ItemSpeeds): BaselineSpeeds | null {
  if (!speeds) return null;
  if (speeds.itemRpm.length !== items.length) {
    throw new RangeError('buildBaselineSignature: items and speeds differ in length');
  }
  const groups = speedGroupsOf(items, speeds.itemRpm);
  if (groups.length < 2) return null;
  return {
    shaftId: speeds.shaftId,
    itemRpm: speeds.itemRpm.map((rpm) => Math.round(rpm * 10) / 10),
    groups: groups.map((g) => ({ rpm: g.rpm, model: roundModel(g.model) })),
  };
}

/**
 * Builds a baseline from healthy feature sets. `groups[i]` names the recording `items[i]` came
 * from (pieces of one recording share a group); calibration leaves one group out at a time, so
 * at least two groups are needed. Throws RangeError otherwise. With `speeds` spanning several
 * speeds, the baseline keeps them and a model per speed (docs/diagnosis.md).
 */
export function buildBaselineSignature(
  items: readonly RecordingFeatures[],
  groups: readonly number[],
  options: {
    profile: MachineProfile | null;
    sources: readonly BaselineSource[];
    speeds?: ItemSpeeds;
  },
): BaselineSignature {
  if (items.length !== groups.length) {
    throw new RangeError('buildBaselineSignature: items and groups differ in length');
  }
  const model = roundModel(buildBaselineModel(items));
  const span = spanOf(items, options.speeds);
  const comparisons = leaveOneOutComparisons(items, groups, span ? span.itemRpm : null);
  const scores = comparisons.map((c) => c.anomalyScore);
  const profile = options.profile;
  const speeds = Object.fromEntries(
    (profile?.shafts ?? []).map((shaft) => [shaft.id, shaftRpm(profile!, shaft.id)]),
  );
  return {
    format: BASELINE_FORMAT,
    formatVersion: BASELINE_FORMAT_VERSION,
    profile: options.profile,
    condition: { shaftSpeedsRpm: speeds },
    sources: options.sources,
    model,
    calibrationScores: roundLevels(scores, 3),
    threshold: roundLevels([thresholdFromScores(scores)], 3)[0],
    structuralModesHz: findStructuralModes(
      model.spectrum.medianDb,
      model.spectrum.binWidthHz,
      model.analysedMaxHz,
    ),
    ...(span ? { speeds: span } : {}),
    ...(model.modulation && !span
      ? ownThresholds(comparisons, [['modulationThreshold', 'modulation']])
      : {}),
    // Judged at every speed of a baseline over several (baselineAtSpeed.ts): no `!span` here.
    ...(model.temporal
      ? ownThresholds(comparisons, [
          ['beatThreshold', 'beats'],
          ['knockThreshold', 'knocks'],
        ])
      : {}),
  };
}
