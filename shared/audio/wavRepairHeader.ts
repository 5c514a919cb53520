/**
 * A lenient walk over the chunks before the data chunk, for repair. Unlike the reader it trusts
 * no size it does not need (RIFF and data sizes are exactly what is broken in a cut-off file),
 * and it records where the size fields sit so repair can patch them in place.
 */
import type { ByteSource } from './byteSource.ts';
import { readFourCc, readU16, readU32 } from './riffBytes.ts';

/** The file cannot be repaired; the message says why. Nothing was changed. */
export class WavRepairError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WavRepairError';
  }
}

export interface ScannedWavHeader {
  readonly riffSizeBytes: number;
  readonly formatTag: number;
  readonly channelCount: number;
  readonly sampleRateHz: number;
  readonly blockAlignBytes: number;
  /** Offset of the fact chunk's dwSampleLength, when a fact chunk precedes the data. */
  readonly factLengthOffsetBytes: number | undefined;
  readonly factLength: number;
  /** First byte of sample data; the data size field sits 4 bytes before. */
  readonly dataOffsetBytes: number;
  /** The data chunk's size field as found (may be stale, 0 or 0xFFFFFFFF). */
  readonly declaredDataBytes: number;
}

interface FmtFields {
  formatTag: number;
  channelCount: number;
  sampleRateHz: number;
  blockAlignBytes: number;
}

/** Uncompressed formats, where one frame is blockAlign bytes: PCM, float, A-law, µ-law, extensible. */
const FRAME_FORMATS = new Set([1, 3, 6, 7, 0xfffe]);
const MAX_CHUNKS = 10_000;

function parseFmt(body: Uint8Array): FmtFields {
  if (body.length < 16) {
    throw new WavRepairError(`the fmt chunk holds ${body.length} bytes, at least 16 are needed`);
  }
  const formatTag = readU16(body, 0);
  const channelCount = readU16(body, 2);
  const sampleRateHz = readU32(body, 4);
  const blockAlignBytes = readU16(body, 12);
  if (!FRAME_FORMATS.has(formatTag)) {
    throw new WavRepairError(
      `format tag ${formatTag} is compressed; only PCM and float are repaired`,
    );
  }
  if (channelCount === 0 || blockAlignBytes === 0) {
    throw new WavRepairError(
      `the fmt chunk gives ${channelCount} channels and ${blockAlignBytes}-byte frames`,
    );
  }
  return { formatTag, channelCount, sampleRateHz, blockAlignBytes };
}

/**
 * Walks RIFF/WAVE chunks up to the data chunk. Rejects with WavRepairError (nothing changed) for
 * a file that is not RIFF/WAVE, has no data chunk, or has no usable fmt chunk before it.
 */
export async function scanWavHeader(source: ByteSource): Promise<ScannedWavHeader> {
  const fileSize = source.sizeBytes;
  const riff = await source.read(0, 12);
  if (riff.length < 12 || readFourCc(riff, 0) !== 'RIFF' || readFourCc(riff, 8) !== 'WAVE') {
    throw new WavRepairError('the file does not start with a RIFF/WAVE header');
  }
  const riffSizeBytes = readU32(riff, 4);
  let fmt: FmtFields | undefined;
  let factLengthOffsetBytes: number | undefined;
  let factLength = 0;
  let offset = 12;
  for (let chunk = 0; chunk < MAX_CHUNKS; chunk++) {
    const chunkHeader = await source.read(offset, 8);
    if (chunkHeader.length < 8) break;
    const id = readFourCc(chunkHeader, 0);
    const size = readU32(chunkHeader, 4);
    const bodyOffset = offset + 8;
    if (id === 'data') {
      if (!fmt) throw new WavRepairError('the data chunk comes before any fmt chunk');
      return {
        riffSizeBytes,
        ...fmt,
        factLengthOffsetBytes,
        factLength,
        dataOffsetBytes: bodyOffset,
        declaredDataBytes: size,
      };
    }
    if (id === 'fmt ') fmt = parseFmt(await source.read(bodyOffset, Math.min(size, 40)));
    if (id === 'fact' && size >= 4 && bodyOffset + 4 <= fileSize) {
      factLengthOffsetBytes = bodyOffset;
      factLength = readU32(await source.read(bodyOffset, 4), 0);
    }
    offset = bodyOffset + size + (size % 2);
  }
  throw new WavRepairError(
    `no data chunk found${fmt ? '' : ' (nor a fmt chunk)'}: the file holds no audio to recover`,
  );
}
