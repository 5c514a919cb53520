/**
 * A `ByteSink` over a file: positional writes through fs/promises, `sync` = fsync.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ByteSink } from '../../shared/audio/byteSink.ts';
import { syncFolder } from '../files/fsync.ts';

export interface FileByteSinkOptions {
  /** Replace an existing file. Default false: refuse (EEXIST), so no recording is overwritten. */
  readonly overwrite?: boolean;
}

/** A ByteSink writing through `handle`; `close()` closes the handle. */
export function fileHandleByteSink(handle: FileHandle): ByteSink {
  return {
    async write(offsetBytes, bytes) {
      let done = 0;
      // A file write may be short (signals, quotas): continue until every byte is there.
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(
          bytes,
          done,
          bytes.length - done,
          offsetBytes + done,
        );
        if (bytesWritten === 0) throw new Error(`wrote 0 bytes at offset ${offsetBytes + done}`);
        done += bytesWritten;
      }
    },
    sync: () => handle.sync(),
    close: () => handle.close(),
  };
}

/**
 * Creates `path` and returns a ByteSink on it. The parent folder is fsynced once, so the new
 * file's name survives a power cut too (skipped where folders cannot be opened, e.g. Windows).
 * Rejects with the fs error (EEXIST unless `overwrite`, ENOENT, EACCES ...).
 */
export async function createFileByteSink(
  path: string,
  options: FileByteSinkOptions = {},
): Promise<ByteSink> {
  const handle = await open(path, options.overwrite ? 'w' : 'wx');
  await syncFolder(dirname(path));
  return fileHandleByteSink(handle);
}
