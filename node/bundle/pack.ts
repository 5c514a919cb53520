/**
 * A review bundle of recordings of one machine from a library (docs/formats.md, "Review
 * bundles"): the machine's profile and current baseline, each recording in the format it arrived
 * in (its original file when one is kept, else the library's WAV), its diagnoses and the notes of
 * the fault-log entries made on it, and who sent it.
 */
import type { BundleManifest, BundleNote } from '../../shared/bundle/manifest.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../../shared/bundle/manifest.ts';
import type { AudioStore, LibraryStore } from '../store/types.ts';
import { digestFile, writeBundle } from './writer.ts';
import type { BundleFileSource } from './writer.ts';

export interface PackSource {
  readonly store: LibraryStore;
  readonly audio: Pick<AudioStore, 'localPath'>;
  readonly now: () => Date;
}

export interface PackRequest {
  readonly recordingIds: readonly string[];
  readonly senderName: string;
  readonly outPath: string;
}

/** Recordings of more than one machine in one bundle. */
export class MixedMachinesError extends Error {
  override readonly name = 'MixedMachinesError';
}

type BundleRecordingEntry = BundleManifest['recordings'][number];

async function recordingEntry(
  source: PackSource,
  recordingId: string,
): Promise<{ recording: BundleRecordingEntry; file: BundleFileSource; machineId: string }> {
  const { store, audio } = source;
  const summary = await store.recordings.get(recordingId);
  const originalKey = await store.recordings.originalAudioKey(recordingId);
  const format = originalKey !== null && summary.original ? summary.original.format : 'wav';
  const sourcePath = await audio.localPath(originalKey ?? recordingId);
  const digest = await digestFile(sourcePath);
  const path = `recordings/${summary.id}.${format}`;
  const entries = await store.faultLog.listByMachine(summary.machineId);
  const notes: BundleNote[] = entries
    .filter((entry) => entry.recordingId === recordingId)
    .map((entry) => ({
      createdAt: entry.createdAt,
      text: entry.note,
      causeId: entry.causeId,
      status: entry.status,
      recordedBy: entry.recordedBy,
    }));
  const recording: BundleRecordingEntry = {
    id: summary.id,
    name: summary.name,
    createdAt: summary.createdAt,
    durationSeconds: summary.durationSeconds,
    file: path,
    sizeBytes: digest.sizeBytes,
    sha256: digest.sha256,
    format,
    codec: summary.codec ? { ...summary.codec } : null,
    diagnoses: (await store.diagnoses.list(recordingId)).map((diagnosis) => ({ ...diagnosis })),
    notes,
  };
  return { recording, file: { path, sourcePath, ...digest }, machineId: summary.machineId };
}

/**
 * Writes the bundle of `request.recordingIds` to `request.outPath`. Rejects with NotFoundError for
 * an unknown recording, MixedMachinesError when they are not all of one machine.
 */
export async function packBundle(
  source: PackSource,
  request: PackRequest,
): Promise<{ manifest: BundleManifest; sizeBytes: number }> {
  const parts = [];
  for (const id of new Set(request.recordingIds)) parts.push(await recordingEntry(source, id));
  const machineId = parts[0].machineId;
  if (parts.some((part) => part.machineId !== machineId)) {
    throw new MixedMachinesError('the recordings of one bundle must all be of one machine');
  }
  const baseline = await source.store.baselines.current(machineId);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    kind: 'review',
    createdAt: source.now().toISOString(),
    sender: { name: request.senderName },
    machine: { id: machineId, profile: await source.store.machines.profile(machineId) },
    baseline: baseline ? { ...baseline.signature } : null,
    recordings: parts.map((part) => part.recording),
    entries: parts.map(({ file }) => ({
      path: file.path,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    })),
  };
  const files = parts.map((part) => part.file);
  const sizeBytes = await writeBundle(request.outPath, manifest, files);
  return { manifest, sizeBytes };
}
