/**
 * Sends a `.auscult` file to the host in chunks (bundles.beginOpen / appendOpen / finishOpen) and
 * opens it there; on any failure the upload is cancelled, so nothing is left.
 */
import type { AuscultApi, BundleOpenResult } from '../../../shared/api/contract.ts';
import { IMPORT_CHUNK_BYTES } from '../../../shared/api/limits.ts';
import { chunkRanges } from '../recordings/chunkedImport.ts';
import type { ImportSource } from '../recordings/chunkedImport.ts';

export async function openBundleFile(
  api: Pick<AuscultApi, 'bundles'>,
  file: ImportSource,
): Promise<BundleOpenResult> {
  const uploadId = await api.bundles.beginOpen(file.name, file.size);
  try {
    for (const [start, end] of chunkRanges(file.size, IMPORT_CHUNK_BYTES)) {
      await api.bundles.appendOpen(uploadId, await file.slice(start, end).arrayBuffer());
    }
  } catch (error) {
    await api.bundles.cancelOpen(uploadId).catch(() => undefined);
    throw error;
  }
  return api.bundles.finishOpen(uploadId);
}
