/** A recording's WAV bytes, for playback and review in the page. */
import { open } from 'node:fs/promises';
import { InputError } from '../diagnosis/inputError.ts';
import type { Library } from './library.ts';
import { getRecording } from './recordings.ts';

/** recordings.audio sends the whole file in one ArrayBuffer: 2 GiB at most. */
export const MAX_AUDIO_BYTES = 2 * 1024 ** 3;

/**
 * The WAV file of the recording, whole, in an ArrayBuffer of exactly its size. Rejects with
 * NotFoundError for an unknown recording, InputError when its file is missing from the library
 * folder or larger than MAX_AUDIO_BYTES.
 */
export async function readRecordingAudio(
  library: Library,
  recordingId: string,
): Promise<ArrayBuffer> {
  const recording = getRecording(library, recordingId);
  const handle = await open(library.recordingPath(recording.id), 'r').catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    throw new InputError(
      `the audio of recording "${recording.name}" is missing from the library folder`,
      'unreadable-file',
      { name: recording.name },
    );
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_AUDIO_BYTES) {
      throw new InputError(
        `recording "${recording.name}" is too large to send whole (${size} bytes)`,
        'too-large',
        { name: recording.name, sizeBytes: size, maxBytes: MAX_AUDIO_BYTES },
      );
    }
    // Read into a buffer of exactly the file's size: no copy, no pooled slab behind it.
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return filled === size ? bytes.buffer : bytes.buffer.slice(0, filled);
  } finally {
    await handle.close();
  }
}
