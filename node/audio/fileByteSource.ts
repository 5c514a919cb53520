/**
 * A `ByteSource` over a file on disk: reads at offsets through one `FileHandle`, so a
 * multi-gigabyte recording is never held in memory.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { ByteSource } from '../../shared/audio/byteSource.ts';
import { checkReadArguments } from '../../shared/audio/byteSource.ts';

export interface FileByteSource extends ByteSource {
  readonly path: string;
  /** Closes the file; later reads reject. Closing twice is harmless. */
  close(): Promise<void>;
}

/**
 * Opens `path` for reading. `sizeBytes` is the file's size at this moment; bytes appended later
 * are not seen, and a file that shrinks yields short reads (the WAV reader reports them).
 */
export async function openFileByteSource(path: string): Promise<FileByteSource> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new TypeError(`path must name a regular file: ${path}`);
    return fileHandleByteSource(path, handle, stats.size);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * Reads into `target` from byte `position` until it is full or the file ends; returns the bytes
 * read. FileHandle.read may return fewer bytes than asked, hence the loop.
 */
export async function readAt(
  handle: FileHandle,
  target: Uint8Array,
  position: number,
): Promise<number> {
  let filled = 0;
  while (filled < target.length) {
    const { bytesRead } = await handle.read(
      target,
      filled,
      target.length - filled,
      position + filled,
    );
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** A ByteSource over an open handle of a file of `sizeBytes` bytes; `close` closes the handle. */
export function fileHandleByteSource(
  path: string,
  handle: FileHandle,
  sizeBytes: number,
): FileByteSource {
  let closed = false;
  return {
    path,
    sizeBytes,
    async read(offsetBytes: number, lengthBytes: number): Promise<Uint8Array> {
      checkReadArguments(offsetBytes, lengthBytes);
      if (closed) throw new Error(`the file ${path} is closed`);
      const length = Math.max(0, Math.min(lengthBytes, sizeBytes - offsetBytes));
      const buffer = Buffer.allocUnsafe(length);
      const filled = await readAt(handle, buffer, offsetBytes);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
