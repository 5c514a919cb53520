/**
 * The one way a recording enters a library: imports, live recordings, recovery, the demo (and
 * later phone formats, bundles and sync) all end here. The audio goes into the audio store
 * first and the row is written only once it is there, so a listed recording always has its
 * audio; a failure leaves neither.
 */
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import type {
  OriginalFormat,
  RecordingCodec,
  RecordingOrigin,
  RecordingSummary,
} from '../../shared/api/contract.ts';
import { wavWarnings } from '../../shared/api/recordingNotices.ts';
import type { LibraryStore } from '../store/types.ts';
import type { LibraryContext } from './context.ts';
import { checkWavFile } from './wavCheck.ts';

export interface PlaceRequest {
  /** The recording's id; default a new one. */
  readonly id?: string;
  readonly machineId: string;
  /** The name the user sees. */
  readonly name: string;
  readonly origin: RecordingOrigin;
  /** ISO 8601; default now. */
  readonly createdAt?: string;
  /** A complete WAV file on local disk; it is taken (moved into the audio store). */
  readonly path: string;
  /**
   * 'decode' (default) decodes every frame (a NaN sample is only found by reading it): for
   * files from outside. 'header' reads only the header: for audio this app wrote and checked
   * as it arrived (live recordings), which may be hours long.
   */
  readonly check?: 'decode' | 'header';
  /**
   * Whether the audio leaves the store again when the row cannot be written (default true):
   * right for a copy whose original is elsewhere (an import). A live recording's audio exists
   * nowhere else, so it stays in place for a later attempt or for recovery.
   */
  readonly removeOnFailure?: boolean;
  /**
   * The compressed file `path` was decoded from (a phone recording): it is taken into the audio
   * store too, as a second object, and the recording reports its codec.
   */
  readonly originalFile?: OriginalRequest;
  /** The microphone calibration it was recorded through (a live recording's input device). */
  readonly calibration?: StoredCalibration;
}

export interface OriginalRequest {
  /** The original file on local disk; it is taken (moved into the audio store). */
  readonly path: string;
  readonly format: OriginalFormat;
  readonly codec: RecordingCodec;
}

/** The audio-store key an original file is kept under: a new id, marked as an original. */
function originalKey(context: LibraryContext): string {
  return `${context.newId()}-original`;
}

/**
 * Checks the WAV at `request.path`, moves it into `context.audio` and lists it in `store`
 * (default the context's; pass a transaction's to place several at once). Resolves to the
 * listed recording. Rejects with InputError for a file that is not a usable WAV (the file is
 * left where it was), NotFoundError for an unknown machine (nothing is left in the store).
 */
export async function placeRecording(
  context: LibraryContext,
  request: PlaceRequest,
  store: LibraryStore = context.store,
): Promise<RecordingSummary> {
  const info = await checkWavFile(request.path, request.name, request.check);
  const id = request.id ?? context.newId();
  const sizeBytes = await context.audio.putFile(id, request.path);
  const removeOnFailure = request.removeOnFailure ?? true;
  let original: { key: string; sizeBytes: number } | null = null;
  if (request.originalFile) {
    const key = originalKey(context);
    try {
      original = { key, sizeBytes: await context.audio.putFile(key, request.originalFile.path) };
    } catch (error) {
      if (removeOnFailure) await context.audio.remove(id);
      throw error;
    }
  }
  const summary: RecordingSummary = {
    id,
    machineId: request.machineId,
    name: request.name,
    origin: request.origin,
    sampleRateHz: info.sampleRateHz,
    channelCount: info.channelCount,
    durationSeconds: info.durationSeconds,
    sizeBytes,
    createdAt: request.createdAt ?? context.now().toISOString(),
    warnings: wavWarnings(info),
    codec: request.originalFile?.codec ?? null,
    original:
      request.originalFile && original
        ? { format: request.originalFile.format, sizeBytes: original.sizeBytes }
        : null,
    ...(request.calibration ? { calibration: request.calibration } : {}),
  };
  try {
    await store.recordings.insert(summary, original?.key ?? null);
  } catch (error) {
    // No row points to it: a copy goes (an import's original is elsewhere, untouched).
    if (removeOnFailure) {
      await context.audio.remove(id);
      if (original) await context.audio.remove(original.key);
    }
    throw error;
  }
  return summary;
}
