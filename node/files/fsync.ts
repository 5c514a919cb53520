/** Durability helpers for files and folders. */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/**
 * fsyncs a folder, so that a file created or renamed in it survives a power cut. Skipped where
 * folders cannot be opened for syncing (Windows): the rename itself is still atomic there.
 */
export async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform.
  } finally {
    await handle?.close();
  }
}
