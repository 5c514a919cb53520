/**
 * Placing a recording whatever its format (docs/formats.md, "Recordings from phones"): the
 * content decides, never the name. A WAV file is placed as it is; a phone recording is decoded
 * into a WAV file at its own rate in the staging folder and placed with its original file
 * beside it; anything else is refused with a sentence saying what it is. A refusal leaves
 * nothing behind: no row, no audio, no staging file.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordingSummary } from '../../shared/api/contract.ts';
import { decodeToWavFile, sniffFile } from '../audio/decoders/decodeToWav.ts';
import { recordingInputError, unknownFormatError } from '../diagnosis/inputError.ts';
import { stagingFileName } from '../files/staging.ts';
import type { LibraryContext } from './context.ts';
import { placeRecording } from './placeRecording.ts';
import type { PlaceRequest } from './placeRecording.ts';

/**
 * Places the recording at `request.path` (see placeRecording) after decoding it when it is a
 * phone format. Rejects with InputError naming `request.name` for content that is not a
 * recording, a codec nothing here decodes, or a damaged file (the file is left where it was).
 */
export async function placeAnyRecording(
  library: LibraryContext,
  request: PlaceRequest,
): Promise<RecordingSummary> {
  const sniffed = await sniffFile(request.path).catch((error: unknown) => {
    throw recordingInputError(error, request.name);
  });
  if (sniffed.kind === 'other') throw unknownFormatError(sniffed.what, request.name);
  if (sniffed.container === 'wav') return placeRecording(library, request);
  const decodedPath = join(library.stagingFolder, stagingFileName(library.newId()));
  try {
    const decoded = await decodeToWavFile(request.path, decodedPath, sniffed.container);
    const originalFile = { path: request.path, format: decoded.format, codec: decoded.codec };
    return await placeRecording(library, { ...request, path: decodedPath, originalFile });
  } catch (error) {
    throw recordingInputError(error, request.name);
  } finally {
    // Gone into the audio store on success; a refused file's decoded audio goes here.
    await rm(decodedPath, { force: true });
  }
}
