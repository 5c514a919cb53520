/**
 * A real small disk for tests of a full disk: a tmpfs of a few megabytes mounted on a fresh
 * folder (the tests run as root on the build machines; mounting needs it). `fill()` takes every
 * free byte with a filler file, `free()` deletes it, `unmount()` removes the disk.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, rm, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  readonly path: string;
  /** Writes a filler file until the disk refuses one more byte (ENOSPC). */
  fill(): Promise<void>;
  /** Deletes the filler file. */
  free(): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountSmallDisk(sizeBytes: number): Promise<SmallDisk> {
  const path = await mkdtemp(join(tmpdir(), 'auscult-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', path]);
  const filler = join(path, 'filler');
  return {
    path,
    async fill() {
      const handle = await open(filler, 'a');
      try {
        // Large blocks first, then smaller ones: the last few bytes of the last page count too.
        for (let block = 1 << 20; block >= 1; block >>= 2) {
          const bytes = Buffer.alloc(block, 1);
          for (;;) {
            try {
              await handle.write(bytes);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
              break;
            }
          }
        }
      } finally {
        await handle.close();
      }
    },
    free: () => rm(filler, { force: true }),
    async unmount() {
      execFileSync('umount', ['-l', path]);
      await rmdir(path);
    },
  };
}
