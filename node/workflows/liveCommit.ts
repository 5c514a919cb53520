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
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { NotFoundError } from '../store/errors.ts';
import { repairWavFile } from '../audio/wavFileRepair.ts';
import type { LibraryContext } from './context.ts';
import { partialPath, removeSidecar } from './partialFiles.ts';
import { placeRecording } from './placeRecording.ts';

export interface PartialListing {
  readonly machineId: string;
  readonly name: string;
  readonly origin: RecordingOrigin;
  readonly createdAt: string;
  /** The input device's microphone calibration at the session's start. */
  readonly calibration?: StoredCalibration;
}

/**
 * Places the live recording whose WAV is at `path` (this app wrote it and checked every chunk,
 * so the header is enough), then removes the sidecar. Audio without a single frame is removed
 * instead, and null returned: nothing is lost.
 */
async function placeLive(
  library: LibraryContext,
  id: string,
  listing: PartialListing,
  path: string,
  removeEmpty: () => Promise<void>,
): Promise<RecordingSummary | null> {
  let summary: RecordingSummary | null;
  try {
    summary = await placeRecording(library, {
      id,
      ...listing,
      path,
      check: 'header',
      removeOnFailure: false,
    });
  } catch (error) {
    if (!(error instanceof InputError && error.reason === 'no-audio')) throw error;
    await removeEmpty();
    summary = null;
  }
  await removeSidecar(library.captureFolder, id);
  return summary;
}

/**
 * Lists recording `id` whose audio is already in the audio store (a Stop or a crash got past
 * the move), unless a row exists; removes the sidecar. Resolves to the summary, or null when the
 * audio holds no frame (it is then removed).
 */
export async function listPlacedRecording(
  library: LibraryContext,
  id: string,
  listing: PartialListing,
): Promise<RecordingSummary | null> {
  const listed = await library.store.recordings.get(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (listed) {
    await removeSidecar(library.captureFolder, id);
    return listed;
  }
  const path = await library.audio.localPath(id);
  return placeLive(library, id, listing, path, () => library.audio.remove(id));
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
  return placeLive(library, id, listing, partial, () => rm(partial, { force: true }));
}
