/**
 * Where the audio of a WAV file is, and how much of it can be read, when the data chunk's size
 * does not match the file.
 *
 * Decisions, for recordings cut off by a crash or a full disk:
 * - Size field 0xFFFFFFFF in a plain RIFF (what streaming writers put while the length is
 *   unknown), or 0 with audio bytes after it (a writer that never came back to fill it in): the
 *   audio runs to the end of the file. Warning.
 * - A size that runs past the end of the file: the whole frames that are there. Warning.
 * - A size that leaves bytes after the data chunk that are not a chunk: the declared size is
 *   honoured (the bytes may be anything) and a warning says they are there; recovering them is
 *   the repair tool's job, not the reader's guess.
 * - A partial trailing frame is dropped. Warning.
 */
import type { ByteSource } from './byteSource.ts';
import { isChunkId, readU32 } from './riffBytes.ts';
import { paddedEnd } from './wavHeader.ts';
import type { WavLayout } from './wavHeader.ts';

export interface DataExtent {
  readonly dataOffsetBytes: number;
  /** Bytes of whole frames that will be read (at most what the file holds). */
  readonly dataSizeBytes: number;
  readonly frameCount: number;
  /**
   * Frames the data chunk's header announces when the file ends before them (a recording cut
   * off), else null. Kept as a number so the library can tell the technician how much is missing.
   */
  readonly declaredFrameCount: number | null;
}

/** Resolves the readable extent of `layout.dataChunk`; appends any warnings to `warnings`. */
export async function resolveDataExtent(
  source: ByteSource,
  layout: WavLayout,
  blockAlignBytes: number,
  warnings: string[],
): Promise<DataExtent> {
  const chunk = layout.dataChunk;
  const availableBytes = source.sizeBytes - chunk.payloadOffsetBytes;
  let sizeBytes = chunk.sizeBytes;
  let declaredFrameCount: number | null = null;
  const unfinished =
    (layout.container === 'RIFF' && chunk.sizeField === 0xffffffff) ||
    (sizeBytes === 0 && availableBytes > 0 && !(await isChunkAt(source, chunk.payloadOffsetBytes)));
  if (unfinished) {
    warnings.push(
      `the data chunk's size is ${sizeBytes === 0 ? 0 : '0xFFFFFFFF'}, left by a writer that ` +
        `did not finish; read the ${availableBytes} bytes up to the end of the file`,
    );
    sizeBytes = availableBytes;
  } else if (sizeBytes > availableBytes) {
    warnings.push(
      `the data chunk declares ${sizeBytes} bytes but the file ends after ${availableBytes}: ` +
        'the recording was cut off; read the whole frames that are there',
    );
    declaredFrameCount = Math.floor(sizeBytes / blockAlignBytes);
    sizeBytes = availableBytes;
  } else {
    await warnAboutTrailingBytes(source, paddedEnd(chunk), warnings);
  }
  const frameCount = Math.floor(sizeBytes / blockAlignBytes);
  const partialBytes = sizeBytes - frameCount * blockAlignBytes;
  if (partialBytes > 0) {
    warnings.push(
      `dropped a partial frame of ${partialBytes} bytes (a frame is ${blockAlignBytes}) at the ` +
        'end of the data',
    );
  }
  return {
    dataOffsetBytes: chunk.payloadOffsetBytes,
    dataSizeBytes: frameCount * blockAlignBytes,
    frameCount,
    declaredFrameCount,
  };
}

/** True when a chunk header that fits in the source starts at `offsetBytes`. */
async function isChunkAt(source: ByteSource, offsetBytes: number): Promise<boolean> {
  const header = await source.read(offsetBytes, 8);
  return (
    header.length === 8 &&
    isChunkId(header, 0) &&
    offsetBytes + 8 + readU32(header, 4) <= source.sizeBytes
  );
}

async function warnAboutTrailingBytes(
  source: ByteSource,
  endBytes: number,
  warnings: string[],
): Promise<void> {
  if (endBytes >= source.sizeBytes || (await isChunkAt(source, endBytes))) return;
  warnings.push(
    `${source.sizeBytes - endBytes} bytes after the data chunk (from byte ${endBytes}) are not ` +
      'a chunk; if the recording stopped before its header was updated, repair it to recover them',
  );
}
