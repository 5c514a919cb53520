/** Checking that a file is a WAV the whole app can use, before it enters the library. */
import { openWavFile } from '../audio/openWavFile.ts';
import type { WavInfo } from '../../shared/audio/wavReader.ts';
import { InputError, recordingInputError } from '../diagnosis/inputError.ts';

/** Frames decoded at a time while checking: 64k frames. */
const CHECK_BLOCK_FRAMES = 1 << 16;

/**
 * Opens the WAV file at `path` with the project's reader and, with `depth` 'decode' (default),
 * decodes every frame (a NaN or infinite float sample is only found by reading it); 'header'
 * reads only the header. Resolves to its info. Rejects with an InputError whose message names
 * `displayName` (never the temporary path) and gives the reader's own sentence, e.g. `cannot use
 * recording "a.wav": the file does not start with RIFF … (at byte 0)`; a WAV without a single
 * frame is refused too (reason 'no-audio').
 */
export async function checkWavFile(
  path: string,
  displayName: string,
  depth: 'decode' | 'header' = 'decode',
): Promise<WavInfo> {
  try {
    const reader = await openWavFile(path);
    try {
      if (reader.info.frameCount === 0) {
        throw new InputError(
          `cannot use recording "${displayName}": it holds no audio frames`,
          'no-audio',
          { name: displayName },
        );
      }
      if (depth === 'decode') {
        for await (const block of reader.blocks(CHECK_BLOCK_FRAMES)) void block;
      }
      return reader.info;
    } finally {
      await reader.close();
    }
  } catch (error) {
    throw recordingInputError(error, displayName);
  }
}

/**
 * The name a recording is shown under: the last part of `fileName` (whatever the page's OS used
 * as separator), without control characters, at most 255 characters; 'recording.wav' if empty.
 */
export function recordingDisplayName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 255) || 'recording.wav';
}
