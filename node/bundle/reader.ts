/**
 * Reads a review bundle from disk (docs/formats.md, "Review bundles"). Everything that can be
 * checked without extracting is checked first (shared/bundle/checks.ts): the zip directory, each
 * local header against it, entries that overlap, the manifest and the entries against it. Then
 * each entry is streamed once: its bytes are counted as they inflate (never more than declared),
 * and its CRC-32 and SHA-256 compared at its end; a sink may write them somewhere.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { BUNDLE_LIMITS, checkAgainstManifest, checkDirectory } from '../../shared/bundle/checks.ts';
import type { BundleLimits } from '../../shared/bundle/checks.ts';
import { MANIFEST_PATH } from '../../shared/bundle/manifest.ts';
import { isReply, parseAnyManifest } from '../../shared/bundle/reply.ts';
import type { AnyBundleManifest } from '../../shared/bundle/reply.ts';
import { BundleError } from '../../shared/bundle/refusals.ts';
import {
  END_SEARCH_BYTES,
  FLAG_DATA_DESCRIPTOR,
  parseCentralDirectory,
  parseEndRecord,
  parseLocalHeader,
} from '../../shared/bundle/zipLayout.ts';
import type { CentralEntry } from '../../shared/bundle/zipLayout.ts';

/** An entry with where its data lies in the file. */
export interface LocatedEntry extends CentralEntry {
  readonly dataOffset: number;
}

export interface OpenedBundle {
  readonly path: string;
  /** A review bundle's manifest, or a reply's (shared/bundle/reply.ts). */
  readonly manifest: AnyBundleManifest;
  /** The zip's entries in file order, the manifest first. */
  readonly entries: readonly LocatedEntry[];
}

const damaged = (detail: string) => new BundleError('damaged', { detail });
/** Magic numbers of archives: zip (local header, empty zip), gzip, 7-Zip, RAR, xz, zstd. */
const ARCHIVE_MAGIC = [
  '504b0304',
  '504b0506',
  '1f8b',
  '377abcaf',
  '52617221',
  'fd377a58',
  '28b52ffd',
];

/** A local header with a name of up to 255 characters (checks.ts allows no longer). */
const LOCAL_HEADER_READ_BYTES = 30 + 1024;
const MAX_DIRECTORY_BYTES = 16 * 1024 ** 2;

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(length);
  const { bytesRead } = await handle.read(bytes, 0, length, offset);
  return bytes.subarray(0, bytesRead);
}

/** Each entry's local header read and compared with the directory; no two entries overlap. */
async function locate(
  handle: FileHandle,
  entries: readonly CentralEntry[],
  directoryOffset: number,
): Promise<LocatedEntry[]> {
  const located: LocatedEntry[] = [];
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const header = parseLocalHeader(
      await readAt(handle, entry.localOffset, LOCAL_HEADER_READ_BYTES),
    );
    const sizesDiffer =
      (header.flags & FLAG_DATA_DESCRIPTOR) === 0 &&
      (header.compressedBytes !== entry.compressedBytes ||
        header.uncompressedBytes !== entry.uncompressedBytes);
    if (header.name !== entry.name || header.method !== entry.method || sizesDiffer) {
      throw damaged(`the local header of "${entry.name}" differs from the zip directory`);
    }
    const dataOffset = entry.localOffset + header.headerBytes;
    const previous = located.at(-1);
    if (previous && previous.dataOffset + previous.compressedBytes > entry.localOffset) {
      throw damaged(`"${entry.name}" overlaps "${previous.name}"`);
    }
    if (dataOffset + entry.compressedBytes > directoryOffset) {
      throw damaged(`the data of "${entry.name}" reaches into the zip directory`);
    }
    located.push({ ...entry, dataOffset });
  }
  return located;
}

/**
 * Streams one entry's uncompressed bytes to `sink`, refusing it as soon as it holds more than the
 * directory says, when it begins like an archive, and at its end when its size, CRC-32 or SHA-256
 * (`sha256`, when given: the manifest's) differ. Resolves to its SHA-256 in hex.
 */
export async function streamEntry(
  path: string,
  entry: LocatedEntry,
  sha256: string | null,
  sink: (chunk: Uint8Array) => Promise<void> | void = () => undefined,
): Promise<string> {
  // An empty entry has no byte range to read (createReadStream refuses end < start).
  const raw = createReadStream(path, {
    start: entry.dataOffset,
    end: entry.dataOffset + Math.max(entry.compressedBytes, 1) - 1,
  });
  const source = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  const hash = createHash('sha256');
  let bytes = 0;
  let crc = 0;
  try {
    for await (const chunk of entry.compressedBytes === 0 ? [] : source) {
      const data = chunk as Buffer;
      if (
        bytes === 0 &&
        ARCHIVE_MAGIC.some((magic) => data.subarray(0, 4).toString('hex').startsWith(magic))
      ) {
        throw new BundleError('nested-archive', { path: entry.name });
      }
      bytes += data.length;
      if (bytes > entry.uncompressedBytes) {
        throw new BundleError('size-mismatch', {
          path: entry.name,
          sizeBytes: entry.uncompressedBytes,
          actualBytes: `more than ${entry.uncompressedBytes}`,
        });
      }
      hash.update(data);
      crc = crc32(data, crc);
      await sink(data);
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw damaged(`the compressed data of "${entry.name}" is damaged`);
  } finally {
    raw.destroy();
    source.destroy();
  }
  if (bytes !== entry.uncompressedBytes) {
    throw new BundleError('size-mismatch', {
      path: entry.name,
      sizeBytes: entry.uncompressedBytes,
      actualBytes: bytes,
    });
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new BundleError('crc-mismatch', { path: entry.name });
  const digest = hash.digest('hex');
  if (sha256 !== null && digest !== sha256) {
    throw new BundleError('hash-mismatch', { path: entry.name });
  }
  return digest;
}

async function readManifest(path: string, entry: LocatedEntry): Promise<AnyBundleManifest> {
  const chunks: Uint8Array[] = [];
  await streamEntry(path, entry, null, (chunk) => {
    chunks.push(chunk);
  });
  const text = Buffer.concat(chunks).toString('utf8');
  return parseAnyManifest(text);
}

/** The zip directory of the bundle at `path`, checked (no entry data read yet). */
async function readDirectory(
  handle: FileHandle,
  limits: BundleLimits,
): Promise<{ entries: CentralEntry[]; directoryOffset: number }> {
  const fileBytes = (await handle.stat()).size;
  const tailBytes = Math.min(fileBytes, END_SEARCH_BYTES);
  const end = parseEndRecord(await readAt(handle, fileBytes - tailBytes, tailBytes), fileBytes);
  // The count is known before the directory is read: a huge one is refused unread.
  if (end.entryCount > limits.maxEntries) {
    throw new BundleError('too-many-entries', { count: end.entryCount, limit: limits.maxEntries });
  }
  // Bounded before it is read: 1000 entries with names of 255 characters need far less.
  if (end.directoryBytes > MAX_DIRECTORY_BYTES) {
    throw new BundleError('damaged', {
      detail: 'the zip directory is larger than any bundle needs',
    });
  }
  const directory = await readAt(handle, end.directoryOffset, end.directoryBytes);
  const entries = parseCentralDirectory(directory, end.entryCount);
  checkDirectory(entries, limits);
  return { entries, directoryOffset: end.directoryOffset };
}

/**
 * The bundle at `path` with its manifest read and every check made that needs no extraction.
 * Rejects with BundleError when it is refused, or with the file system's error when unreadable.
 */
export async function openBundle(
  path: string,
  limits: BundleLimits = BUNDLE_LIMITS,
): Promise<OpenedBundle> {
  const handle = await open(path, 'r');
  try {
    const { entries, directoryOffset } = await readDirectory(handle, limits);
    const located = await locate(handle, entries, directoryOffset);
    const manifest = await readManifest(path, located[0]);
    // A reply is its manifest alone: any other entry is refused as such, whatever it claims.
    if (isReply(manifest) && located.length > 1) throw new BundleError('reply-with-files');
    checkAgainstManifest(manifest, located);
    return { path, manifest, entries: located };
  } finally {
    await handle.close();
  }
}

/** The manifest's SHA-256 of an entry (null for the manifest itself). */
export function declaredSha256(bundle: OpenedBundle, name: string): string | null {
  if (name === MANIFEST_PATH) return null;
  return bundle.manifest.entries.find((entry) => entry.path === name)?.sha256 ?? null;
}

/** Every entry streamed and its size, CRC-32 and SHA-256 checked; nothing is written. */
export async function verifyBundle(bundle: OpenedBundle): Promise<void> {
  for (const entry of bundle.entries) {
    await streamEntry(bundle.path, entry, declaredSha256(bundle, entry.name));
  }
}
