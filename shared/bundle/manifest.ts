/**
 * The manifest of a review bundle (docs/formats.md, "Review bundles"): `manifest.json`, the
 * bundle's first entry, says what the bundle holds, who sent it, and the size and SHA-256 of
 * every other entry. It is parsed here, checked against itself (each recording's file is one of
 * the entries with the same size and hash); the entries are checked against the zip in checks.ts.
 */
import * as v from 'valibot';
import { parseMachineProfile } from '../diagnosis/profile.ts';
import { BundleError } from './refusals.ts';

export const BUNDLE_FORMAT = 'auscult-bundle';
export const BUNDLE_VERSION = 1;
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
  version: v.literal(BUNDLE_VERSION),
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
export function checkKind(json: unknown): void {
  const root = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (root.format !== BUNDLE_FORMAT) throw invalid('format', `expected "${BUNDLE_FORMAT}"`);
  if (root.version !== BUNDLE_VERSION) {
    throw new BundleError('unknown-version', { version: String(root.version).slice(0, 40) });
  }
}

/** Each recording's file is `recordings/<id>.<format>`, listed in `entries` with its size and hash. */
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
    const entry = entries.get(recording.file);
    if (!entry) throw invalid(`${field}.file`, 'not listed in entries');
    if (entry.sizeBytes !== recording.sizeBytes || entry.sha256 !== recording.sha256) {
      throw invalid(`${field}.file`, 'its size or hash differs from its entry');
    }
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
