/**
 * Streaming WAV writer on a file: `createWavWriter` (shared/audio/wavWriter.ts) over a
 * `createFileByteSink`. Each `flush()` leaves a valid WAV on disk, fsynced.
 */
import { checkWavWriterOptions, createWavWriter } from '../../shared/audio/wavWriter.ts';
import type { WavWriter, WavWriterOptions } from '../../shared/audio/wavWriter.ts';
import { createFileByteSink } from './fileByteSink.ts';

export interface WavFileWriterOptions extends WavWriterOptions {
  /** Replace an existing file. Default false: reject with EEXIST. */
  readonly overwrite?: boolean;
}

/**
 * Creates the WAV file at `path` with a valid 0-frame header and returns its writer. Options as
 * for `createWavWriter` (sampleRateHz, channelCount, encoding 'pcm16' by default, bufferBytes).
 * If the header cannot be written the file is closed and the error rethrown.
 */
export async function createWavFileWriter(
  path: string,
  options: WavFileWriterOptions,
): Promise<WavWriter> {
  checkWavWriterOptions(options); // before the file exists, so bad options leave no file
  const sink = await createFileByteSink(path, { overwrite: options.overwrite });
  try {
    return await createWavWriter(sink, options);
  } catch (error) {
    await sink.close().catch(() => undefined);
    throw error;
  }
}
