/**
 * The API contract as one table: for each method of AuscultApi, its arguments (the name a
 * message uses and a valibot schema), whether an argument or the result is binary, and the
 * largest request body the web host reads for it. `MethodTable` is mapped from AuscultApi, so a
 * method missing here, or a schema whose output is not the parameter's type, does not compile.
 * API_METHODS, the binary lists and the web host's body limits all derive from this table.
 */
import * as v from 'valibot';
import type { AuscultApi } from './contract.ts';
import {
  ID_PATTERN,
  LANGUAGES,
  MAX_BASELINE_RECORDINGS,
  MAX_BINARY_BODY_BYTES,
  MAX_CHUNK_BYTES,
  MAX_FAULT_NOTE_LENGTH,
  MAX_FILE_NAME_LENGTH,
  MAX_JSON_BODY_BYTES,
  MAX_PAGE_ITEMS,
  MAX_PEAK_BUCKETS,
  MAX_PERSON_NAME_LENGTH,
  MAX_SESSION_CHUNK_BYTES,
  MAX_SESSION_SAMPLE_RATE_HZ,
  MAX_SPECTROGRAM_COLUMNS,
  MIN_SESSION_SAMPLE_RATE_HZ,
  MIN_WAV_BYTES,
} from './limits.ts';
import { decodeSessionChunk } from './sessionChunk.ts';
import { MAX_CALIBRATION_CHARS } from '../audio/calibration/calibrationFile.ts';

/** Longer than any input device's label. */
export const MAX_DEVICE_NAME_LENGTH = 256;
import { FAULT_STATUSES } from '../faultLog/workflow.ts';
import { CAUSE_IDS, SEVERITIES } from '../diagnosis/report.ts';
import { PAPER_SIZES } from '../reports/paper.ts';
import {
  MAX_OTHER_CAUSE_LENGTH,
  MAX_VERDICT_COMPONENT_LENGTH,
  MAX_VERDICT_TEXT_LENGTH,
  VERDICT_CAUSES,
  VERDICT_DECISIONS,
} from '../verdicts/expertVerdict.ts';

type Domain = keyof AuscultApi;
type Parameters_<F> = F extends (...args: infer A) => unknown ? A : never;

/** One argument: the name messages use, and a schema whose output is the parameter's type. */
export type ArgumentSpec<T> = readonly [name: string, schema: v.GenericSchema<unknown, T>];

type ArgumentSpecs<Args extends readonly unknown[]> = {
  readonly [Index in keyof Args]: ArgumentSpec<Args[Index]>;
};

export interface MethodSpec<Args extends readonly unknown[] = readonly unknown[]> {
  readonly args: ArgumentSpecs<Args>;
  /** The last argument is an ArrayBuffer (the web host's octet-stream body). */
  readonly binaryArgument: boolean;
  /** The result is an ArrayBuffer (the web host's octet-stream answer). */
  readonly binaryResult: boolean;
  /** Largest request body the web host reads for this method, in bytes. */
  readonly maxBodyBytes: number;
  /**
   * How many trailing arguments a caller may leave out (default 0): an argument added later, so
   * existing callers keep working. A left-out argument is validated as `undefined`.
   */
  readonly optionalArgs?: number;
}

/** Every method of AuscultApi, by domain and verb, with its arguments' types checked. */
export type MethodTable = {
  readonly [D in Domain]: {
    readonly [Verb in keyof AuscultApi[D]]: MethodSpec<Parameters_<AuscultApi[D][Verb]>>;
  };
};

/** `domain.verb`: IPC channels are `domain:verb`, HTTP paths `/api/domain/verb`. */
export type ApiMethod = { [D in Domain]: `${D}.${keyof AuscultApi[D] & string}` }[Domain];

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

/** A person's name, trimmed: 1–100 characters, or also empty with `allowEmpty`. */
function personSchema(allowEmpty: boolean) {
  return v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.minLength(allowEmpty ? 0 : 1, 'must name a person'),
    v.maxLength(MAX_PERSON_NAME_LENGTH, `must be at most ${MAX_PERSON_NAME_LENGTH} characters`),
  );
}

const faultStatusSchema = v.picklist(FAULT_STATUSES, `must be one of ${FAULT_STATUSES.join(', ')}`);

/** A status change's details; fields other than these are refused, not ignored. */
const faultLogChangeSchema = v.strictObject(
  {
    by: personSchema(false),
    reason: v.optional(noteSchema),
    followUpRecordingId: v.optional(idSchema),
  },
  'must be an object with by, and optionally reason and followUpRecordingId',
);

/** The WAV part of a browser-decoded upload: at least a WAV header's 44 bytes. */
const browserDecodedSchema = v.nullish(
  v.strictObject(
    {
      wavBytes: v.pipe(
        v.number('must be a number'),
        v.safeInteger('must be a whole number of bytes'),
        v.minValue(MIN_WAV_BYTES, `must be at least ${MIN_WAV_BYTES} (a WAV header)`),
      ),
    },
    'must be an object with wavBytes',
  ),
);

const fileNameSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_FILE_NAME_LENGTH, `must be at most ${MAX_FILE_NAME_LENGTH} characters`),
);

/** An input device's name as the browser gives it (MediaDeviceInfo.label). */
const deviceNameSchema = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_DEVICE_NAME_LENGTH, `must be at most ${MAX_DEVICE_NAME_LENGTH} characters`),
);

const calibrationTextSchema = v.pipe(
  v.string('must be a string'),
  v.maxLength(MAX_CALIBRATION_CHARS, `must be at most ${MAX_CALIBRATION_CHARS} characters`),
);

const sensitivitySchema = v.nullable(v.pipe(v.number('must be a number'), v.finite()));

/** A recording's calibration: an input device's, a file's, or null (none). */
const calibrationSourceSchema = v.nullable(
  v.union(
    [
      v.strictObject({ deviceName: deviceNameSchema }),
      v.strictObject({
        fileName: fileNameSchema,
        text: calibrationTextSchema,
        sensitivityDbfs: sensitivitySchema,
      }),
    ],
    'must be null, an object with deviceName, or one with fileName, text and sensitivityDbfs',
  ),
);

const recordingIdsSchema = v.pipe(
  v.array(idSchema, 'must be an array of recording ids'),
  v.minLength(1, 'must name at least one recording'),
  v.maxLength(MAX_BASELINE_RECORDINGS, `must name at most ${MAX_BASELINE_RECORDINGS} recordings`),
  v.check((ids) => new Set(ids).size === ids.length, 'must not name a recording twice'),
);

const diagnosisIdsSchema = v.pipe(
  v.array(idSchema, 'must be an array of diagnosis ids'),
  v.minLength(1, 'must name at least one diagnosis'),
  v.maxLength(1000, 'must name at most 1000 diagnoses'),
  v.check((ids) => new Set(ids).size === ids.length, 'must not name a diagnosis twice'),
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

/** Connecting to a hub: its URL, who signs in, and (for people of several plants) the plant. */
const hubConnectSchema = v.strictObject(
  {
    url: v.pipe(
      v.string('must be a string'),
      v.trim(),
      v.maxLength(2000, 'must be at most 2000 characters'),
      v.regex(/^https?:\/\/\S+$/i, 'must be a URL starting with http:// or https://'),
    ),
    name: personSchema(false),
    password: v.pipe(
      v.string('must be a string'),
      v.minLength(1, 'must not be empty'),
      v.maxLength(1000, 'must be at most 1000 characters'),
    ),
    plantId: v.optional(
      v.pipe(v.string('must be a string'), v.minLength(1), v.maxLength(200, 'is too long')),
    ),
  },
  'must be an object with url, name, password and perhaps plantId',
);

/** What a printed report is asked for with; fields other than these are refused. */
const reportOptionsSchema = v.strictObject(
  {
    language: v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`),
    paper: v.picklist(PAPER_SIZES, `must be one of ${PAPER_SIZES.join(', ')}`),
  },
  'must be an object with language and paper',
);

const instantSchema = v.nullable(
  v.pipe(v.number('must be a number'), v.finite('must be a time in ms since the epoch')),
);

/** The Fault log screen's filters (shared/faultLog/filter.ts), every field given. */
const faultLogFiltersSchema = v.strictObject(
  {
    machineId: v.nullable(idSchema),
    causeId: v.nullable(v.picklist(CAUSE_IDS, 'must be a cause id')),
    status: v.nullable(faultStatusSchema),
    severity: v.nullable(v.picklist(SEVERITIES, 'must be a severity')),
    fromMs: instantSchema,
    untilMs: instantSchema,
    text: v.pipe(v.string('must be a string'), v.maxLength(MAX_FAULT_NOTE_LENGTH, 'is too long')),
    showArchived: v.boolean('must be true or false'),
  },
  'must be an object with machineId, causeId, status, severity, fromMs, untilMs, text and showArchived',
);

/** A page of a long list; the cursor is opaque here and checked where it is read. */
const pageFields = {
  limit: wholeNumberSchema(1, MAX_PAGE_ITEMS, 'items'),
  cursor: v.nullable(v.pipe(v.string('must be a string'), v.maxLength(1000, 'is too long'))),
};
const pageRequestSchema = v.strictObject(pageFields, 'must be an object with limit and cursor');

const faultLogPageSchema = v.strictObject(
  { ...pageFields, filters: faultLogFiltersSchema },
  'must be an object with limit, cursor and filters',
);

function textSchema(maxLength: number) {
  return v.pipe(
    v.string('must be a string'),
    v.trim(),
    v.maxLength(maxLength, `must be at most ${maxLength} characters`),
  );
}

/**
 * An expert's verdict, every field given: a correction names a cause, and 'other' comes with
 * words (which no other cause has).
 */
const verdictSchema = v.pipe(
  v.strictObject(
    {
      decision: v.picklist(VERDICT_DECISIONS, `must be one of ${VERDICT_DECISIONS.join(', ')}`),
      causeId: v.nullable(v.picklist(VERDICT_CAUSES, "must be a cause id or 'other'")),
      otherCause: textSchema(MAX_OTHER_CAUSE_LENGTH),
      componentId: v.nullable(
        v.pipe(
          v.string('must be a string'),
          v.maxLength(MAX_VERDICT_COMPONENT_LENGTH, 'is too long'),
        ),
      ),
      severity: v.nullable(v.picklist(SEVERITIES, 'must be a severity')),
      action: textSchema(MAX_VERDICT_TEXT_LENGTH),
      comment: textSchema(MAX_VERDICT_TEXT_LENGTH),
      expertName: personSchema(false),
    },
    'must be an object with decision, causeId, otherCause, componentId, severity, action, comment and expertName',
  ),
  v.check(
    (verdict) => verdict.decision === 'confirm' || verdict.causeId !== null,
    'must name a cause when it corrects the diagnosis',
  ),
  v.check(
    (verdict) => (verdict.causeId === 'other') === (verdict.otherCause !== ''),
    "must give the cause in words with 'other', and only then",
  ),
);

/** A method taking JSON arguments and answering JSON. */
function json<Args extends readonly unknown[]>(args: ArgumentSpecs<Args>): MethodSpec<Args> {
  return { args, binaryArgument: false, binaryResult: false, maxBodyBytes: MAX_JSON_BODY_BYTES };
}

/** A method whose last argument is binary (the body), the others JSON (a header). */
function binaryArgument<Args extends readonly unknown[]>(
  args: ArgumentSpecs<Args>,
): MethodSpec<Args> {
  return { args, binaryArgument: true, binaryResult: false, maxBodyBytes: MAX_BINARY_BODY_BYTES };
}

const id = (name: string): ArgumentSpec<string> => [name, idSchema];

export const METHOD_TABLE: MethodTable = {
  machines: {
    list: json([]),
    get: json([id('machineId')]),
    create: json([['profile', v.unknown()]]),
    update: json([id('machineId'), ['profile', v.unknown()]]),
    trend: json([id('machineId')]),
  },
  recordings: {
    list: json([id('machineId')]),
    verdicts: json([id('machineId')]),
    beginImport: {
      ...json([
        id('machineId'),
        ['fileName', fileNameSchema],
        ['sizeBytes', sizeSchema],
        ['browserDecoded', browserDecodedSchema],
      ]),
      optionalArgs: 1,
    },
    appendImport: binaryArgument([id('importId'), ['chunk', chunkSchema]]),
    finishImport: json([id('importId')]),
    cancelImport: json([id('importId')]),
    audio: { ...json([id('recordingId')]), binaryResult: true },
    audioUrl: json([id('recordingId')]),
    setCalibration: {
      ...json([id('recordingId'), ['source', calibrationSourceSchema]]),
      // A file of MAX_CALIBRATION_CHARS, its tabs and line breaks escaped in JSON.
      maxBodyBytes: 4 * MAX_JSON_BODY_BYTES,
    },
  },
  sessions: {
    start: {
      ...json([
        id('machineId'),
        [
          'sampleRateHz',
          wholeNumberSchema(MIN_SESSION_SAMPLE_RATE_HZ, MAX_SESSION_SAMPLE_RATE_HZ, 'hertz'),
        ],
        ['deviceName', v.optional(deviceNameSchema)],
      ]),
      optionalArgs: 1,
    },
    append: binaryArgument([id('sessionId'), ['chunk', sessionChunkSchema]]),
    stop: json([id('sessionId')]),
  },
  review: {
    selection: json([
      id('recordingId'),
      ['startSeconds', secondsSchema],
      ['endSeconds', secondsSchema],
    ]),
    spectrogram: json([
      id('recordingId'),
      ['columns', wholeNumberSchema(1, MAX_SPECTROGRAM_COLUMNS, 'columns')],
    ]),
    peaks: json([id('recordingId'), ['count', wholeNumberSchema(1, MAX_PEAK_BUCKETS, 'buckets')]]),
    queue: json([['request', pageRequestSchema]]),
  },
  faultLog: {
    list: json([]),
    page: json([['request', faultLogPageSchema]]),
    add: json([id('diagnosisId'), ['note', noteSchema], ['recordedBy', personSchema(true)]]),
    transition: json([
      id('entryId'),
      ['toStatus', faultStatusSchema],
      ['change', faultLogChangeSchema],
    ]),
    setArchived: json([
      id('entryId'),
      ['archived', v.boolean('must be true or false')],
      ['by', personSchema(false)],
    ]),
    history: json([id('entryId')]),
    get: json([id('entryId')]),
  },
  verdicts: {
    record: json([id('diagnosisId'), ['verdict', verdictSchema]]),
    list: json([id('diagnosisId')]),
    listByMachine: json([id('machineId')]),
  },
  bundles: {
    beginOpen: json([
      ['fileName', fileNameSchema],
      ['sizeBytes', sizeSchema],
    ]),
    appendOpen: binaryArgument([id('uploadId'), ['chunk', chunkSchema]]),
    finishOpen: json([id('uploadId')]),
    cancelOpen: json([id('uploadId')]),
    reviews: json([]),
    adopt: json([id('machineId')]),
    pack: json([
      ['recordingIds', recordingIdsSchema],
      ['senderName', personSchema(true)],
    ]),
    reply: json([
      ['diagnosisIds', diagnosisIdsSchema],
      ['senderName', personSchema(true)],
    ]),
  },
  baselines: {
    build: json([id('machineId'), ['recordingIds', recordingIdsSchema]]),
    job: json([id('jobId')]),
    spectrum: json([id('machineId')]),
  },
  diagnoses: {
    run: json([id('recordingId')]),
    list: json([id('recordingId')]),
    save: json([id('recordingId'), ['startSeconds', secondsSchema], ['endSeconds', secondsSchema]]),
  },
  settings: {
    get: json([]),
    set: json([['settings', settingsSchema]]),
    micCalibration: json([['deviceName', deviceNameSchema]]),
    micCalibrations: json([]),
    setMicCalibration: {
      ...json([
        ['deviceName', deviceNameSchema],
        ['fileName', fileNameSchema],
        ['text', calibrationTextSchema],
        ['sensitivityDbfs', sensitivitySchema],
      ]),
      // A file of MAX_CALIBRATION_CHARS, its tabs and line breaks escaped in JSON.
      maxBodyBytes: 4 * MAX_JSON_BODY_BYTES,
    },
    removeMicCalibration: json([['deviceName', deviceNameSchema]]),
  },
  reports: {
    diagnosis: {
      ...json([id('diagnosisId'), ['options', reportOptionsSchema]]),
      binaryResult: true,
    },
    faultLog: {
      ...json([
        ['filters', faultLogFiltersSchema],
        ['options', reportOptionsSchema],
      ]),
      binaryResult: true,
    },
    faultLogCsv: {
      ...json([
        ['filters', faultLogFiltersSchema],
        ['language', v.picklist(LANGUAGES, `must be one of ${LANGUAGES.join(', ')}`)],
      ]),
      binaryResult: true,
    },
  },
  hubLink: {
    status: json([]),
    connect: json([['link', hubConnectSchema]]),
    disconnect: json([]),
    syncNow: json([]),
  },
};

/** Every method's name, in the table's order. */
export const API_METHODS: readonly ApiMethod[] = Object.entries(METHOD_TABLE).flatMap(
  ([domain, verbs]) => Object.keys(verbs as object).map((verb) => `${domain}.${verb}` as ApiMethod),
);

/** The table's row of `method`. */
export function methodSpec(method: ApiMethod): MethodSpec {
  const [domain, verb] = method.split('.') as [Domain, string];
  return (METHOD_TABLE[domain] as unknown as Record<string, MethodSpec>)[verb];
}

/** Methods whose last argument, or result, is binary (ArrayBuffer). */
export const BINARY_ARGUMENT_METHODS: readonly ApiMethod[] = API_METHODS.filter(
  (method) => methodSpec(method).binaryArgument,
);
export const BINARY_RESULT_METHODS: readonly ApiMethod[] = API_METHODS.filter(
  (method) => methodSpec(method).binaryResult,
);

/** Builds an AuscultApi from a function that performs one call, for clients of either host. */
export function apiFromCall(
  call: (method: ApiMethod, args: unknown[]) => Promise<unknown>,
): AuscultApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const [domain, verb] = method.split('.');
    api[domain] ??= {};
    api[domain][verb] = (...args: unknown[]) => call(method, args);
  }
  return api as unknown as AuscultApi;
}
