/**
 * Anomaly threshold from the baseline's own spread (docs/diagnosis.md §2): every group of healthy
 * items (a recording, or a piece of a single long one) is scored against a model built from the
 * others; the threshold sits a margin above the worst of those healthy scores.
 */
import type { RecordingFeatures } from '../features/types.ts';
import { compareWithBaseline } from './compare.ts';
import type { Comparison } from './compare.ts';
import { buildBaselineModel } from './model.ts';
import type { BaselineModel } from './model.ts';
import { modelAtSpeed, speedGroupsOf, withTemporal } from './speedModel.ts';
import { temporalModel } from './temporal.ts';

export const CALIBRATION = {
  /** Never alarm below this score, however tight the healthy recordings were. */
  minThreshold: 3,
  /** Threshold = margin × the largest leave-one-out score. */
  margin: 1.25,
} as const;

/**
 * The model the left-out items are judged against: the others' own, or — with each item's speed
 * `rpms` — the others' model at the left-out item's speed (speedModel.ts), so that the threshold
 * also holds the error of interpolating between speeds.
 */
function restModelFor(
  rest: readonly RecordingFeatures[],
  restRpms: readonly number[] | null,
): (rpm: number) => BaselineModel {
  if (!restRpms) {
    const model = buildBaselineModel(rest);
    return () => model;
  }
  const groups = speedGroupsOf(rest, restRpms);
  const temporal = temporalModel(rest) ?? undefined;
  return (rpm) => withTemporal(modelAtSpeed(groups, rpm), temporal);
}

/**
 * Leave-one-group-out comparisons (their anomaly scores calibrate the threshold, their
 * modulation scores the modulation's own): `groups[i]` names the group of `items[i]` (items of one recording
 * share it), `rpms[i]` its speed when the baseline spans speeds. Needs at least two groups.
 */
export function leaveOneOutComparisons(
  items: readonly RecordingFeatures[],
  groups: readonly number[],
  rpms: readonly number[] | null = null,
): Comparison[] {
  const names = [...new Set(groups)].sort((a, b) => a - b);
  if (names.length < 2) throw new RangeError('calibration needs at least two healthy groups');
  const scores: Comparison[] = [];
  for (const name of names) {
    const kept = (_: unknown, i: number) => groups[i] !== name;
    const modelAt = restModelFor(items.filter(kept), rpms ? rpms.filter(kept) : null);
    for (let i = 0; i < items.length; i++) {
      if (groups[i] !== name) continue;
      scores.push(compareWithBaseline(items[i], modelAt(rpms ? rpms[i] : 0)));
    }
  }
  return scores;
}

export function thresholdFromScores(scores: readonly number[]): number {
  return Math.max(CALIBRATION.minThreshold, CALIBRATION.margin * Math.max(...scores));
}
