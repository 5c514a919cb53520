/**
 * The argument schemas of every API method (valibot): both hosts validate each call with them
 * before it reaches the implementation. Ids are short strings of a fixed charset (never paths),
 * sizes non-negative integers, chunks ArrayBuffers of at most 16 MiB; a profile is `unknown`
 * here and validated by parseMachineProfile on the host.
 */
import * as v from 'valibot';
import type { ApiMethod } from '../../shared/api/contract.ts';
import { MAX_FAULT_NOTE_LENGTH } from '../workflows/faultLog.ts';
import { ID_PATTERN } from '../store/ids.ts';
import { MAX_CHUNK_BYTES } from '../workflows/importRecording.ts';
import { LANGUAGES } from '../workflows/settings.ts';
import { MAX_PEAK_BUCKETS, MAX_SPECTROGRAM_COLUMNS } from '../analysis/recordingOverview.ts';
import {
  MAX_SESSION_CHUNK_BYTES,
  MAX_SESSION_SAMPLE_RATE_HZ,
  MIN_SESSION_SAMPLE_RATE_HZ,
} from '../recording/liveSession.ts';
import { decodeSessionChunk } from '../recording/sessionChunk.ts';

export type ArgumentSchema = v.GenericSchema;

const idSchema = v.pipe(
  v.string('must be a string id'),
  v.regex(ID_PATTERN, "must be an id of 1 to 64 letters, digits, '-' or '_'"),
);

const sizeSchema = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number of bytes'),
  v.minValue(0, 'must not be negative'),
);

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  // Not `instanceof`: an ArrayBuffer from another realm (a vm context, a worker) counts too.
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

const chunkSchema = v.pipe(
  v.custom<ArrayBuffer>(isArrayBuffer, 'must be an ArrayBuffer'),
  v.check(
    (buffer) => buffer.byteLength <= MAX_CHUNK_BYTES,
    `must be at most ${MAX_CHUNK_BYTES} bytes (16 MiB)`,
  ),
);

/** Float32 samples: whole samples, none NaN or infinite (a refused chunk leaves the session). */
const sessionChunkSchema = v.pipe(
  v.custom<ArrayBuffer>(isArrayBuffer, 'must be an ArrayBuffer'),
  v.check(
    (buffer) => buffer.byteLength <= MAX_SESSION_CHUNK_BYTES,
    `must be at most ${MAX_SESSION_CHUNK_BYTES} bytes (16 MiB)`,
  ),
  v.check(
    (buffer) => buffer.byteLength % 4 === 0,
    'must hold whole float32 samples (a multiple of 4 bytes)',
  ),
  v.check((buffer) => {
    try {
      decodeSessionChunk(buffer);
      return true;
    } catch {
      return false;
    }
  }, 'must hold only finite samples (no NaN or infinity)'),
);

function wholeNumberSchema(min: number, max: number, unit: string) {
  return v.pipe(
    v.number('must be a number'),
    v.safeInteger(`must be a whole number of ${unit}`),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );
}

const secondsSchema = v.pipe(
  v.number('must be a number'),
  v.finite('must be a finite number of seconds'),
  v.minValue(0, 'must not be negative'),
);

const noteSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(MAX_FAULT_NOTE_LENGTH, `must be at most ${MAX_FAULT_NOTE_LENGTH} characters`),
);

const fileNameSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(1024, 'must be at most 1024 characters'),
);

const recordingIdsSchema = v.pipe(
  v.array(idSchema, 'must be an array of recording ids'),
  v.minLength(1, 'must name at least one recording'),
  v.maxLength(1000, 'must name at most 1000 recordings'),
  v.check((ids) => new Set(ids).size === ids.length, 'must not name a recording twice'),
);

const settingsSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'must be an object',
  ),
  v.check(
    (settings) => Object.keys(settings).every((key) => key === 'language'),
    'must hold no field but language',
  ),
  // The object's message is what a missing field reports (on the field's path).
  v.object(
    { language: v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`) },
    'is required',
  ),
);

/** Each method's arguments in order: the name a message uses, and the schema. */
export const METHOD_ARGUMENTS: {
  readonly [Method in ApiMethod]: readonly (readonly [string, ArgumentSchema])[];
} = {
  'machines.list': [],
  'machines.get': [['machineId', idSchema]],
  'machines.create': [['profile', v.unknown()]],
  'machines.update': [
    ['machineId', idSchema],
    ['profile', v.unknown()],
  ],
  'recordings.list': [['machineId', idSchema]],
  'recordings.beginImport': [
    ['machineId', idSchema],
    ['fileName', fileNameSchema],
    ['sizeBytes', sizeSchema],
  ],
  'recordings.appendImport': [
    ['importId', idSchema],
    ['chunk', chunkSchema],
  ],
  'recordings.finishImport': [['importId', idSchema]],
  'recordings.cancelImport': [['importId', idSchema]],
  'recordings.audio': [['recordingId', idSchema]],
  'recordings.audioUrl': [['recordingId', idSchema]],
  'sessions.start': [
    ['machineId', idSchema],
    [
      'sampleRateHz',
      wholeNumberSchema(MIN_SESSION_SAMPLE_RATE_HZ, MAX_SESSION_SAMPLE_RATE_HZ, 'hertz'),
    ],
  ],
  'sessions.append': [
    ['sessionId', idSchema],
    ['chunk', sessionChunkSchema],
  ],
  'sessions.stop': [['sessionId', idSchema]],
  'review.selection': [
    ['recordingId', idSchema],
    ['startSeconds', secondsSchema],
    ['endSeconds', secondsSchema],
  ],
  'review.spectrogram': [
    ['recordingId', idSchema],
    ['columns', wholeNumberSchema(1, MAX_SPECTROGRAM_COLUMNS, 'columns')],
  ],
  'review.peaks': [
    ['recordingId', idSchema],
    ['count', wholeNumberSchema(1, MAX_PEAK_BUCKETS, 'buckets')],
  ],
  'faultLog.list': [],
  'faultLog.add': [
    ['diagnosisId', idSchema],
    ['note', noteSchema],
  ],
  'baselines.build': [
    ['machineId', idSchema],
    ['recordingIds', recordingIdsSchema],
  ],
  'baselines.job': [['jobId', idSchema]],
  'baselines.spectrum': [['machineId', idSchema]],
  'diagnoses.run': [['recordingId', idSchema]],
  'diagnoses.list': [['recordingId', idSchema]],
  'settings.get': [],
  'settings.set': [['settings', settingsSchema]],
};
