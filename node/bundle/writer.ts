/**
 * Writes a review bundle: `manifest.json` first (deflated), then each file stored as it is (the
 * recordings are compressed audio or WAV, which deflate gains little on). The file is written
 * beside its destination under a temporary name and renamed into place when complete.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import type { AnyBundleManifest } from '../../shared/bundle/reply.ts';
import { MANIFEST_PATH } from '../../shared/bundle/manifest.ts';
import {
  encodeCentralHeader,
  encodeEndRecord,
  encodeLocalHeader,
} from '../../shared/bundle/zipWrite.ts';
import type { WrittenEntry } from '../../shared/bundle/zipWrite.ts';

export interface FileDigest {
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly crc32: number;
}

/** A file to carry: its path in the bundle, where it is now, and its digest (digestFile). */
export interface BundleFileSource extends FileDigest {
  readonly path: string;
  readonly sourcePath: string;
}

/** Writes all of `bytes` at the handle's position (a write may take fewer bytes than given). */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

/** The size, SHA-256 and CRC-32 of the file at `path`, read once. */
export async function digestFile(path: string): Promise<FileDigest> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  let crc = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const data = chunk as Buffer;
    hash.update(data);
    crc = crc32(data, crc);
    sizeBytes += data.length;
  }
  return { sizeBytes, sha256: hash.digest('hex'), crc32: crc >>> 0 };
}

/**
 * Writes `manifest` and `files` as a bundle at `outPath` (replaced atomically). Rejects when a
 * file changed since it was digested, leaving nothing at `outPath` or beside it.
 */
export async function writeBundle(
  outPath: string,
  manifest: AnyBundleManifest,
  files: readonly BundleFileSource[],
): Promise<number> {
  const modified = new Date(manifest.createdAt);
  const partPath = join(
    dirname(outPath),
    `.${basename(outPath)}.${randomBytes(4).toString('hex')}.part`,
  );
  const out = await open(partPath, 'wx', 0o644);
  const central: Uint8Array[] = [];
  let offset = 0;
  const write = async (bytes: Uint8Array) => {
    await writeAll(out, bytes);
    offset += bytes.length;
  };
  try {
    const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const packed = deflateRawSync(json);
    const first: WrittenEntry = {
      name: MANIFEST_PATH,
      method: 8,
      crc32: crc32(json) >>> 0,
      compressedBytes: packed.length,
      uncompressedBytes: json.length,
      modified,
    };
    central.push(encodeCentralHeader(first, offset));
    await write(encodeLocalHeader(first));
    await write(packed);
    for (const file of files) {
      const entry: WrittenEntry = {
        name: file.path,
        method: 0,
        crc32: file.crc32,
        compressedBytes: file.sizeBytes,
        uncompressedBytes: file.sizeBytes,
        modified,
      };
      central.push(encodeCentralHeader(entry, offset));
      await write(encodeLocalHeader(entry));
      await copyUnchanged(file, write);
    }
    const directoryOffset = offset;
    for (const header of central) await write(header);
    await write(encodeEndRecord(central.length, offset - directoryOffset, directoryOffset));
    await out.sync();
    await out.close();
    await rename(partPath, outPath);
    return offset;
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(partPath, { force: true });
    throw error;
  }
}

/** Copies the file, checking it is still the one digested (same size and CRC-32). */
async function copyUnchanged(
  file: BundleFileSource,
  write: (bytes: Uint8Array) => Promise<void>,
): Promise<void> {
  let crc = 0;
  let sizeBytes = 0;
  for await (const chunk of createReadStream(file.sourcePath, { highWaterMark: 1024 * 1024 })) {
    const data = chunk as Buffer;
    crc = crc32(data, crc);
    sizeBytes += data.length;
    await write(data);
  }
  if (sizeBytes !== file.sizeBytes || crc >>> 0 !== file.crc32) {
    throw new Error(`the file "${file.sourcePath}" changed while the bundle was written`);
  }
}
