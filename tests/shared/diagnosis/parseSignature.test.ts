import { beforeAll, describe, expect, it } from 'vitest';
import { parseBaselineSignature } from '../../../shared/diagnosis/baseline/parseSignature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { baselineErrorOf, simulatedBaseline } from '../../helpers/storedBaselines.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SAMPLE_RATE_HZ = 8000;
let signature: BaselineSignature;

/** A real baseline of four short simulated healthy recordings, as plain JSON. */
function freshJson(): Json {
  return JSON.parse(JSON.stringify(signature)) as Json;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const thrown = baselineErrorOf;

beforeAll(() => {
  signature = simulatedBaseline({
    sampleRateHz: SAMPLE_RATE_HZ,
    durationSeconds: 1,
    count: 4,
    profile: simLatheProfile,
  });
});

describe('parseBaselineSignature', () => {
  it('reads back what buildBaselineSignature produced, field for field', () => {
    expect(parseBaselineSignature(freshJson())).toEqual(signature);
  });

  it('returns a fresh object and leaves its (frozen) input unchanged', () => {
    const json = deepFreeze(freshJson());
    const parsed = parseBaselineSignature(json);
    expect(parsed).not.toBe(json);
    expect(parsed.model.spectrum.medianDb).not.toBe(json.model.spectrum.medianDb);
  });

  it('accepts a baseline without a profile and without shaft speeds', () => {
    const json = freshJson();
    json.profile = null;
    json.condition.shaftSpeedsRpm = {};
    const parsed = parseBaselineSignature(json);
    expect(parsed.profile).toBeNull();
    expect(parsed.condition.shaftSpeedsRpm).toEqual({});
  });

  it.each<[string, unknown]>([
    ['an array', []],
    ['null', null],
    ['a string', 'baseline'],
  ])('rejects %s at the root', (_, json) => {
    expect(thrown(json).path).toBe('');
  });

  it('names a file of another format as not a baseline', () => {
    const error = thrown(simLatheProfile);
    expect(error.path).toBe('format');
    expect(error.message).toMatch(/not an Auscult baseline/);
  });

  it('names the version it reads when the file has another one', () => {
    const json = freshJson();
    json.formatVersion = 2;
    const error = thrown(json);
    expect(error.path).toBe('formatVersion');
    expect(error.message).toMatch(/is 2, .*reads version 1/);
  });

  it.each<[string, (json: Json) => void, string]>([
    ['an unknown top-level field', (j) => (j.comment = 'x'), 'comment'],
    ['a missing threshold', (j) => delete j.threshold, 'threshold'],
    ['a negative threshold', (j) => (j.threshold = -1), 'threshold'],
    ['a threshold given as text', (j) => (j.threshold = '3'), 'threshold'],
    [
      'a bad mains frequency in the profile',
      (j) => (j.profile.lineFrequencyHz = 55),
      'profile.lineFrequencyHz',
    ],
    ['an unknown field in the profile', (j) => (j.profile.colour = 'red'), 'profile.colour'],
    [
      'a profile component on no shaft',
      (j) => (j.profile.components[0].shaft = 'nope'),
      'profile.components[0].shaft',
    ],
    [
      'a shaft speed missing',
      (j) => delete j.condition.shaftSpeedsRpm.spindle,
      'condition.shaftSpeedsRpm.spindle',
    ],
    [
      'a speed for a shaft the profile lacks',
      (j) => (j.condition.shaftSpeedsRpm.nope = 100),
      'condition.shaftSpeedsRpm.nope',
    ],
    [
      'a zero shaft speed',
      (j) => (j.condition.shaftSpeedsRpm['x-screw'] = 0),
      'condition.shaftSpeedsRpm.x-screw',
    ],
    ['no sources', (j) => (j.sources = []), 'sources'],
    ['a source name that is a number', (j) => (j.sources[0].name = 7), 'sources[0].name'],
    [
      'a source sample rate of 0',
      (j) => (j.sources[1].sampleRateHz = 0),
      'sources[1].sampleRateHz',
    ],
    [
      'a model rate other than the lowest source rate',
      (j) => j.sources.forEach((source: Json) => (source.sampleRateHz = 16000)),
      'model.sampleRateHz',
    ],
    [
      'an analysed range beyond half the sample rate',
      (j) => (j.model.analysedMaxHz = 5000),
      'model.analysedMaxHz',
    ],
    ['a spectrum one bin short', (j) => j.model.spectrum.medianDb.pop(), 'model.spectrum.medianDb'],
    ['a negative spread', (j) => (j.model.spectrum.spreadDb[3] = -1), 'model.spectrum.spreadDb[3]'],
    ['a level that is text', (j) => (j.model.bands.upperDb[0] = 'loud'), 'model.bands.upperDb[0]'],
    [
      'a level given as null (NaN in JSON)',
      (j) => (j.model.bands.medianDb[2] = null),
      'model.bands.medianDb[2]',
    ],
    [
      'band arrays of different lengths',
      (j) => j.model.bands.spreadDb.pop(),
      'model.bands.spreadDb',
    ],
    [
      'an envelope bin width of 0',
      (j) => (j.model.envelope.binWidthHz = 0),
      'model.envelope.binWidthHz',
    ],
    [
      'an unknown field in the envelope',
      (j) => (j.model.envelope.extra = 1),
      'model.envelope.extra',
    ],
    [
      'a negative kurtosis',
      (j) => (j.model.impulsiveness.kurtosis = -1),
      'model.impulsiveness.kurtosis',
    ],
    ['an item count of 0', (j) => (j.model.itemCount = 0), 'model.itemCount'],
    ['a fractional item count', (j) => (j.model.itemCount = 2.5), 'model.itemCount'],
    ['a calibration score missing', (j) => j.calibrationScores.pop(), 'calibrationScores'],
    ['a negative calibration score', (j) => (j.calibrationScores[1] = -2), 'calibrationScores[1]'],
    ['a missing model', (j) => delete j.model, 'model'],
  ])('rejects %s, naming %s', (_, mutate, path) => {
    const json = freshJson();
    mutate(json);
    const error = thrown(json);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });

  it('rejects a bin width that would make a million bins', () => {
    const json = freshJson();
    json.model.spectrum.binWidthHz = 0.0001;
    expect(thrown(json).path).toBe('model.spectrum.binWidthHz');
  });
});

describe('the structural modes of a baseline', () => {
  it('loads a baseline stored before them, without the field', () => {
    const json = freshJson();
    delete json.structuralModesHz;
    expect(parseBaselineSignature(json).structuralModesHz).toBeUndefined();
  });

  it('accepts an empty list: none found', () => {
    const json = freshJson();
    json.structuralModesHz = [];
    expect(parseBaselineSignature(json).structuralModesHz).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['not an array', 2300, 'structuralModesHz'],
    ['too many', Array.from({ length: 33 }, (_, i) => 500 + 100 * i), 'structuralModesHz'],
    ['a string', [2300, '3700'], 'structuralModesHz[1]'],
    ['zero', [0], 'structuralModesHz[0]'],
    ['a negative', [2300, -5], 'structuralModesHz[1]'],
    ['NaN as null', [null], 'structuralModesHz[0]'],
    ['a mode above the analysed band', [2300, 4000], 'structuralModesHz[1]'],
    ['modes out of order', [3000, 2300], 'structuralModesHz[1]'],
  ])('refuses %s', (_, value, path) => {
    const json = freshJson();
    json.structuralModesHz = value;
    const error = thrown(json);
    expect(error.path).toBe(path);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
  });
});
