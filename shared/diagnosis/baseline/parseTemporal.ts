/**
 * Reading back the optional short-time energy statistics of a baseline model (temporal.ts) and
 * their own thresholds, field by field as parseSignature.ts reads the rest: absent in baselines
 * made before them, which then judge nothing of it.
 */
import { FRAME_QUANTILE_PROBABILITIES } from '../features/frameEnergy.ts';
import { array, at, BaselineError, has, number, object, rates } from './baselineJson.ts';
import type { JsonObject, NumberRule } from './baselineJson.ts';
import type { BaselineModel } from './model.ts';
import type { TemporalModel, TemporalStatistics } from './temporal.ts';

const STATISTICS_KEYS = ['levelsDb', 'shapeDb', 'shapeSpreadDb'] as const;

function quantileArray(value: unknown, path: string, rule: NumberRule): number[] {
  const count = FRAME_QUANTILE_PROBABILITIES.length;
  return array(value, path, count, count).map((v, i) => number(v, at(path, i), rule));
}

function parseStatistics(value: unknown, path: string): TemporalStatistics {
  const record = object(value, path, 'short-time energy statistics', STATISTICS_KEYS);
  return {
    levelsDb: quantileArray(record.levelsDb, at(path, 'levelsDb'), rates.level),
    shapeDb: quantileArray(record.shapeDb, at(path, 'shapeDb'), rates.level),
    shapeSpreadDb: quantileArray(record.shapeSpreadDb, at(path, 'shapeSpreadDb'), rates.spread),
  };
}

/** `model.temporal` when present: both families, each with its three arrays. */
export function parseTemporalModel(record: JsonObject, path: string): { temporal?: TemporalModel } {
  if (!has(record, 'temporal')) return {};
  const temporalPath = at(path, 'temporal');
  const families = object(record.temporal, temporalPath, 'short-time energy', ['beats', 'knocks']);
  return {
    temporal: {
      beats: parseStatistics(families.beats, at(temporalPath, 'beats')),
      knocks: parseStatistics(families.knocks, at(temporalPath, 'knocks')),
    },
  };
}

export const TEMPORAL_THRESHOLD_KEYS = ['beatThreshold', 'knockThreshold'] as const;

/** The families' own thresholds: both or neither, and only beside `model.temporal`. */
export function parseTemporalThresholds(
  record: JsonObject,
  model: BaselineModel,
): { beatThreshold?: number; knockThreshold?: number } {
  const present = TEMPORAL_THRESHOLD_KEYS.filter((key) => has(record, key));
  if (present.length === 0) return {};
  if (!model.temporal) throw new BaselineError(present[0], 'needs model.temporal');
  const missing = TEMPORAL_THRESHOLD_KEYS.find((key) => !has(record, key));
  if (missing) throw new BaselineError(missing, 'is required beside the other family threshold');
  return {
    beatThreshold: number(record.beatThreshold, 'beatThreshold', rates.positive),
    knockThreshold: number(record.knockThreshold, 'knockThreshold', rates.positive),
  };
}
