/**
 * A recording the page decoded itself (an AAC file: no AAC decoder Auscult may ship runs in
 * Node, but the browser's does; docs/formats.md, "Recordings from phones"). The upload is the
 * page's WAV followed by the original M4A. The WAV is checked and placed as any WAV; the rest
 * must be an M4A holding AAC whose rate and length agree with the WAV, and is kept beside it as
 * the original. Any refusal leaves nothing behind.
 */
import { open, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserDecodedUpload, RecordingSummary } from '../../shared/api/contract.ts';
import { MIN_WAV_BYTES } from '../../shared/api/limits.ts';
import { isMp4Container, readAacTrack } from '../../shared/audio/compressed/aacTrack.ts';
import type { AacTrack } from '../../shared/audio/compressed/aacTrack.ts';
import type { WavInfo } from '../../shared/audio/wavReader.ts';
import { MAX_COMPRESSED_BYTES } from '../audio/decoders/decodeToWav.ts';
import { InputError, recordingInputError } from '../diagnosis/inputError.ts';
import { stagingFileName } from '../files/staging.ts';
import type { LibraryContext } from './context.ts';
import { placeRecording } from './placeRecording.ts';
import type { OriginalRequest, PlaceRequest } from './placeRecording.ts';
import { checkWavFile } from './wavCheck.ts';

/** AAC frames the decoded length may differ by: the encoder's priming frame and the padding. */
const AAC_TOLERANCE_FRAMES = 3;

function damagedUpload(name: string, detail: string): InputError {
  return new InputError(
    `cannot use recording "${name}": ${detail}; nothing was imported`,
    'damaged-audio',
    {
      name,
      format: 'M4A',
    },
  );
}

/**
 * Refuses, before any byte arrives, a split that leaves no room for a WAV header or for an
 * original after it, or an original larger than a compressed recording is read.
 */
export function checkBrowserDecodedSplit(
  name: string,
  sizeBytes: number,
  { wavBytes }: BrowserDecodedUpload,
): void {
  if (!Number.isSafeInteger(wavBytes) || wavBytes < MIN_WAV_BYTES || wavBytes >= sizeBytes) {
    throw new InputError(
      `"${name}" cannot be imported: its decoded audio is said to be ${wavBytes} of the ${sizeBytes} bytes, which leaves no WAV or no original file; nothing was imported`,
      'incomplete-import',
      { name },
    );
  }
  if (sizeBytes - wavBytes > MAX_COMPRESSED_BYTES) {
    const originalBytes = sizeBytes - wavBytes;
    throw new InputError(
      `"${name}" is too large to import: ${originalBytes} bytes, at most ${MAX_COMPRESSED_BYTES}`,
      'too-large',
      { name, sizeBytes: originalBytes, maxBytes: MAX_COMPRESSED_BYTES },
    );
  }
}

/** Moves the bytes of `path` from `wavBytes` on into a new file `originalPath`; returns them. */
async function splitOff(path: string, wavBytes: number, originalPath: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  let tail: Uint8Array;
  try {
    const { size } = await handle.stat();
    tail = new Uint8Array(size - wavBytes);
    for (let at = 0; at < tail.length;) {
      const { bytesRead } = await handle.read(tail, at, tail.length - at, wavBytes + at);
      if (bytesRead === 0) throw new Error(`${path} ended early`);
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
  const out = await open(originalPath, 'wx');
  try {
    await out.writeFile(tail);
    await out.sync();
  } finally {
    await out.close();
  }
  await truncate(path, wavBytes);
  return tail;
}

/** The original's AAC track, or the refusal of anything that is not an M4A holding AAC. */
export function originalTrack(bytes: Uint8Array, name: string): AacTrack {
  // The bytes are in memory already: no second read of the file to sniff it.
  if (!isMp4Container(bytes)) {
    throw damagedUpload(name, 'what follows its decoded audio is not an M4A file');
  }
  return readAacTrack(bytes);
}

/** The page's WAV must be the original's audio: the same rate, and its length within a frame. */
function checkAgreement(track: AacTrack, wav: WavInfo, name: string): void {
  // An SBR frame decodes to 2048 samples at twice the core rate: the same time as a core frame.
  const toleranceSeconds = (AAC_TOLERANCE_FRAMES * track.frameSamples) / track.sampleRateHz;
  const apartSeconds = Math.abs(wav.durationSeconds - track.durationSeconds);
  if (wav.sampleRateHz !== track.sampleRateHz || apartSeconds > toleranceSeconds) {
    throw damagedUpload(
      name,
      `its decoded audio (${wav.sampleRateHz} Hz, ${wav.durationSeconds.toFixed(3)} s) does not match the M4A file (${track.sampleRateHz} Hz, ${track.durationSeconds.toFixed(3)} s)`,
    );
  }
}

const kbps = (bytes: number, seconds: number) => Math.round((bytes * 8) / seconds / 1000);

/**
 * The M4A at `path` (`sizeBytes` long, its AAC `track`) to keep beside the decoded `wav`: its
 * rate must be the WAV's and its length within three AAC frames of it. Its codec is AAC at the
 * WAV's rate and channels, its bit rate the original's size over the WAV's length. Throws
 * InputError naming `name`.
 */
export function aacOriginal(
  track: AacTrack,
  sizeBytes: number,
  path: string,
  wav: WavInfo,
  name: string,
): OriginalRequest {
  checkAgreement(track, wav, name);
  const codec = {
    code: 'aac' as const,
    bitrateKbps: kbps(sizeBytes, wav.durationSeconds),
    sampleRateHz: wav.sampleRateHz,
    channelCount: wav.channelCount,
  };
  return { path, format: track.container, codec };
}

/**
 * Places the upload at `request.path` (the page's WAV, `wavBytes` long, then the original M4A):
 * the recording keeps the M4A as its original and reports AAC at its average bit rate (the
 * original's size over the WAV's duration). Rejects with InputError naming `request.name`.
 */
export async function placeBrowserDecoded(
  library: LibraryContext,
  request: PlaceRequest,
  wavBytes: number,
): Promise<RecordingSummary> {
  const originalPath = join(library.stagingFolder, stagingFileName(library.newId()));
  try {
    const original = await splitOff(request.path, wavBytes, originalPath);
    const track = originalTrack(original, request.name);
    const wav = await checkWavFile(request.path, request.name, 'header');
    const originalFile = aacOriginal(track, original.length, originalPath, wav, request.name);
    return await placeRecording(library, { ...request, originalFile });
  } catch (error) {
    throw recordingInputError(error, request.name);
  } finally {
    // Gone into the audio store on success; a refused upload's original goes here.
    await rm(originalPath, { force: true });
  }
}
