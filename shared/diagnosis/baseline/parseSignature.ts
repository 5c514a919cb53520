/**
 * Reading a baseline signature back (the JSON `auscult baseline` writes): every field is checked,
 * and the first problem is a BaselineError whose message starts with the field's path
 * (`model.spectrum.spreadDb[12]: must be a number of dB from 0 to 1000`). Hand-written, as the
 * profile parser is, so that shared/ needs no validation library; the embedded profile goes
 * through that parser.
 */
import { MODULATION_MAX_HZ } from '../features/modulation.ts';
import { bandCountBelow } from '../features/bandGrid.ts';
import { parseMachineProfile, ProfileError } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import type { BaselineModel, LevelStatistics } from './model.ts';
import { BASELINE_FORMAT, BASELINE_FORMAT_VERSION } from './signature.ts';
import type { BaselineSignature, BaselineSource } from './signature.ts';
import type { BaselineSpeeds } from './speedModel.ts';
import { array, at, BaselineError, has, LIMITS, number, object, rates } from './baselineJson.ts';
import type { JsonObject, NumberRule } from './baselineJson.ts';
import { parseStructuralModes } from './structuralModes.ts';
import * as temporal from './parseTemporal.ts';

export { BaselineError } from './baselineJson.ts';

function levelArray(value: unknown, path: string, length: number, rule: NumberRule): number[] {
  const items = array(value, path, length, length);
  return items.map((v, i) => number(v, at(path, i), rule));
}

/**
 * The three level arrays of a checked object; all must have `length` items, or, when `length`
 * is a range, as many as `medianDb` has within it.
 */
function levelStatistics(
  record: JsonObject,
  path: string,
  length: number | readonly [number, number],
): LevelStatistics {
  const count = Array.isArray(length)
    ? array(record.medianDb, at(path, 'medianDb'), length[0], length[1]).length
    : (length as number);
  return {
    medianDb: levelArray(record.medianDb, at(path, 'medianDb'), count, rates.level),
    spreadDb: levelArray(record.spreadDb, at(path, 'spreadDb'), count, rates.spread),
    upperDb: levelArray(record.upperDb, at(path, 'upperDb'), count, rates.level),
  };
}

const STATISTICS_KEYS = ['medianDb', 'spreadDb', 'upperDb'] as const;

function parseBands(value: unknown, path: string, analysedMaxHz: number) {
  const record = object(value, path, 'band statistics', STATISTICS_KEYS);
  return levelStatistics(record, path, [1, Math.max(1, bandCountBelow(analysedMaxHz))]);
}

/**
 * Statistics on bins k·binWidthHz: exactly the bins from 0 to `maxHz` (the narrowband spectrum
 * covers its analysed range), or at most those (the envelope spectrum, up to half the rate).
 */
function parseBinned(value: unknown, path: string, label: string, maxHz: number, exact: boolean) {
  const record = object(value, path, label, [...STATISTICS_KEYS, 'binWidthHz']);
  const binWidthHz = number(record.binWidthHz, at(path, 'binWidthHz'), rates.binWidth);
  const bins = Math.floor(maxHz / binWidthHz) + 1;
  if (bins > LIMITS.maxBins) {
    throw new BaselineError(at(path, 'binWidthHz'), `gives ${bins} bins, over ${LIMITS.maxBins}`);
  }
  const length = exact ? bins : ([2, Math.max(2, bins)] as const);
  return { ...levelStatistics(record, path, length), binWidthHz };
}

const MODEL_KEYS = [
  'sampleRateHz',
  'analysedMaxHz',
  'bands',
  'spectrum',
  'envelope',
  'impulsiveness',
  'itemCount',
] as const;

/** The optional modulation statistics (absent in baselines made before them). */
function parseModulation(record: Record<string, unknown>, path: string) {
  if (!('modulation' in record)) return {};
  const modulation = parseBinned(
    record.modulation,
    at(path, 'modulation'),
    'a modulation spectrum',
    MODULATION_MAX_HZ + 1,
    false,
  );
  return { modulation };
}

function parseModel(value: unknown, path: string): BaselineModel {
  const optional = ['modulation', 'temporal'].filter(
    (key) => typeof value === 'object' && value !== null && key in value,
  );
  const keys = [...MODEL_KEYS, ...optional];
  const record = object(value, path, 'a baseline model', keys);
  const sampleRateHz = number(record.sampleRateHz, at(path, 'sampleRateHz'), rates.sampleRate);
  const analysedMaxHz = number(record.analysedMaxHz, at(path, 'analysedMaxHz'), {
    min: 0,
    max: sampleRateHz / 2,
    aboveMin: true,
    what: 'a positive frequency up to half of model.sampleRateHz',
  });
  const kurtosisPath = at(path, 'impulsiveness');
  const kurtosis = object(record.impulsiveness, kurtosisPath, 'impulsiveness', [
    'kurtosis',
    'spread',
  ]);
  return {
    sampleRateHz,
    analysedMaxHz,
    bands: parseBands(record.bands, at(path, 'bands'), analysedMaxHz),
    spectrum: parseBinned(record.spectrum, at(path, 'spectrum'), 'a spectrum', analysedMaxHz, true),
    envelope: parseBinned(
      record.envelope,
      at(path, 'envelope'),
      'an envelope',
      sampleRateHz / 2,
      false,
    ),
    impulsiveness: {
      kurtosis: number(kurtosis.kurtosis, at(kurtosisPath, 'kurtosis'), rates.nonNegative),
      spread: number(kurtosis.spread, at(kurtosisPath, 'spread'), rates.nonNegative),
    },
    itemCount: number(record.itemCount, at(path, 'itemCount'), rates.itemCount),
    ...parseModulation(record, path),
    ...temporal.parseTemporalModel(record, path),
  };
}

function parseProfile(value: unknown): MachineProfile | null {
  if (value === null) return null;
  try {
    return parseMachineProfile(value);
  } catch (error) {
    if (error instanceof ProfileError) {
      throw new BaselineError(at('profile', error.path), error.problem);
    }
    throw error;
  }
}

/** Shaft speeds: exactly the profile's shafts (none without a profile), each a positive rpm. */
function parseCondition(value: unknown, profile: MachineProfile | null) {
  const record = object(value, 'condition', 'an operating condition', ['shaftSpeedsRpm']);
  const shafts = (profile?.shafts ?? []).map((s) => s.id);
  const speeds = object(
    record.shaftSpeedsRpm,
    'condition.shaftSpeedsRpm',
    profile
      ? `shaft speeds of the profile's shafts (${shafts.join(', ') || 'none'})`
      : 'shaft speeds (none: the baseline has no profile)',
    shafts,
  );
  const shaftSpeedsRpm: Record<string, number> = {};
  for (const id of shafts) {
    shaftSpeedsRpm[id] = number(speeds[id], at('condition.shaftSpeedsRpm', id), rates.rpm);
  }
  return { shaftSpeedsRpm };
}

function parseSources(value: unknown): BaselineSource[] {
  return array(value, 'sources', 1, LIMITS.maxItems).map((item, i) => {
    const path = at('sources', i);
    const record = object(item, path, 'a source recording', [
      'name',
      'sampleRateHz',
      'durationSeconds',
    ]);
    const name = record.name;
    if (typeof name !== 'string' || name.length > LIMITS.maxNameLength) {
      throw new BaselineError(
        at(path, 'name'),
        `must be a file name of at most ${LIMITS.maxNameLength} characters`,
      );
    }
    return {
      name,
      sampleRateHz: number(record.sampleRateHz, at(path, 'sampleRateHz'), rates.sampleRate),
      durationSeconds: number(record.durationSeconds, at(path, 'durationSeconds'), rates.positive),
    };
  });
}

/**
 * A baseline over several speeds: a reference shaft of the profile, one speed per item, and at
 * least two speed groups (slowest first), each a model of the same band as the main one.
 */
function parseSpeeds(value: unknown, profile: MachineProfile | null, model: BaselineModel) {
  const record = object(value, 'speeds', 'baseline speeds', ['shaftId', 'itemRpm', 'groups']);
  if (!profile?.shafts.some((s) => s.id === record.shaftId)) {
    throw new BaselineError('speeds.shaftId', "must be a shaft of the baseline's profile");
  }
  const itemRpm = array(record.itemRpm, 'speeds.itemRpm', model.itemCount, model.itemCount).map(
    (v, i) => number(v, at('speeds.itemRpm', i), rates.rpm),
  );
  let previousRpm = 0;
  const groups = array(record.groups, 'speeds.groups', 2, model.itemCount).map((item, i) => {
    const path = at('speeds.groups', i);
    const group = object(item, path, 'a speed group', ['rpm', 'model']);
    const rpm = number(group.rpm, at(path, 'rpm'), rates.rpm);
    if (rpm <= previousRpm) throw new BaselineError(at(path, 'rpm'), 'must rise group by group');
    previousRpm = rpm;
    return { rpm, model: parseModel(group.model, at(path, 'model')) };
  });
  return { shaftId: record.shaftId as string, itemRpm, groups } satisfies BaselineSpeeds;
}

/** Checks what identifies a baseline before anything else, so a foreign file is named as such. */
function checkFormat(json: unknown): JsonObject {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new BaselineError('', 'must be a JSON object written by `auscult baseline`');
  }
  const record = json as JsonObject;
  if (record.format !== BASELINE_FORMAT) {
    throw new BaselineError(
      'format',
      `must be "${BASELINE_FORMAT}": this is not an Auscult baseline`,
    );
  }
  if (record.formatVersion !== BASELINE_FORMAT_VERSION) {
    throw new BaselineError(
      'formatVersion',
      `is ${JSON.stringify(record.formatVersion) ?? 'missing'}, but this version of Auscult reads version ${BASELINE_FORMAT_VERSION}; rebuild the baseline with \`auscult baseline\``,
    );
  }
  return record;
}

const SIGNATURE_KEYS = [
  'format',
  'formatVersion',
  'profile',
  'condition',
  'sources',
  'model',
  'calibrationScores',
  'threshold',
] as const;

/**
 * Parses and validates a baseline signature given as parsed JSON. Returns a fresh object holding
 * only the known fields; the input is not changed. Throws BaselineError naming the field's path
 * for: a file of another format or version, an unknown or missing field, a value of the wrong
 * type or range, arrays whose lengths do not fit the model (bins from 0 to analysedMaxHz, one
 * calibration score per item), shaft speeds that are not exactly the profile's shafts, and (as
 * `profile.…`) any problem of the embedded machine profile.
 */
export function parseBaselineSignature(json: unknown): BaselineSignature {
  const checked = checkFormat(json);
  const optional = [
    'speeds',
    'modulationThreshold',
    'structuralModesHz',
    ...temporal.TEMPORAL_THRESHOLD_KEYS,
  ].filter((key) => has(checked, key));
  const keys = [...SIGNATURE_KEYS, ...optional];
  const record = object(checked, '', 'a baseline', keys);
  const profile = parseProfile(record.profile);
  const condition = parseCondition(record.condition, profile);
  const sources = parseSources(record.sources);
  const model = parseModel(record.model, 'model');
  const lowestRateHz = sources.reduce((low, s) => Math.min(low, s.sampleRateHz), Infinity);
  if (model.sampleRateHz !== lowestRateHz) {
    throw new BaselineError(
      'model.sampleRateHz',
      `must be the lowest sample rate of the sources (${lowestRateHz} Hz)`,
    );
  }
  const calibrationScores = array(
    record.calibrationScores,
    'calibrationScores',
    model.itemCount,
    model.itemCount,
  ).map((v, i) => number(v, at('calibrationScores', i), rates.nonNegative));
  const threshold = number(record.threshold, 'threshold', rates.positive);
  return {
    format: BASELINE_FORMAT,
    formatVersion: BASELINE_FORMAT_VERSION,
    profile,
    condition,
    sources,
    model,
    calibrationScores,
    threshold,
    ...parseStructuralModes(record, model),
    ...(has(record, 'speeds') ? { speeds: parseSpeeds(record.speeds, profile, model) } : {}),
    ...parseModulationThreshold(record, model),
    ...temporal.parseTemporalThresholds(record, model),
  };
}

/** The modulation's own threshold: only beside the model's modulation statistics. */
function parseModulationThreshold(
  record: Record<string, unknown>,
  model: BaselineModel,
): { modulationThreshold?: number } {
  if (!has(record, 'modulationThreshold')) return {};
  if (!model.modulation) {
    throw new BaselineError('modulationThreshold', 'needs model.modulation');
  }
  return {
    modulationThreshold: number(record.modulationThreshold, 'modulationThreshold', rates.positive),
  };
}
