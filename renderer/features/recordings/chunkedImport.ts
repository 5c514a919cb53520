/**
 * Sends a recording to the host in chunks (recordings.beginImport / appendImport / finishImport),
 * so a large file neither has to fit one message nor leaves the user without progress. The host
 * checks the file when it is complete; on any failure the import is cancelled so nothing is left.
 */
import type { AuscultApi, RecordingSummary } from '../../../shared/api/contract.ts';
// The host's chunk size (4 MiB): steady progress, and few enough calls that overhead stays small.
import { IMPORT_CHUNK_BYTES } from '../../../shared/api/limits.ts';
import { prepareUpload } from './browserDecode.ts';
import type { ImportSource } from './importSource.ts';

export type { ImportSource } from './importSource.ts';

export type ImportCalls = Pick<
  AuscultApi['recordings'],
  'beginImport' | 'appendImport' | 'finishImport' | 'cancelImport'
>;

/** The [start, end) byte ranges of the chunks of a file of `sizeBytes` bytes. */
export function chunkRanges(
  sizeBytes: number,
  chunkBytes = IMPORT_CHUNK_BYTES,
): [number, number][] {
  if (!Number.isInteger(sizeBytes) || sizeBytes < 0) {
    throw new RangeError(`chunkRanges: sizeBytes must be a non-negative integer, got ${sizeBytes}`);
  }
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`chunkRanges: chunkBytes must be a positive integer, got ${chunkBytes}`);
  }
  const ranges: [number, number][] = [];
  for (let start = 0; start < sizeBytes; start += chunkBytes) {
    ranges.push([start, Math.min(sizeBytes, start + chunkBytes)]);
  }
  return ranges;
}

/**
 * Imports `file` into machine `machineId`. `onProgress(sentBytes, totalBytes)` is called after
 * each chunk the host acknowledged. Rejects with the host's error; the import is then cancelled.
 */
export async function importInChunks(
  calls: ImportCalls,
  machineId: string,
  file: ImportSource,
  onProgress: (sentBytes: number, totalBytes: number) => void,
  chunkBytes = IMPORT_CHUNK_BYTES,
): Promise<RecordingSummary> {
  // An AAC file goes as the page's WAV decoding followed by the file (browserDecode.ts).
  const { source, browserDecoded } = await prepareUpload(file);
  const importId = await calls.beginImport(machineId, file.name, source.size, browserDecoded);
  try {
    for (const [start, end] of chunkRanges(source.size, chunkBytes)) {
      const chunk = await source.slice(start, end).arrayBuffer();
      const received = await calls.appendImport(importId, chunk);
      // Progress is told against the file the person picked, whatever was added to it.
      onProgress(Math.round((received / source.size) * file.size), file.size);
    }
    return await calls.finishImport(importId);
  } catch (error) {
    // Best effort: a failed finishImport has usually removed the import already.
    await calls.cancelImport(importId).catch(() => undefined);
    throw error;
  }
}
