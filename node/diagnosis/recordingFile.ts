/**
 * A recording's WAV file opened for reading, with errors that name the file (InputError), and
 * the stretch type every reader of recordings takes. Kept apart from the feature extraction so
 * that the analysis pool's jobs can read recordings without importing the pool itself.
 */
import { stat } from 'node:fs/promises';
import { openWavFile } from '../audio/openWavFile.ts';
import type { WavFileReader } from '../audio/openWavFile.ts';
import { InputError, recordingInputError } from './inputError.ts';

/** Frames handed to the extractor at a time: 64k frames = 256 KiB of float32 per block. */
export const BLOCK_FRAMES = 1 << 16;

/** A stretch of a recording; by default the whole file. */
export interface FrameRange {
  /** First frame; default 0. */
  readonly startFrame?: number;
  /** Frames from startFrame; default: to the end of the file. */
  readonly frameCount?: number;
}

/**
 * Opens a WAV file as a recording. Rejects with InputError (naming the file) for a missing or
 * unreadable file, something that is not a file, or a malformed WAV.
 */
export async function openRecording(path: string): Promise<WavFileReader> {
  try {
    if (!(await stat(path)).isFile()) {
      throw new InputError(
        `cannot read recording "${path}": it is not a regular file`,
        'unreadable-file',
        {
          name: path,
        },
      );
    }
    return await openWavFile(path);
  } catch (error) {
    throw recordingInputError(error, path);
  }
}

/** Runs `work` on the opened recording, closes it, and names the file in any input error. */
export async function withRecording<T>(
  path: string,
  work: (reader: WavFileReader) => Promise<T>,
): Promise<T> {
  const reader = await openRecording(path);
  try {
    return await work(reader);
  } catch (error) {
    throw recordingInputError(error, path);
  } finally {
    await reader.close();
  }
}
