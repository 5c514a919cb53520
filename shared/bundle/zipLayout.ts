/**
 * The parts of the zip format (PKWARE APPNOTE 6.3) a review bundle uses, read and written as
 * bytes: the end-of-central-directory record, central directory headers and local headers. Only
 * what a bundle needs is accepted (one disk, no ZIP64); everything else is refused by code.
 */
import { BundleError } from './refusals.ts';

export const LOCAL_SIGNATURE = 0x04034b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
export const LOCAL_HEADER_BYTES = 30;
export const CENTRAL_HEADER_BYTES = 46;
export const END_RECORD_BYTES = 22;
/** The end record plus the longest comment: where the end record must be looked for. */
export const END_SEARCH_BYTES = END_RECORD_BYTES + 0xffff;
/** Bit 11: names are UTF-8. */
export const FLAG_UTF8 = 0x0800;
/** Bit 3: sizes and CRC follow the data, the local header has zeros. */
export const FLAG_DATA_DESCRIPTOR = 0x0008;

/** The end-of-central-directory record. */
export interface EndRecord {
  readonly entryCount: number;
  readonly directoryBytes: number;
  readonly directoryOffset: number;
  /** Where the record starts in the file. */
  readonly offset: number;
}

/** One central directory header. */
export interface CentralEntry {
  readonly name: string;
  readonly versionMadeBy: number;
  readonly flags: number;
  readonly method: number;
  readonly crc32: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  readonly externalAttributes: number;
  readonly localOffset: number;
}

/** One local header, enough to find the data and compare it with the directory. */
export interface LocalHeader {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** Where the entry's data starts, from the start of its local header. */
  readonly headerBytes: number;
}

const damaged = (detail: string) => new BundleError('damaged', { detail });
const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/**
 * A name's bytes as text. Bundle names are ASCII (checks.ts refuses anything else), so every
 * other byte becomes U+FFFD, which the checks refuse with the rest of the name readable.
 */
function decodeName(bytes: Uint8Array): string {
  let name = '';
  for (const byte of bytes) name += byte < 0x80 ? String.fromCharCode(byte) : '\ufffd';
  return name;
}

/**
 * The end record in `tail`, the last bytes of a file of `fileBytes` bytes (at most
 * END_SEARCH_BYTES). The record must end the file exactly (with its comment).
 */
export function parseEndRecord(tail: Uint8Array, fileBytes: number): EndRecord {
  const data = view(tail);
  const tailStart = fileBytes - tail.length;
  for (let at = tail.length - END_RECORD_BYTES; at >= 0; at -= 1) {
    if (data.getUint32(at, true) !== END_SIGNATURE) continue;
    if (at + END_RECORD_BYTES + data.getUint16(at + 20, true) !== tail.length) continue;
    if (at >= 20 && data.getUint32(at - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
      throw new BundleError('zip64');
    }
    const disk = data.getUint16(at + 4, true);
    const directoryDisk = data.getUint16(at + 6, true);
    const onDisk = data.getUint16(at + 8, true);
    const entryCount = data.getUint16(at + 10, true);
    if (disk !== 0 || directoryDisk !== 0 || onDisk !== entryCount) {
      throw new BundleError('multi-disk');
    }
    const directoryBytes = data.getUint32(at + 12, true);
    const directoryOffset = data.getUint32(at + 16, true);
    if (entryCount === 0xffff || directoryBytes === 0xffffffff || directoryOffset === 0xffffffff) {
      throw new BundleError('zip64');
    }
    const offset = tailStart + at;
    if (directoryOffset + directoryBytes > offset) {
      throw damaged('the zip directory reaches past its end record');
    }
    return { entryCount, directoryBytes, directoryOffset, offset };
  }
  throw new BundleError('not-a-bundle');
}

/** The `count` central directory headers in `directory`, which they must fill exactly. */
export function parseCentralDirectory(directory: Uint8Array, count: number): CentralEntry[] {
  const data = view(directory);
  const entries: CentralEntry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + CENTRAL_HEADER_BYTES > directory.length) throw damaged('the zip directory is cut off');
    if (data.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw damaged('the zip directory has a header without its signature');
    }
    const nameBytes = data.getUint16(at + 28, true);
    const extraBytes = data.getUint16(at + 30, true);
    const commentBytes = data.getUint16(at + 32, true);
    const end = at + CENTRAL_HEADER_BYTES + nameBytes + extraBytes + commentBytes;
    if (end > directory.length) throw damaged('the zip directory is cut off');
    const entry: CentralEntry = {
      name: decodeName(directory.subarray(at + 46, at + 46 + nameBytes)),
      versionMadeBy: data.getUint16(at + 4, true),
      flags: data.getUint16(at + 8, true),
      method: data.getUint16(at + 10, true),
      crc32: data.getUint32(at + 16, true),
      compressedBytes: data.getUint32(at + 20, true),
      uncompressedBytes: data.getUint32(at + 24, true),
      externalAttributes: data.getUint32(at + 38, true),
      localOffset: data.getUint32(at + 42, true),
    };
    if (data.getUint16(at + 34, true) !== 0) throw new BundleError('multi-disk');
    const sizes = [entry.compressedBytes, entry.uncompressedBytes, entry.localOffset];
    if (sizes.includes(0xffffffff)) throw new BundleError('zip64');
    entries.push(entry);
    at = end;
  }
  if (at !== directory.length) throw damaged('the zip directory holds more than its entries');
  return entries;
}

/** The local header at the start of `bytes` (its fixed part, name and extra field). */
export function parseLocalHeader(bytes: Uint8Array): LocalHeader {
  const data = view(bytes);
  if (bytes.length < LOCAL_HEADER_BYTES || data.getUint32(0, true) !== LOCAL_SIGNATURE) {
    throw damaged('a file in the bundle has no local header where the directory says');
  }
  const nameBytes = data.getUint16(26, true);
  const extraBytes = data.getUint16(28, true);
  if (LOCAL_HEADER_BYTES + nameBytes > bytes.length) throw damaged('a local header is cut off');
  return {
    name: decodeName(bytes.subarray(LOCAL_HEADER_BYTES, LOCAL_HEADER_BYTES + nameBytes)),
    flags: data.getUint16(6, true),
    method: data.getUint16(8, true),
    compressedBytes: data.getUint32(18, true),
    uncompressedBytes: data.getUint32(22, true),
    headerBytes: LOCAL_HEADER_BYTES + nameBytes + extraBytes,
  };
}
