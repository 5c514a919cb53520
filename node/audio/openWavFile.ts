/** Opening WAV files on disk with the block-wise reader of shared/audio/wavReader.ts. */
import { openWav } from '../../shared/audio/wavReader.ts';
import type { DecodedWav, ReadOptions, WavReader } from '../../shared/audio/wavReader.ts';
import { openFileByteSource } from './fileByteSource.ts';

export interface WavFileReader extends WavReader {
  readonly path: string;
  /** Closes the file. Call it when done (or use `await using`). */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Opens the WAV file at `path` and parses its header; the audio is read on demand through
 * `readFrames` and `blocks`. Rejects with `WavFormatError` for a malformed file (the file is
 * closed again) and with the fs error (ENOENT, EACCES, ...) when it cannot be opened.
 */
export async function openWavFile(path: string): Promise<WavFileReader> {
  const source = await openFileByteSource(path);
  let reader: WavReader;
  try {
    reader = await openWav(source);
  } catch (error) {
    await source.close();
    throw error;
  }
  return {
    path,
    info: reader.info,
    readFrames: (startFrame, frameCount, options) =>
      reader.readFrames(startFrame, frameCount, options),
    blocks: (framesPerBlock, options) => reader.blocks(framesPerBlock, options),
    close: () => source.close(),
    [Symbol.asyncDispose]: () => source.close(),
  };
}

/**
 * Reads a whole WAV file from disk to mono Float32 (see `decodeWav` for the rules); the output
 * takes 4 bytes per frame whatever the file's format.
 */
export async function decodeWavFile(path: string, options: ReadOptions = {}): Promise<DecodedWav> {
  const reader = await openWavFile(path);
  try {
    return {
      info: reader.info,
      samples: await reader.readFrames(0, reader.info.frameCount, options),
    };
  } finally {
    await reader.close();
  }
}
