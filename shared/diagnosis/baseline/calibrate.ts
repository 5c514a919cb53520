/**
 * Anomaly threshold from the baseline's own spread (docs/diagnosis.md §2): every group of healthy
 * items (a recording, or a piece of a single long one) is scored against a model built from the
 * others; the threshold sits a margin above the worst of those healthy scores.
 */
import type { RecordingFeatures } from '../features/types.ts';
import { compareWithBaseline } from './compare.ts';
import { buildBaselineModel } from './model.ts';

export const CALIBRATION = {
  /** Never alarm below this score, however tight the healthy recordings were. */
  minThreshold: 3,
  /** Threshold = margin × the largest leave-one-out score. */
  margin: 1.25,
} as const;

/**
 * Leave-one-group-out scores: `groups[i]` names the group of `items[i]` (items of one recording
 * share it). Needs at least two groups.
 */
export function leaveOneOutScores(
  items: readonly RecordingFeatures[],
  groups: readonly number[],
): number[] {
  const names = [...new Set(groups)].sort((a, b) => a - b);
  if (names.length < 2) throw new RangeError('calibration needs at least two healthy groups');
  const scores: number[] = [];
  for (const name of names) {
    const rest = items.filter((_, i) => groups[i] !== name);
    const model = buildBaselineModel(rest);
    for (let i = 0; i < items.length; i++) {
      if (groups[i] === name) scores.push(compareWithBaseline(items[i], model).anomalyScore);
    }
  }
  return scores;
}

export function thresholdFromScores(scores: readonly number[]): number {
  return Math.max(CALIBRATION.minThreshold, CALIBRATION.margin * Math.max(...scores));
}
