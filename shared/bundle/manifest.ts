/**
 * The manifest of a review bundle (docs/formats.md, "Review bundles"): `manifest.json`, the
 * bundle's first entry, says what the bundle holds, who sent it, and the size and SHA-256 of
 * every other entry. It is parsed here, checked against itself (each recording's file is one of
 * the entries with the same size and hash); the entries are checked against the zip in checks.ts.
 */
import * as v from 'valibot';
import { storedCalibrationFromJson } from '../audio/calibration/storedCalibration.ts';
import type { StoredCalibration } from '../audio/calibration/storedCalibration.ts';
import { parseMachineProfile } from '../diagnosis/profile.ts';
import { BundleError } from './refusals.ts';

export const BUNDLE_FORMAT = 'auscult-bundle';
/** The version of a bundle that carries no decoded audio (every reply, most reviews). */
export const BUNDLE_VERSION = 1;
/**
 * Version 2 adds a recording's `decoded` audio, the library's WAV, carried beside an original
 * the host cannot decode (AAC). Written only when a recording needs it, so a bundle without
 * AAC still opens in an Auscult that reads version 1 only, and one with AAC is refused there as
 * a newer version rather than as an AAC file it cannot decode.
 */
export const DECODED_AUDIO_VERSION = 2;
/**
 * Version 3 adds a recording's microphone `calibration` (and may carry decoded audio as version
 * 2 does). Written only when a recording has one, so an Auscult that reads versions 1 and 2
 * refuses such a bundle as a newer version instead of opening it in dBFS, its calibration lost
 * or its field refused as unknown.
 */
export const CALIBRATION_VERSION = 3;
/** The versions a review bundle may be of; a reply is of version 1 only. */
export const REVIEW_VERSIONS: readonly unknown[] = [
  BUNDLE_VERSION,
  DECODED_AUDIO_VERSION,
  CALIBRATION_VERSION,
];
export const MANIFEST_PATH = 'manifest.json';
/** The formats a recording travels in: its original file's, or the library's WAV. */
export const BUNDLE_AUDIO_FORMATS = ['wav', 'm4a', '3gp', 'mp3', 'ogg', 'flac', 'amr', 'awb'];

export const SHA256 = v.pipe(
  v.string(),
  v.regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
);
export const SIZE = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xfffffffe));
export const TIME = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 time'));
export const ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'expected an id'));
export const TEXT = v.pipe(v.string(), v.maxLength(10_000));

const codecSchema = v.object({
  code: v.picklist(['aac', 'mp3', 'opus', 'vorbis', 'flac', 'amr-nb', 'amr-wb']),
  bitrateKbps: v.nullable(v.number()),
  sampleRateHz: v.number(),
  channelCount: v.number(),
});

const noteSchema = v.strictObject({
  createdAt: TIME,
  text: TEXT,
  causeId: v.nullable(v.string()),
  status: v.string(),
  recordedBy: TEXT,
});

const recordingSchema = v.strictObject({
  id: ID,
  name: v.pipe(v.string(), v.maxLength(1000)),
  createdAt: TIME,
  durationSeconds: v.pipe(v.number(), v.minValue(0)),
  file: v.string(),
  sizeBytes: SIZE,
  sha256: SHA256,
  format: v.picklist(BUNDLE_AUDIO_FORMATS),
  codec: v.nullable(codecSchema),
  // The library's WAV of an original the host cannot decode (version 2 on).
  decoded: v.optional(v.strictObject({ file: v.string(), sizeBytes: SIZE, sha256: SHA256 })),
  // The microphone calibration it was recorded through (version 3 on), as the library keeps it:
  // read again here, so what is opened holds the checked figures and nothing else.
  calibration: v.optional(
    v.pipe(
      v.unknown(),
      v.rawTransform(({ dataset, addIssue, NEVER }): StoredCalibration => {
        try {
          return storedCalibrationFromJson(dataset.value);
        } catch (error) {
          addIssue({ message: (error as Error).message });
          return NEVER;
        }
      }),
    ),
  ),
  // Stored diagnoses as the library keeps them; the app that opens a bundle checks them again.
  diagnoses: v.pipe(
    v.array(v.looseObject({ id: v.string(), report: v.unknown() })),
    v.maxLength(1000),
  ),
  notes: v.pipe(v.array(noteSchema), v.maxLength(1000)),
});

export const entrySchema = v.strictObject({ path: v.string(), sizeBytes: SIZE, sha256: SHA256 });

const manifestSchema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  version: v.picklist([BUNDLE_VERSION, DECODED_AUDIO_VERSION, CALIBRATION_VERSION]),
  // Absent in bundles written before reply bundles existed: a review bundle.
  kind: v.optional(v.literal('review')),
  createdAt: TIME,
  sender: v.strictObject({ name: v.pipe(v.string(), v.maxLength(200)) }),
  // The machine's id in the sender's library (absent in the first bundles written).
  machine: v.strictObject({ id: v.optional(ID), profile: v.unknown() }),
  baseline: v.nullable(v.looseObject({})),
  recordings: v.pipe(v.array(recordingSchema), v.minLength(1), v.maxLength(500)),
  entries: v.pipe(v.array(entrySchema), v.maxLength(1000)),
});

export type BundleManifest = v.InferOutput<typeof manifestSchema>;
export type BundleRecording = BundleManifest['recordings'][number];
export type BundleEntry = BundleManifest['entries'][number];
export type BundleNote = BundleRecording['notes'][number];

export const invalid = (field: string, problem: string) =>
  new BundleError('invalid-manifest', { field, problem });

/** The version first, so a newer bundle says so rather than failing on a field it added. */
export function checkKind(json: unknown, versions: readonly unknown[] = REVIEW_VERSIONS): void {
  const root = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (root.format !== BUNDLE_FORMAT) throw invalid('format', `expected "${BUNDLE_FORMAT}"`);
  if (!versions.includes(root.version)) {
    throw new BundleError('unknown-version', { version: String(root.version).slice(0, 40) });
  }
}

/** Whether a recording of `codec` carries its decoded audio: the host cannot decode AAC. */
export function carriesDecodedAudio(codec: { readonly code: string } | null): boolean {
  return codec?.code === 'aac';
}

type FileRef = Pick<BundleRecording, 'file' | 'sizeBytes' | 'sha256'>;

/** `ref.file` is listed in `entries` with the same size and hash. */
function checkListed(entries: ReadonlyMap<string, BundleEntry>, ref: FileRef, field: string) {
  const entry = entries.get(ref.file);
  if (!entry) throw invalid(field, 'not listed in entries');
  if (entry.sizeBytes !== ref.sizeBytes || entry.sha256 !== ref.sha256) {
    throw invalid(field, 'its size or hash differs from its entry');
  }
}

/** A recording's decoded audio: version 2 on, an AAC original only, `recordings/<id>.wav`. */
function checkDecoded(manifest: BundleManifest, recording: BundleRecording, field: string) {
  const { decoded } = recording;
  if (!decoded) return;
  if (manifest.version < DECODED_AUDIO_VERSION) {
    throw invalid(`${field}.decoded`, `decoded audio needs version ${DECODED_AUDIO_VERSION}`);
  }
  if (!carriesDecodedAudio(recording.codec) || recording.format === 'wav') {
    throw invalid(`${field}.decoded`, 'only an AAC original carries its decoded audio');
  }
  if (decoded.file !== `recordings/${recording.id}.wav`) {
    throw invalid(`${field}.decoded.file`, 'expected recordings/<id>.wav');
  }
}

/** A recording's calibration (read by the schema) needs version 3. */
function checkCalibration(manifest: BundleManifest, recording: BundleRecording, field: string) {
  if (recording.calibration !== undefined && manifest.version < CALIBRATION_VERSION) {
    throw invalid(`${field}.calibration`, `a calibration needs version ${CALIBRATION_VERSION}`);
  }
}

/**
 * Each recording's file is `recordings/<id>.<format>`, and its decoded audio (when carried)
 * `recordings/<id>.wav`, each listed in `entries` with its size and hash.
 */
function checkRecordings(manifest: BundleManifest): void {
  const entries = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  const ids = new Set<string>();
  manifest.recordings.forEach((recording, index) => {
    const field = `recordings[${index}]`;
    if (ids.has(recording.id)) throw invalid(`${field}.id`, 'the same id twice');
    ids.add(recording.id);
    if (recording.file !== `recordings/${recording.id}.${recording.format}`) {
      throw invalid(`${field}.file`, 'expected recordings/<id>.<format>');
    }
    checkListed(entries, recording, `${field}.file`);
    checkDecoded(manifest, recording, field);
    checkCalibration(manifest, recording, field);
    if (recording.decoded) checkListed(entries, recording.decoded, `${field}.decoded.file`);
  });
}

/** The manifest's JSON, or BundleError when it is not JSON. */
export function manifestJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BundleError('manifest-not-json');
  }
}

/** The review bundle's manifest in `text`, or BundleError saying what is wrong with it. */
export function parseBundleManifest(text: string): BundleManifest {
  return reviewManifest(manifestJson(text));
}

/** A review bundle's manifest from its JSON (see parseBundleManifest). */
export function reviewManifest(json: unknown): BundleManifest {
  checkKind(json);
  const result = v.safeParse(manifestSchema, json);
  if (!result.success) {
    const issue = result.issues[0];
    throw invalid(v.getDotPath(issue) ?? '(the root)', issue.message);
  }
  try {
    parseMachineProfile(result.output.machine.profile);
  } catch (error) {
    throw invalid('machine.profile', (error as Error).message);
  }
  checkRecordings(result.output);
  return result.output;
}
