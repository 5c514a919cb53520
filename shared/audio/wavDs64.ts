/**
 * The ds64 chunk of RF64 (EBU Tech 3306) and BW64 (ITU-R BS.2088): 64-bit sizes for files over
 * 4 GiB, whose 32-bit size fields then hold 0xFFFFFFFF.
 *
 * Layout of the payload: riffSize u64, dataSize u64, sampleCount u64, tableLength u32, then
 * tableLength entries of { chunkId 4 bytes, chunkSize u64 } for other oversized chunks.
 */
import type { ByteSource } from './byteSource.ts';
import type { ChunkHeader, WavContainer } from './riffChunk.ts';
import { WavFormatError } from './wavErrors.ts';
import { readFourCc, readU32, readU64 } from './riffBytes.ts';

export interface Ds64 {
  readonly riffSizeBytes: number;
  readonly dataSizeBytes: number;
  readonly sampleCount: number;
  /** 64-bit sizes of chunks other than data, by chunk id. */
  readonly chunkSizes: ReadonlyMap<string, number>;
}

const DS64_FIXED_BYTES = 28;
const DS64_ENTRY_BYTES = 12;
/** Table entries read at most; real files carry none or one. */
const DS64_MAX_ENTRIES = 64;

/** Checks that `chunk` (the first chunk of an RF64/BW64 file) is a usable ds64 and reads it. */
export async function readDs64(
  source: ByteSource,
  chunk: ChunkHeader,
  container: WavContainer,
  warnings: string[],
): Promise<Ds64> {
  if (chunk.id !== 'ds64') {
    throw new WavFormatError(
      'missing-ds64',
      chunk.offsetBytes,
      `an ${container} file must start with a ds64 chunk, but its first chunk is "${chunk.id}"`,
    );
  }
  if (chunk.sizeBytes < DS64_FIXED_BYTES) {
    throw new WavFormatError(
      'ds64-too-small',
      chunk.offsetBytes,
      `the ds64 chunk is ${chunk.sizeBytes} bytes long; it needs at least ${DS64_FIXED_BYTES}`,
    );
  }
  if (chunk.payloadOffsetBytes + chunk.sizeBytes > source.sizeBytes) {
    throw new WavFormatError(
      'truncated-chunk',
      chunk.offsetBytes,
      `the ds64 chunk declares ${chunk.sizeBytes} bytes but the file ends first`,
    );
  }
  const readLength = Math.min(
    chunk.sizeBytes,
    DS64_FIXED_BYTES + DS64_MAX_ENTRIES * DS64_ENTRY_BYTES,
  );
  const payload = await source.read(chunk.payloadOffsetBytes, readLength);
  const at = (fieldOffset: number, name: string): number => {
    const value = readU64(payload, fieldOffset);
    if (value === null) {
      throw new WavFormatError(
        'ds64-size-out-of-range',
        chunk.payloadOffsetBytes + fieldOffset,
        `the ds64 ${name} is beyond 2^53 bytes, larger than any real file`,
      );
    }
    return value;
  };
  const riffSizeBytes = at(0, 'RIFF size');
  const dataSizeBytes = at(8, 'data size');
  const sampleCount = at(16, 'sample count');
  const chunkSizes = new Map<string, number>();
  const tableLength = readU32(payload, 24);
  const entriesPresent = Math.floor((payload.length - DS64_FIXED_BYTES) / DS64_ENTRY_BYTES);
  if (tableLength > entriesPresent) {
    warnings.push(
      `the ds64 chunk lists ${tableLength} table entries but holds ${entriesPresent}; read those`,
    );
  }
  for (let i = 0; i < Math.min(tableLength, entriesPresent); i++) {
    const entryOffset = DS64_FIXED_BYTES + i * DS64_ENTRY_BYTES;
    chunkSizes.set(readFourCc(payload, entryOffset), at(entryOffset + 4, 'table entry size'));
  }
  return { riffSizeBytes, dataSizeBytes, sampleCount, chunkSizes };
}
