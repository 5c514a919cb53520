/**
 * Repairs a cut-off WAV file in place (see shared/audio/wavRepair.ts for the rules): rewrites only
 * the header's size fields and cuts a partial last frame. Audio is never removed.
 */
import { open } from 'node:fs/promises';
import { planWavRepair } from '../../shared/audio/wavRepair.ts';
import type { WavRepairPlan } from '../../shared/audio/wavRepair.ts';
import { fileHandleByteSink } from './fileByteSink.ts';
import { openFileByteSource } from './fileByteSource.ts';

/**
 * Makes the WAV file at `path` valid again and resolves to the plan it carried out
 * (`plan.changed` false: the file was valid and was not written to). The new sizes are fsynced
 * before the file is cut, so a crash during repair leaves a file that repairs again.
 * Rejects with WavRepairError (file untouched) when the file cannot be repaired, or the fs error.
 * The file must not be written by anyone else meanwhile (a recording still in progress).
 */
export async function repairWavFile(path: string): Promise<WavRepairPlan> {
  const handle = await open(path, 'r+'); // first, so a read-only file fails before any work
  try {
    const source = await openFileByteSource(path);
    const plan = await planWavRepair(source).finally(() => source.close());
    if (!plan.changed) return plan;
    const { size } = await handle.stat();
    if (size !== plan.originalSizeBytes) {
      throw new Error(`${path} changed size while it was being repaired; repair it again`);
    }
    const sink = fileHandleByteSink(handle);
    for (const patch of plan.patches) await sink.write(patch.offsetBytes, patch.bytes);
    await handle.sync();
    if (plan.truncateToBytes !== size) {
      await handle.truncate(plan.truncateToBytes);
      await handle.sync();
    }
    return plan;
  } finally {
    await handle.close();
  }
}
