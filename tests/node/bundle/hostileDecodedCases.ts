/**
 * Hostile bundles around a recording's decoded audio (manifest version 2: the library's WAV
 * carried beside an AAC original), each refused before anything is extracted or while its
 * entries stream. Part of HOSTILE_CASES (hostile.test.ts opens and unpacks each).
 */
import type { HostileCase } from './hostileBuilders.ts';
import { recordingBytes, sha256, zip } from './zipBuilder.ts';
import type { TestEntry } from './zipBuilder.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';

export const M4A_PATH = 'recordings/r1.m4a';
export const WAV_PATH = 'recordings/r1.wav';
const original = recordingBytes(2000, 7).fill(0x66, 0, 4);
const decoded = recordingBytes(9000, 8);

const ref = (file: string, data: Uint8Array) => ({
  file,
  sizeBytes: data.length,
  sha256: sha256(data),
});

/**
 * A version-2 manifest of one AAC recording `r1` whose original and WAV are `files` (path →
 * bytes; the original first), changed by `edit`.
 */
export function aacManifest(
  files: Readonly<Record<string, Uint8Array>>,
  edit: (recording: Record<string, unknown>) => Record<string, unknown> = (r) => r,
): Record<string, unknown> {
  const [[file, data], decodedFile] = Object.entries(files);
  const recording = {
    id: 'r1',
    name: 'memo.m4a',
    createdAt: '2026-01-02T03:04:05.000Z',
    durationSeconds: 4,
    ...ref(file, data),
    format: 'm4a',
    codec: { code: 'aac', bitrateKbps: 68, sampleRateHz: 44_100, channelCount: 1 },
    ...(decodedFile ? { decoded: ref(decodedFile[0], decodedFile[1]) } : {}),
    diagnoses: [],
    notes: [],
  };
  return {
    format: 'auscult-bundle',
    version: 2,
    kind: 'review',
    createdAt: '2026-01-02T03:04:05.000Z',
    sender: { name: 'Li Wei' },
    machine: { id: 'lathe', profile: simLatheProfileJson },
    baseline: null,
    recordings: [edit(recording)],
    entries: Object.entries(files).map(([path, bytes]) => ({
      path,
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
    })),
  };
}

/** The zip of `manifest` followed by `files`. */
export function aacBundle(manifest: unknown, files: Readonly<Record<string, Uint8Array>>) {
  const entries: TestEntry[] = [
    { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest), 'utf8') },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ];
  return zip(entries);
}

const files = { [M4A_PATH]: original, [WAV_PATH]: decoded };
const other = recordingBytes(9000, 9);

/** A case whose manifest (of the good files) is changed by `edit` and whose zip holds `zipped`. */
const aacCase = (
  title: string,
  code: HostileCase['code'],
  edit: (manifest: Record<string, unknown>) => unknown,
  zipped: Readonly<Record<string, Uint8Array>> = files,
): HostileCase => ({ title, code, bytes: () => aacBundle(edit(aacManifest(files)), zipped) });

type Manifest = Record<string, unknown> & { recordings: Record<string, unknown>[] };
type Entries = { path: string; sizeBytes: number; sha256: string }[];
const onRecording =
  (edit: (recording: Record<string, unknown>) => Record<string, unknown>) =>
  (manifest: Record<string, unknown>) => ({
    ...manifest,
    recordings: (manifest as Manifest).recordings.map(edit),
  });
const onEntries = (edit: (entries: Entries) => Entries) => (manifest: Record<string, unknown>) => ({
  ...manifest,
  entries: edit(manifest.entries as Entries),
});

export const DECODED_AUDIO_CASES: readonly HostileCase[] = [
  aacCase('decoded audio in a version 1 manifest', 'invalid-manifest', (m) => ({
    ...m,
    version: 1,
  })),
  aacCase(
    'decoded audio beside an MP3 original',
    'invalid-manifest',
    onRecording((r) => ({ ...r, codec: { ...(r.codec as object), code: 'mp3' } })),
  ),
  aacCase(
    'decoded audio of a recording without a codec',
    'invalid-manifest',
    onRecording((r) => ({ ...r, codec: null })),
  ),
  aacCase(
    'decoded audio under another name',
    'invalid-manifest',
    onRecording((r) => ({ ...r, decoded: { ...(r.decoded as object), file: M4A_PATH } })),
  ),
  aacCase(
    'decoded audio whose hash differs from its entry',
    'invalid-manifest',
    onRecording((r) => ({ ...r, decoded: { ...(r.decoded as object), sha256: sha256(other) } })),
  ),
  aacCase(
    'decoded audio not listed in entries',
    'invalid-manifest',
    onEntries((e) => e.filter((entry) => entry.path !== WAV_PATH)),
    { [M4A_PATH]: original },
  ),
  aacCase('a decoded WAV whose SHA-256 lies', 'hash-mismatch', () =>
    aacManifest({ [M4A_PATH]: original, [WAV_PATH]: other }),
  ),
  aacCase('a decoded WAV whose size lies', 'size-mismatch', () =>
    aacManifest({ [M4A_PATH]: original, [WAV_PATH]: decoded.subarray(0, 8000) }),
  ),
  aacCase('a decoded WAV in the zip but not in the manifest', 'entry-not-in-manifest', () =>
    aacManifest({ [M4A_PATH]: original }),
  ),
  aacCase('a decoded WAV in the manifest but not in the zip', 'entry-missing', (m) => m, {
    [M4A_PATH]: original,
  }),
];
