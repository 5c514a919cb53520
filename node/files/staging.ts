/**
 * Files on their way into the library wait in the staging folder as `<id>.<pid>.part`: the id of
 * the import and the process writing it. At the next start, a file whose process is gone is a
 * killed import's left-over and goes at once; another running process's file stays (two
 * processes may share a library) unless untouched for STALE_STAGING_MS (its pid was reused).
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isProcessAlive } from './processAlive.ts';

/** A staging file of a live process untouched this long is abandoned all the same. */
export const STALE_STAGING_MS = 10 * 60 * 1000;

const STAGING_NAME = /^[A-Za-z0-9_-]{1,64}\.(\d{1,10})\.part$/;

/** `<id>.<pid>.part` for this process. */
export function stagingFileName(id: string): string {
  return `${id}.${process.pid}.part`;
}

/** The pid a staging file name carries, or null for a name of another shape. */
export function stagingOwner(fileName: string): number | null {
  const match = STAGING_NAME.exec(fileName);
  return match ? Number(match[1]) : null;
}

/**
 * Removes the staging files in `folder` no running process is writing (see the file comment).
 * With `anyName` (a folder only for staging), files of any other name untouched for
 * STALE_STAGING_MS go too; without it they are never touched. Resolves to the names removed.
 */
export async function removeAbandonedStagingFiles(
  folder: string,
  now: Date,
  options: { readonly anyName?: boolean } = {},
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(folder)) {
    const owner = stagingOwner(name);
    if (owner === null && !options.anyName) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) continue;
    const stale = now.getTime() - info.mtimeMs > STALE_STAGING_MS;
    const abandoned = owner === null || owner === process.pid ? stale : !isProcessAlive(owner);
    if (abandoned || stale) {
      await rm(path, { force: true });
      removed.push(name);
    }
  }
  return removed;
}
