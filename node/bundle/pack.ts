/**
 * A review bundle of recordings of one machine from a library (docs/formats.md, "Review
 * bundles"): the machine's profile and current baseline, each recording in the format it arrived
 * in (its original file when one is kept, else the library's WAV), its diagnoses and the notes of
 * the fault-log entries made on it, the microphone calibration it was recorded through, and who
 * sent it. An AAC original, which no host can decode, travels with the library's WAV beside it.
 */
import type { BundleManifest, BundleNote } from '../../shared/bundle/manifest.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  CALIBRATION_VERSION,
  carriesDecodedAudio,
  DECODED_AUDIO_VERSION,
} from '../../shared/bundle/manifest.ts';
import type { RecordingSummary } from '../../shared/api/contract.ts';
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

/** The recording's files: its original (else its WAV), and its WAV beside an AAC original. */
async function audioFiles(
  source: PackSource,
  summary: RecordingSummary,
): Promise<{ format: BundleRecordingEntry['format']; files: BundleFileSource[] }> {
  const { store, audio } = source;
  const originalKey = await store.recordings.originalAudioKey(summary.id);
  const format = originalKey !== null && summary.original ? summary.original.format : 'wav';
  const file = async (path: string, sourcePath: string) => ({
    path,
    sourcePath,
    ...(await digestFile(sourcePath)),
  });
  const files = [
    await file(
      `recordings/${summary.id}.${format}`,
      await audio.localPath(originalKey ?? summary.id),
    ),
  ];
  if (format !== 'wav' && carriesDecodedAudio(summary.codec)) {
    files.push(await file(`recordings/${summary.id}.wav`, await audio.localPath(summary.id)));
  }
  return { format, files };
}

/** The notes of the fault-log entries made on the recording. */
async function recordingNotes(store: LibraryStore, summary: RecordingSummary) {
  const entries = await store.faultLog.listByMachine(summary.machineId);
  return entries
    .filter((entry) => entry.recordingId === summary.id)
    .map((entry): BundleNote => ({
      createdAt: entry.createdAt,
      text: entry.note,
      causeId: entry.causeId,
      status: entry.status,
      recordedBy: entry.recordedBy,
    }));
}

async function recordingEntry(
  source: PackSource,
  recordingId: string,
): Promise<{ recording: BundleRecordingEntry; files: BundleFileSource[]; machineId: string }> {
  const summary = await source.store.recordings.get(recordingId);
  const { format, files } = await audioFiles(source, summary);
  const [carried, decoded] = files;
  const recording: BundleRecordingEntry = {
    id: summary.id,
    name: summary.name,
    createdAt: summary.createdAt,
    durationSeconds: summary.durationSeconds,
    file: carried.path,
    sizeBytes: carried.sizeBytes,
    sha256: carried.sha256,
    format,
    codec: summary.codec ? { ...summary.codec } : null,
    ...(decoded
      ? { decoded: { file: decoded.path, sizeBytes: decoded.sizeBytes, sha256: decoded.sha256 } }
      : {}),
    ...(summary.calibration ? { calibration: summary.calibration } : {}),
    diagnoses: (await source.store.diagnoses.list(recordingId)).map((diagnosis) => ({
      ...diagnosis,
    })),
    notes: await recordingNotes(source.store, summary),
  };
  return { recording, files, machineId: summary.machineId };
}

/**
 * The lowest version that holds the recordings, so older apps still open every bundle that
 * needs nothing newer: 3 with a calibration, 2 with decoded audio, else 1.
 */
function bundleVersion(recordings: readonly BundleRecordingEntry[]): BundleManifest['version'] {
  if (recordings.some((recording) => recording.calibration)) return CALIBRATION_VERSION;
  if (recordings.some((recording) => recording.decoded)) return DECODED_AUDIO_VERSION;
  return BUNDLE_VERSION;
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
  const files = parts.flatMap((part) => part.files);
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: bundleVersion(parts.map((part) => part.recording)),
    kind: 'review',
    createdAt: source.now().toISOString(),
    sender: { name: request.senderName },
    machine: { id: machineId, profile: await source.store.machines.profile(machineId) },
    baseline: baseline ? { ...baseline.signature } : null,
    recordings: parts.map((part) => part.recording),
    entries: files.map((file) => ({
      path: file.path,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
    })),
  };
  const sizeBytes = await writeBundle(request.outPath, manifest, files);
  return { manifest, sizeBytes };
}
