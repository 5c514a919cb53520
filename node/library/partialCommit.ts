/**
 * Turning a partial recording (`recordings/<id>.partial`) into a library recording: repair the
 * header if a crash left it stale, rename to `<id>.wav` (folder fsynced), insert the row, remove
 * the sidecar. Used by a session's Stop and by recovery at the next start. Each step leaves a
 * state the next recovery completes: a crash after the rename leaves `<id>.wav` and the sidecar,
 * which recovery lists (see recovery.ts); the row is only ever written for a file in place.
 */
import { rename, rm, stat } from 'node:fs/promises';
import type { RecordingOrigin, RecordingSummary } from '../../shared/api/contract.ts';
import { openWavFile } from '../audio/openWavFile.ts';
import { repairWavFile } from '../audio/wavFileRepair.ts';
import { syncFolder } from '../files/fsync.ts';
import type { Library } from './library.ts';
import { partialPath, removeSidecar } from './partialFiles.ts';
import { insertRecording } from './recordings.ts';

export interface PartialListing {
  readonly machineId: string;
  readonly name: string;
  readonly origin: RecordingOrigin;
  readonly createdAt: string;
}

/** True when the library already lists recording `id`. */
export function hasRecordingRow(library: Library, id: string): boolean {
  return library.db.prepare('SELECT 1 FROM recordings WHERE id = ?').get(id) !== undefined;
}

/** The summary of the WAV file at `path` (header only: the audio is not decoded). */
async function summaryOf(
  path: string,
  id: string,
  listing: PartialListing,
): Promise<RecordingSummary> {
  const reader = await openWavFile(path);
  await reader.close();
  const { info } = reader;
  return {
    id,
    machineId: listing.machineId,
    name: listing.name,
    origin: listing.origin,
    sampleRateHz: info.sampleRateHz,
    channelCount: info.channelCount,
    durationSeconds: info.durationSeconds,
    sizeBytes: (await stat(path)).size,
    createdAt: listing.createdAt,
  };
}

/**
 * Lists `<id>.wav`, already in place, unless a row exists; removes the sidecar. Resolves to the
 * summary, or null when the file holds no audio frame (it is then removed: nothing is lost).
 */
export async function listPlacedRecording(
  library: Library,
  id: string,
  listing: PartialListing,
): Promise<RecordingSummary | null> {
  const path = library.recordingPath(id);
  const summary = await summaryOf(path, id, listing);
  if (summary.durationSeconds === 0) {
    await rm(path, { force: true });
    await removeSidecar(library.recordingsFolder, id);
    return null;
  }
  if (!hasRecordingRow(library, id)) insertRecording(library, summary);
  await removeSidecar(library.recordingsFolder, id);
  return summary;
}

/**
 * Makes `<id>.partial` a listed recording (see the file comment). The file must not be written
 * to any more. Resolves to the summary, or null when it held no audio (files removed). Rejects
 * with WavRepairError when the file cannot be repaired (it is left as it is).
 */
export async function commitPartialRecording(
  library: Library,
  id: string,
  listing: PartialListing,
): Promise<RecordingSummary | null> {
  const partial = partialPath(library.recordingsFolder, id);
  await repairWavFile(partial);
  await rename(partial, library.recordingPath(id));
  await syncFolder(library.recordingsFolder);
  return listPlacedRecording(library, id, listing);
}
