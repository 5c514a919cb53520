/**
 * The headers a review bundle is written with: UTF-8 names, stored (0) or deflated (8) data, sizes
 * and CRC in the local header (no data descriptor), regular files made on Unix with mode 0644, so
 * that the reader's own checks accept exactly what the writer makes.
 */
import {
  CENTRAL_HEADER_BYTES,
  CENTRAL_SIGNATURE,
  END_RECORD_BYTES,
  END_SIGNATURE,
  FLAG_UTF8,
  LOCAL_HEADER_BYTES,
  LOCAL_SIGNATURE,
} from './zipLayout.ts';

export interface WrittenEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** The modification time written in MS-DOS form (local fields; 1980–2107). */
  readonly modified: Date;
}

/** Unix (3) in the high byte, zip 3.0 in the low. */
const MADE_BY_UNIX = (3 << 8) | 30;
const NEEDED_VERSION = 20;
/** A regular file, rw-r--r--, in the high half of the external attributes. */
const REGULAR_FILE_ATTRIBUTES = (0o100644 << 16) >>> 0;

/** Bundle names are ASCII (checks.ts): one byte a character. */
function encodeName(name: string): Uint8Array {
  if (!/^[\x20-\x7e]*$/.test(name)) throw new RangeError(`not an ASCII name: ${name}`);
  return Uint8Array.from(name, (char) => char.charCodeAt(0));
}

function dosTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** Fields shared by the local and the central header, from `version needed` on. */
function common(data: DataView, at: number, entry: WrittenEntry, nameBytes: number): void {
  const { time, day } = dosTime(entry.modified);
  data.setUint16(at, NEEDED_VERSION, true);
  data.setUint16(at + 2, FLAG_UTF8, true);
  data.setUint16(at + 4, entry.method, true);
  data.setUint16(at + 6, time, true);
  data.setUint16(at + 8, day, true);
  data.setUint32(at + 10, entry.crc32 >>> 0, true);
  data.setUint32(at + 14, entry.compressedBytes, true);
  data.setUint32(at + 18, entry.uncompressedBytes, true);
  data.setUint16(at + 22, nameBytes, true);
}

export function encodeLocalHeader(entry: WrittenEntry): Uint8Array {
  const name = encodeName(entry.name);
  const bytes = new Uint8Array(LOCAL_HEADER_BYTES + name.length);
  const data = new DataView(bytes.buffer);
  data.setUint32(0, LOCAL_SIGNATURE, true);
  common(data, 4, entry, name.length);
  bytes.set(name, LOCAL_HEADER_BYTES);
  return bytes;
}

export function encodeCentralHeader(entry: WrittenEntry, localOffset: number): Uint8Array {
  const name = encodeName(entry.name);
  const bytes = new Uint8Array(CENTRAL_HEADER_BYTES + name.length);
  const data = new DataView(bytes.buffer);
  data.setUint32(0, CENTRAL_SIGNATURE, true);
  data.setUint16(4, MADE_BY_UNIX, true);
  common(data, 6, entry, name.length);
  data.setUint32(38, REGULAR_FILE_ATTRIBUTES, true);
  data.setUint32(42, localOffset, true);
  bytes.set(name, CENTRAL_HEADER_BYTES);
  return bytes;
}

export function encodeEndRecord(
  entryCount: number,
  directoryBytes: number,
  directoryOffset: number,
): Uint8Array {
  const bytes = new Uint8Array(END_RECORD_BYTES);
  const data = new DataView(bytes.buffer);
  data.setUint32(0, END_SIGNATURE, true);
  data.setUint16(8, entryCount, true);
  data.setUint16(10, entryCount, true);
  data.setUint32(12, directoryBytes, true);
  data.setUint32(16, directoryOffset, true);
  return bytes;
}
