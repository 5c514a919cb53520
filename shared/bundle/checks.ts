/**
 * The checks a bundle passes before anything is extracted: every name is a safe relative path,
 * every entry a plain, unencrypted file stored or deflated, no name twice (ignoring case and
 * Unicode form), sizes and expansion within limits, and the zip's entries exactly the manifest's.
 */
import type { BundleEntry } from './manifest.ts';
import { MANIFEST_PATH } from './manifest.ts';
import { BundleError } from './refusals.ts';
import type { CentralEntry } from './zipLayout.ts';

export interface BundleLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  /** The most an entry may expand (uncompressed over compressed size). */
  readonly maxRatio: number;
  readonly maxManifestBytes: number;
}

export const BUNDLE_LIMITS: BundleLimits = {
  maxEntries: 1000,
  maxTotalBytes: 2 * 1024 ** 3,
  maxRatio: 100,
  maxManifestBytes: 16 * 1024 ** 2,
};

/** Below this, an entry's ratio says nothing (a few bytes of JSON compress well). */
const RATIO_FLOOR_BYTES = 4096;
const UNIX = 3;
const FILE_TYPE_MASK = 0o170000;
const REGULAR_FILE = 0o100000;
const SYMLINK = 0o120000;
const MSDOS_DIRECTORY = 0x10;
/** Bit 0: encrypted; bit 6: strong encryption; bit 13: the directory is encrypted. */
const ENCRYPTION_FLAGS = 0x0001 | 0x0040 | 0x2000;
const ARCHIVE_EXTENSION = /\.(zip|auscult|jar|gz|tgz|tar|7z|rar|xz|bz2|zst)$/i;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
const SAFE_PART = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Why `path` is unsafe as a name to extract, or null when it is safe. */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0 || path.length > 255) return 'length';
  if (path.includes('\\')) return 'backslash';
  if (path.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(path)) return 'drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control character';
  const parts = path.split('/');
  if (parts.includes('..')) return 'parent folder';
  if (parts.some((part) => part === '' || part === '.')) return 'empty part';
  if (parts.length > 4) return 'too deep';
  if (parts.some((part) => WINDOWS_RESERVED.test(part))) return 'reserved name';
  // Windows drops a trailing dot: "a.wav." would land on "a.wav".
  if (parts.some((part) => part.endsWith('.'))) return 'trailing dot';
  if (!parts.every((part) => SAFE_PART.test(part))) return 'characters';
  return null;
}

/** The file type an entry declares: a plain file, a symbolic link or anything else. */
function entryType(entry: CentralEntry): 'file' | 'symlink' | 'special-entry' {
  if (entry.name.endsWith('/')) return 'special-entry';
  const unixMode = entry.externalAttributes >>> 16;
  if (entry.versionMadeBy >> 8 === UNIX && unixMode !== 0) {
    const type = unixMode & FILE_TYPE_MASK;
    if (type === SYMLINK) return 'symlink';
    if (type !== REGULAR_FILE) return 'special-entry';
  }
  return (entry.externalAttributes & MSDOS_DIRECTORY) !== 0 ? 'special-entry' : 'file';
}

function checkEntry(entry: CentralEntry, limits: BundleLimits): void {
  const path = entry.name;
  const type = entryType(entry);
  if (type !== 'file') throw new BundleError(type, { path });
  const why = unsafePathReason(path);
  if (why !== null) throw new BundleError('unsafe-path', { path: path.slice(0, 200), why });
  if ((entry.flags & ENCRYPTION_FLAGS) !== 0 || entry.method === 99) {
    throw new BundleError('encrypted', { path });
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new BundleError('unsupported-compression', { path, method: entry.method });
  }
  if (ARCHIVE_EXTENSION.test(path)) throw new BundleError('nested-archive', { path });
  const expands =
    entry.method === 0
      ? entry.uncompressedBytes !== entry.compressedBytes
      : entry.uncompressedBytes > RATIO_FLOOR_BYTES &&
        entry.uncompressedBytes > entry.compressedBytes * limits.maxRatio;
  if (expands) throw new BundleError('ratio', { path, limit: limits.maxRatio });
}

/** The directory's checks; the first entry (at offset 0) must be the manifest. */
export function checkDirectory(entries: readonly CentralEntry[], limits: BundleLimits): void {
  if (entries.length > limits.maxEntries) {
    throw new BundleError('too-many-entries', { count: entries.length, limit: limits.maxEntries });
  }
  const seen = new Set<string>();
  let totalBytes = 0;
  for (const entry of entries) {
    checkEntry(entry, limits);
    const key = entry.name.normalize('NFC').toLowerCase();
    if (seen.has(key)) throw new BundleError('duplicate-name', { path: entry.name });
    seen.add(key);
    totalBytes += entry.uncompressedBytes;
  }
  if (totalBytes > limits.maxTotalBytes) {
    throw new BundleError('too-large', { sizeBytes: totalBytes, limitBytes: limits.maxTotalBytes });
  }
  const first = entries.find((entry) => entry.localOffset === 0);
  if (!first || first.name !== MANIFEST_PATH) throw new BundleError('manifest-missing');
  if (first.uncompressedBytes > limits.maxManifestBytes) {
    throw new BundleError('too-large', {
      sizeBytes: first.uncompressedBytes,
      limitBytes: limits.maxManifestBytes,
    });
  }
}

/** The zip's entries besides the manifest are exactly the manifest's, with the same sizes. */
export function checkAgainstManifest(
  manifest: { readonly entries: readonly BundleEntry[] },
  entries: readonly CentralEntry[],
): void {
  const listed = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  if (listed.size !== manifest.entries.length) {
    throw new BundleError('invalid-manifest', { field: 'entries', problem: 'a path twice' });
  }
  if (listed.has(MANIFEST_PATH)) {
    throw new BundleError('invalid-manifest', { field: 'entries', problem: 'lists itself' });
  }
  const inZip = new Set<string>();
  for (const entry of entries) {
    if (entry.name === MANIFEST_PATH) continue;
    inZip.add(entry.name);
    const declared = listed.get(entry.name);
    if (!declared) throw new BundleError('entry-not-in-manifest', { path: entry.name });
    if (declared.sizeBytes !== entry.uncompressedBytes) {
      throw new BundleError('size-mismatch', {
        path: entry.name,
        sizeBytes: declared.sizeBytes,
        actualBytes: entry.uncompressedBytes,
      });
    }
  }
  for (const path of listed.keys()) {
    if (!inZip.has(path)) throw new BundleError('entry-missing', { path });
  }
}
