/**
 * Finding the chunks of a WAV file: the RIFF/RF64/BW64 header, the ds64 chunk, and a bounded walk
 * to the `fmt ` and `data` chunks. Reads only headers (a few bytes each), never the audio.
 *
 * Policy (see also wavReader.ts):
 * - The RIFF size field is not trusted (writers often get it wrong): chunks are walked up to the
 *   end of the source.
 * - Unknown chunks are skipped; an odd-sized chunk is followed by a pad byte. When the pad byte
 *   is missing (a common writer bug) and the next chunk id only makes sense one byte earlier, the
 *   walk takes it from there and records a warning.
 * - The walk stops at the `data` chunk; `fmt ` must come before it, exactly once.
 */
import type { ByteSource } from './byteSource.ts';
import { WavFormatError } from './wavErrors.ts';
import { readDs64 } from './wavDs64.ts';
import type { Ds64 } from './wavDs64.ts';
import { describeFourCc, isChunkId, readFourCc, readU32 } from './riffBytes.ts';

export type { ChunkHeader, WavContainer } from './riffChunk.ts';
import type { ChunkHeader, WavContainer } from './riffChunk.ts';

export interface WavLayout {
  readonly container: WavContainer;
  readonly fmtChunk: ChunkHeader;
  /** The first bytes of the fmt payload (at most `FMT_READ_LIMIT_BYTES`). */
  readonly fmtPayload: Uint8Array;
  readonly dataChunk: ChunkHeader;
  readonly ds64: Ds64 | null;
  readonly warnings: readonly string[];
}

/** The walk gives up after this many chunks before `data`; real files have fewer than ten. */
export const MAX_CHUNKS_BEFORE_DATA = 10_000;
/** WAVE_FORMAT_EXTENSIBLE needs 40 bytes; anything a fmt chunk carries beyond is not needed. */
export const FMT_READ_LIMIT_BYTES = 64;
const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

/** Reads the header and walks the chunks up to `data`. Throws `WavFormatError`. */
export async function readWavLayout(source: ByteSource): Promise<WavLayout> {
  const container = await readRiffHeader(source);
  const warnings: string[] = [];
  let ds64: Ds64 | null = null;
  let offset = RIFF_HEADER_BYTES;
  if (container !== 'RIFF') {
    const first = await readChunkHeader(source, offset, null);
    ds64 = await readDs64(source, first, container, warnings);
    offset = paddedEnd(first);
  }
  let fmt: { chunk: ChunkHeader; payload: Uint8Array } | null = null;
  let previousWasOdd = false;
  for (let count = 0; offset < source.sizeBytes; count++) {
    if (count >= MAX_CHUNKS_BEFORE_DATA) {
      throw new WavFormatError(
        'too-many-chunks',
        offset,
        `more than ${MAX_CHUNKS_BEFORE_DATA} chunks before the audio; this is not a real WAV file`,
      );
    }
    const chunk: ChunkHeader = previousWasOdd
      ? await readChunkHeaderAfterOddChunk(source, offset, ds64, warnings)
      : await readChunkHeader(source, offset, ds64);
    if (chunk.id === 'data') {
      if (fmt === null) {
        throw new WavFormatError(
          'data-before-fmt',
          chunk.offsetBytes,
          'the data chunk comes before any fmt chunk, so its samples cannot be interpreted',
        );
      }
      return {
        container,
        fmtChunk: fmt.chunk,
        fmtPayload: fmt.payload,
        dataChunk: chunk,
        ds64,
        warnings,
      };
    }
    requireWithinSource(source, chunk);
    if (chunk.id === 'fmt ') {
      if (fmt !== null) {
        throw new WavFormatError(
          'duplicate-fmt',
          chunk.offsetBytes,
          `a second fmt chunk (the first is at byte ${fmt.chunk.offsetBytes})`,
        );
      }
      const length = Math.min(chunk.sizeBytes, FMT_READ_LIMIT_BYTES);
      fmt = { chunk, payload: await source.read(chunk.payloadOffsetBytes, length) };
    }
    previousWasOdd = chunk.sizeBytes % 2 === 1;
    offset = paddedEnd(chunk);
  }
  if (fmt === null) {
    throw new WavFormatError('missing-fmt', source.sizeBytes, 'no fmt chunk in the file');
  }
  throw new WavFormatError(
    'missing-data',
    source.sizeBytes,
    'no data chunk in the file: it holds no audio',
  );
}

/** Where the next chunk starts: after the payload and its pad byte when the size is odd. */
export function paddedEnd(chunk: ChunkHeader): number {
  return chunk.payloadOffsetBytes + chunk.sizeBytes + (chunk.sizeBytes % 2);
}

/** Reads the 8-byte chunk header at `offsetBytes`, resolving RF64 sizes through `ds64`. */
export async function readChunkHeader(
  source: ByteSource,
  offsetBytes: number,
  ds64: Ds64 | null,
): Promise<ChunkHeader> {
  const bytes = await source.read(offsetBytes, CHUNK_HEADER_BYTES);
  if (bytes.length < CHUNK_HEADER_BYTES) {
    throw new WavFormatError(
      'truncated-chunk-header',
      offsetBytes,
      `the file ends ${bytes.length} bytes into an 8-byte chunk header`,
    );
  }
  if (!isChunkId(bytes, 0)) {
    throw new WavFormatError(
      'invalid-chunk-id',
      offsetBytes,
      `expected a chunk id (four printable characters) but found ${describeFourCc(bytes, 0)}`,
    );
  }
  const id = readFourCc(bytes, 0);
  const sizeField = readU32(bytes, 4);
  let sizeBytes = sizeField;
  if (ds64 !== null && sizeField === 0xffffffff) {
    sizeBytes = id === 'data' ? ds64.dataSizeBytes : (ds64.chunkSizes.get(id) ?? sizeField);
  }
  return { id, offsetBytes, payloadOffsetBytes: offsetBytes + 8, sizeBytes, sizeField };
}

/**
 * After an odd-sized chunk the next header sits one byte later (the pad byte). Some writers omit
 * the pad: when the padded position holds no chunk id but the unpadded one does, use that.
 */
async function readChunkHeaderAfterOddChunk(
  source: ByteSource,
  paddedOffset: number,
  ds64: Ds64 | null,
  warnings: string[],
): Promise<ChunkHeader> {
  try {
    return await readChunkHeader(source, paddedOffset, ds64);
  } catch (error) {
    if (!(error instanceof WavFormatError)) throw error;
    const unpadded = await readChunkHeader(source, paddedOffset - 1, ds64).catch(() => null);
    if (unpadded === null) throw error;
    warnings.push(
      `the chunk before byte ${paddedOffset - 1} has an odd size but no pad byte; read on without it`,
    );
    return unpadded;
  }
}

function requireWithinSource(source: ByteSource, chunk: ChunkHeader): void {
  const endBytes = chunk.payloadOffsetBytes + chunk.sizeBytes;
  if (endBytes > source.sizeBytes) {
    throw new WavFormatError(
      'truncated-chunk',
      chunk.offsetBytes,
      `the "${chunk.id}" chunk declares ${chunk.sizeBytes} bytes, which would end at byte ` +
        `${endBytes}, but the file has only ${source.sizeBytes}`,
    );
  }
}

/** Reads and checks the 12-byte RIFF header; returns the container kind. */
export async function readRiffHeader(source: ByteSource): Promise<WavContainer> {
  if (source.sizeBytes === 0) {
    throw new WavFormatError('empty-file', 0, 'the file is empty (0 bytes)');
  }
  const head = await source.read(0, RIFF_HEADER_BYTES);
  const magics = ['RIFF', 'RF64', 'BW64', 'RIFX'];
  if (head.length < 4 && magics.some((m) => m.startsWith(String.fromCharCode(...head)))) {
    throw truncatedHeader(head.length);
  }
  const magic = head.length >= 4 ? readFourCc(head, 0) : '';
  if (magic === 'RIFX') {
    throw new WavFormatError(
      'big-endian',
      0,
      'a big-endian RIFX file; only little-endian RIFF/RF64/BW64 WAV files are supported',
    );
  }
  if (magic !== 'RIFF' && magic !== 'RF64' && magic !== 'BW64') {
    throw new WavFormatError('not-riff', 0, `not a WAV file: ${describeForeignFile(head)}`);
  }
  if (head.length < RIFF_HEADER_BYTES) throw truncatedHeader(head.length);
  if (readFourCc(head, 8) !== 'WAVE') {
    throw new WavFormatError(
      'not-wave',
      8,
      `a ${magic} file of form ${describeFourCc(head, 8)}, not "WAVE": it holds no WAV audio`,
    );
  }
  return magic;
}

function truncatedHeader(lengthBytes: number): WavFormatError {
  return new WavFormatError(
    'truncated-header',
    0,
    `the file is only ${lengthBytes} bytes long, shorter than the 12-byte RIFF header`,
  );
}

/** Names the common things users pass instead of a WAV file, from their first bytes. */
function describeForeignFile(head: Uint8Array): string {
  const magic = readFourCc(head, 0);
  if (magic === 'FORM') return 'it starts like an AIFF (or other IFF) file';
  if (magic === 'OggS') return 'it is an Ogg (Vorbis/Opus) file';
  if (magic === 'fLaC') return 'it is a FLAC file';
  if (magic === 'caff') return 'it is a Core Audio (CAF) file';
  if (head.length >= 8 && readFourCc(head, 4) === 'ftyp') return 'it is an MP4/M4A file';
  if (magic.startsWith('ID3') || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) {
    return 'it is an MP3 (MPEG audio) file';
  }
  const isText = head.every(
    (b) => (b >= 0x20 && b < 0x7f) || b === 0x09 || b === 0x0a || b === 0x0d,
  );
  if (isText) return 'it starts with text, not the "RIFF" signature';
  return `it starts with ${describeFourCc(head, 0)}, not the "RIFF" signature`;
}
