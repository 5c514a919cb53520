/**
 * Where a page's media element streams a recording from (recordings.audioUrl): the web host
 * serves `/media/recordings/<id>.wav` with HTTP range requests, the desktop app the same path
 * on its own origin (`app://auscult/media/...`). Both hosts map the path back to an id with
 * `recordingIdFromMediaPath`, so the page never names a file.
 */
import { assertValidId } from '../store/ids.ts';

export const MEDIA_RECORDINGS_PATH = '/media/recordings/';
/** Every media path starts with this. */
export const MEDIA_PATH_PREFIX = '/media/';

/** `/media/recordings/<id>.wav`. Throws TypeError for an id that is not an id. */
export function recordingMediaPath(recordingId: string): string {
  assertValidId(recordingId, 'recordingId');
  return `${MEDIA_RECORDINGS_PATH}${recordingId}.wav`;
}

const MEDIA_PATH = /^\/media\/recordings\/([A-Za-z0-9_-]{1,64})\.wav$/;

/** The recording id a media path names, or null for any other path (nothing is decoded). */
export function recordingIdFromMediaPath(pathname: string): string | null {
  return MEDIA_PATH.exec(pathname)?.[1] ?? null;
}
