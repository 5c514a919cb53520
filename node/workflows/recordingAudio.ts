/** A recording's WAV bytes, for playback and review in the page. */
import { InputError } from '../diagnosis/inputError.ts';
import type { LibraryContext } from './context.ts';

/** recordings.audio sends the whole file in one ArrayBuffer: 2 GiB at most. */
export const MAX_AUDIO_BYTES = 2 * 1024 ** 3;

/**
 * The WAV file of the recording, whole, in an ArrayBuffer of exactly its size. Rejects with
 * NotFoundError for an unknown recording, InputError when its file is missing from the library
 * folder or larger than MAX_AUDIO_BYTES.
 */
export async function readRecordingAudio(
  library: LibraryContext,
  recordingId: string,
): Promise<ArrayBuffer> {
  const recording = await library.store.recordings.get(recordingId);
  const size = await library.audio.size(recording.id);
  if (size === null) {
    throw new InputError(
      `the audio of recording "${recording.name}" is missing from the library folder`,
      'unreadable-file',
      { name: recording.name },
    );
  }
  if (size > MAX_AUDIO_BYTES) {
    throw new InputError(
      `recording "${recording.name}" is too large to send whole (${size} bytes)`,
    );
  }
  const bytes = await library.audio.read(recording.id, 0, size);
  // An ArrayBuffer of exactly the bytes read: no pooled slab behind it.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}
