/**
 * Repair of a cut-off WAV file: a recording whose writer died before its last header update
 * (the streaming writer killed between flushes, a full disk, a pulled cable, ffmpeg writing to a
 * pipe). The header's sizes are stale, zero or 0xFFFFFFFF, and the last frame may be partial.
 *
 * `planWavRepair` reads only the header and decides; it changes nothing. The caller applies the
 * plan: `applyWavRepair` in memory, `repairWavFile` (node/audio/wavFileRepair.ts) in place.
 *
 * Rules (the audio is never shortened by more than a partial frame):
 * - The data chunk "runs to the end" when its size is larger than the file, when nothing follows
 *   it, or when what follows is neither a chunk nor an ID3 tag (audio a writer appended without
 *   updating the header; see `looksLikeMetadata`). Then data size = the whole frames up to end of file,
 *   the partial last frame is cut, RIFF size = the new file size − 8, a fact chunk gets the new
 *   frame count, and an odd data size gets its pad byte.
 * - Otherwise the file ends in other chunks (LIST, id3 …): the data size stays; a RIFF size that
 *   claims more than the file holds is lowered to the file size − 8.
 * Known limit: a chunk cut off after the data, with a RIFF size that does not claim it, is taken
 * for audio (a few bytes of noise at the end rather than audio lost).
 */
import type { ByteSource } from './byteSource.ts';
import { isChunkId, readFourCc, readU32 } from './riffBytes.ts';
import { scanWavHeader, WavRepairError } from './wavRepairHeader.ts';
import type { ScannedWavHeader } from './wavRepairHeader.ts';

export { WavRepairError } from './wavRepairHeader.ts';

/** Bytes to write at an offset: one 32-bit size field of the header. */
export interface WavPatch {
  readonly offsetBytes: number;
  readonly bytes: Uint8Array;
}

export interface WavRepairPlan {
  /** False when the file is valid as it is (no patches, no size change). */
  readonly changed: boolean;
  readonly sampleRateHz: number;
  readonly channelCount: number;
  /** Whole frames of audio in the repaired file. */
  readonly frameCount: number;
  readonly dataOffsetBytes: number;
  readonly dataSizeBytes: number;
  readonly originalSizeBytes: number;
  /**
   * The repaired file's length. Smaller than the original only by a partial frame (or by the
   * stale tail of a cut-off trailing chunk); one byte larger when an odd data size needs its pad.
   */
  readonly truncateToBytes: number;
  /** Header fields to overwrite, each 4 bytes; empty when none changed. */
  readonly patches: readonly WavPatch[];
  /** What was wrong, in words, for the log. */
  readonly notes: readonly string[];
}

const UINT32_MAX = 0xffffffff;

/**
 * Decides how to make `source` a valid WAV again without losing audio. Reads only the chunk
 * headers before the data (plus 8 bytes after the declared data end). Rejects with
 * WavRepairError when the file is not RIFF/WAVE, has no fmt chunk before a data chunk, has a
 * compressed format, or would exceed 4 GiB.
 */
export async function planWavRepair(source: ByteSource): Promise<WavRepairPlan> {
  const header = await scanWavHeader(source);
  const fileSize = source.sizeBytes;
  const available = fileSize - header.dataOffsetBytes;
  const declared = header.declaredDataBytes;
  const declaredEnd = header.dataOffsetBytes + declared + (declared % 2);
  const riffEnd = 8 + header.riffSizeBytes;
  const notes: string[] = [];

  let runsToEnd = declared > available || declaredEnd >= fileSize;
  if (!runsToEnd && !(await looksLikeMetadata(source, declaredEnd, riffEnd > declaredEnd))) {
    notes.push(`${fileSize - declaredEnd} bytes after the declared data are unflushed audio`);
    runsToEnd = true;
  }
  let dataBytes = declared;
  let truncateTo = fileSize;
  let riffSize = header.riffSizeBytes;
  if (runsToEnd) {
    dataBytes = available - (available % header.blockAlignBytes);
    truncateTo = header.dataOffsetBytes + dataBytes + (dataBytes % 2);
    riffSize = truncateTo - 8;
    if (available > dataBytes + (dataBytes % 2)) {
      notes.push(`cut a partial frame of ${available - dataBytes} bytes`);
    }
  } else if (riffEnd > fileSize) {
    riffSize = fileSize - 8;
  }
  if (riffSize > UINT32_MAX || dataBytes > UINT32_MAX) {
    throw new WavRepairError(
      `the audio (${dataBytes} bytes) is too large for a RIFF WAV; the file was left as it is`,
    );
  }
  const frameCount = Math.floor(dataBytes / header.blockAlignBytes);
  const patches = sizePatches(header, { riffSize, dataBytes, frameCount }, notes);
  return {
    changed: patches.length > 0 || truncateTo !== fileSize,
    sampleRateHz: header.sampleRateHz,
    channelCount: header.channelCount,
    frameCount,
    dataOffsetBytes: header.dataOffsetBytes,
    dataSizeBytes: dataBytes,
    originalSizeBytes: fileSize,
    truncateToBytes: truncateTo,
    patches,
    notes,
  };
}

function sizePatches(
  header: ScannedWavHeader,
  target: { riffSize: number; dataBytes: number; frameCount: number },
  notes: string[],
): WavPatch[] {
  const fields: [string, number | undefined, number, number][] = [
    ['RIFF size', 4, header.riffSizeBytes, target.riffSize],
    ['fact sample length', header.factLengthOffsetBytes, header.factLength, target.frameCount],
    ['data size', header.dataOffsetBytes - 4, header.declaredDataBytes, target.dataBytes],
  ];
  const patches: WavPatch[] = [];
  for (const [name, offsetBytes, before, after] of fields) {
    if (offsetBytes === undefined || before === after) continue;
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setUint32(0, after, true);
    patches.push({ offsetBytes, bytes });
    notes.push(`${name} ${before} → ${after}`);
  }
  return patches;
}

/**
 * Whether the bytes at `offsetBytes` (after the declared audio) are metadata rather than audio
 * nobody declared: an ID3 tag (some taggers append one), or a chunk header (four printable ASCII
 * characters) whose size fits in the file or which the RIFF size claims (a trailing chunk cut
 * short). Audio written past a stale header passes by chance with a probability of about 1e-8:
 * its RIFF size ends at the declared data, so it needs printable bytes and a size that fits.
 */
async function looksLikeMetadata(
  source: ByteSource,
  offsetBytes: number,
  riffClaimsMore: boolean,
): Promise<boolean> {
  const bytes = await source.read(offsetBytes, 8);
  if (bytes.length >= 3 && readFourCc(bytes, 0).startsWith('ID3')) return true;
  if (bytes.length < 8 || !isChunkId(bytes, 0)) return false;
  return riffClaimsMore || offsetBytes + 8 + readU32(bytes, 4) <= source.sizeBytes;
}

/**
 * The repaired file as a new array: `bytes` cut (or padded) to `plan.truncateToBytes`, with the
 * patches written. `bytes` is not modified.
 */
export function applyWavRepair(bytes: Uint8Array, plan: WavRepairPlan): Uint8Array {
  if (bytes.length !== plan.originalSizeBytes) {
    throw new RangeError(
      `bytes has ${bytes.length} bytes, the plan was made for ${plan.originalSizeBytes}`,
    );
  }
  const out = new Uint8Array(plan.truncateToBytes);
  out.set(bytes.subarray(0, Math.min(bytes.length, out.length)));
  for (const patch of plan.patches) out.set(patch.bytes, patch.offsetBytes);
  return out;
}
