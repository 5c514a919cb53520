/**
 * The optional short-time energy statistics of a baseline (model.temporal, beatThreshold,
 * knockThreshold) read back field by field: hostile values are refused with the field's path,
 * and a baseline without them reads as one made before them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBaselineSignature } from '../../../shared/diagnosis/baseline/parseSignature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { baselineErrorOf, simulatedBaseline } from '../../helpers/storedBaselines.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SAMPLE_RATE_HZ = 8000;
let signature: BaselineSignature;

function freshJson(): Json {
  return JSON.parse(JSON.stringify(signature)) as Json;
}

function messageOf(json: unknown): string {
  return baselineErrorOf(json).message;
}

beforeAll(() => {
  signature = simulatedBaseline({
    sampleRateHz: SAMPLE_RATE_HZ,
    durationSeconds: 3,
    count: 4,
    profile: null,
  });
});

describe('short-time energy statistics of a baseline', () => {
  it('are stored for recordings of a second and more, and read back as they were', () => {
    expect(signature.model.temporal).toBeDefined();
    expect(signature.beatThreshold).toBeGreaterThan(0);
    // As JSON: a rounded −0 of the other levels comes back as 0, which is the same number.
    expect(JSON.stringify(parseBaselineSignature(freshJson()))).toBe(JSON.stringify(signature));
  });

  it('may be absent altogether: the baseline reads as one made before them', () => {
    const json = freshJson();
    delete json.model.temporal;
    delete json.beatThreshold;
    delete json.knockThreshold;
    const parsed = parseBaselineSignature(json);
    expect(parsed.model.temporal).toBeUndefined();
    expect('beatThreshold' in parsed).toBe(false);
  });

  it.each<[string, (json: Json) => void, string]>([
    [
      'a threshold without the statistics',
      (j) => delete j.model.temporal,
      'beatThreshold: needs model.temporal',
    ],
    [
      'one family threshold without the other',
      (j) => delete j.knockThreshold,
      'knockThreshold: is required beside the other family threshold',
    ],
    ['a threshold of zero', (j) => (j.beatThreshold = 0), 'beatThreshold: must be a positive'],
    ['a threshold as text', (j) => (j.knockThreshold = '3'), 'knockThreshold: must be a positive'],
    [
      'a family missing',
      (j) => delete j.model.temporal.knocks,
      'model.temporal.knocks: is required',
    ],
    [
      'an unknown family',
      (j) => (j.model.temporal.whistles = j.model.temporal.beats),
      'model.temporal.whistles: is not a field',
    ],
    [
      'a quantile too many',
      (j) => j.model.temporal.beats.levelsDb.push(1),
      'model.temporal.beats.levelsDb: must be an array of 7 items',
    ],
    [
      'a level that is not a number',
      (j) => (j.model.temporal.knocks.shapeDb[3] = null),
      'model.temporal.knocks.shapeDb[3]: must be a level',
    ],
    [
      'a negative spread',
      (j) => (j.model.temporal.beats.shapeSpreadDb[0] = -1),
      'model.temporal.beats.shapeSpreadDb[0]: must be a number of dB',
    ],
    [
      'statistics that are no object',
      (j) => (j.model.temporal = [1, 2]),
      'model.temporal: must be an object',
    ],
  ])('refuses %s, naming the field', (_, spoil, message) => {
    const json = freshJson();
    spoil(json);
    expect(messageOf(json)).toContain(message);
  });
});
