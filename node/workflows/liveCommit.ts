/**
 * Turning a partial recording (`<capture folder>/<id>.partial`) into a library recording:
 * repair the header if a crash left it stale, place it (placeRecording: into the audio store,
 * then listed), remove the sidecar. Used by a session's Stop and by recovery at the next start.
 * Each step leaves a state the next recovery completes: with the folder audio store the audio
 * is `<id>.wav` beside the sidecar after the move, which recovery lists (see recovery.ts); the
 * row is only ever written for audio in place.
 */
import { rm } from 'node:fs/promises';
import type { RecordingOrigin, RecordingSummary } from '../../shared/api/contract.ts';
import { openWavFile } from '../audio/openWavFile.ts';
import { repairWavFile } from '../audio/wavFileRepair.ts';
import type { LibraryContext } from './context.ts';
import { partialPath, removeSidecar } from './partialFiles.ts';
import { placeRecording } from './placeRecording.ts';

export interface PartialListing {
  readonly machineId: string;
  readonly name: string;
  readonly origin: RecordingOrigin;
  readonly createdAt: string;
}

async function frameCount(path: string): Promise<number> {
  const reader = await openWavFile(path);
  await reader.close();
  return reader.info.frameCount;
}

/**
 * Lists recording `id` whose audio is already in the audio store, unless a row exists; removes
 * the sidecar. Resolves to the summary, or null when the audio holds no frame (it is then
 * removed: nothing is lost).
 */
export async function listPlacedRecording(
  library: LibraryContext,
  id: string,
  listing: PartialListing,
): Promise<RecordingSummary | null> {
  if (await library.store.recordings.exists(id)) {
    await removeSidecar(library.captureFolder, id);
    return library.store.recordings.get(id);
  }
  const path = await library.audio.localPath(id);
  if ((await frameCount(path)) === 0) {
    await library.audio.remove(id);
    await removeSidecar(library.captureFolder, id);
    return null;
  }
  const summary = await placeRecording(library, {
    id,
    ...listing,
    path,
    check: 'header',
    removeOnFailure: false,
  });
  await removeSidecar(library.captureFolder, id);
  return summary;
}

/**
 * Makes `<id>.partial` a listed recording (see the file comment). The file must not be written
 * to any more. Resolves to the summary, or null when it held no audio (files removed). Rejects
 * with WavRepairError when the file cannot be repaired (it is left as it is).
 */
export async function commitPartialRecording(
  library: LibraryContext,
  id: string,
  listing: PartialListing,
): Promise<RecordingSummary | null> {
  const partial = partialPath(library.captureFolder, id);
  await repairWavFile(partial);
  if ((await frameCount(partial)) === 0) {
    await rm(partial, { force: true });
    await removeSidecar(library.captureFolder, id);
    return null;
  }
  const summary = await placeRecording(library, {
    id,
    ...listing,
    path: partial,
    check: 'header',
    removeOnFailure: false,
  });
  await removeSidecar(library.captureFolder, id);
  return summary;
}
