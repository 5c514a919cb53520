/**
 * A small zip writer for the tests, independent of the product's: every field of every header can
 * be set to a lie (names that differ between the local header and the directory, sizes, CRCs,
 * attributes, flags, methods, offsets), so that hostile bundles are built in the test itself.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';

export interface TestEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored, 8 deflated (default: 8 for .json, else 0); any other number is written as is. */
  method?: number;
  /** Replaces the data as written (after compression). */
  rawData?: Uint8Array;
  flags?: number;
  versionMadeBy?: number;
  externalAttributes?: number;
  crc32?: number;
  compressedBytes?: number;
  uncompressedBytes?: number;
  /** The name in the local header, when it should differ from the directory's. */
  localName?: string;
  /** The directory's offset of this entry's local header, when it should lie. */
  localOffset?: number;
}

export interface ZipOptions {
  /** The entry count the end record declares. */
  entryCount?: number;
  diskNumber?: number;
  zip64Locator?: boolean;
  /** Bytes before the first entry (a self-extracting stub). */
  prefix?: Uint8Array;
  /** Bytes after the end record. */
  suffix?: Uint8Array;
  /** Only the entries' data and local headers, no directory. */
  noDirectory?: boolean;
}

const u16 = (value: number) => Buffer.from([value & 0xff, (value >>> 8) & 0xff]);
const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value >>> 0);
  return bytes;
};

export function zip(entries: readonly TestEntry[], options: ZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (bytes: Uint8Array) => {
    parts.push(Buffer.from(bytes));
    offset += bytes.length;
  };
  if (options.prefix) push(options.prefix);
  for (const entry of entries) {
    const method = entry.method ?? (entry.name.endsWith('.json') ? 8 : 0);
    const packed = entry.rawData ?? (method === 8 ? deflateRawSync(entry.data) : entry.data);
    const crc = entry.crc32 ?? crc32(entry.data);
    const compressed = entry.compressedBytes ?? packed.length;
    const uncompressed = entry.uncompressedBytes ?? entry.data.length;
    const flags = entry.flags ?? 0x0800;
    const name = Buffer.from(entry.name, 'utf8');
    const localName = Buffer.from(entry.localName ?? entry.name, 'utf8');
    const shared = (nameBytes: Buffer) =>
      Buffer.concat([
        u16(20),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x5a21),
        u32(crc),
        u32(compressed),
        u32(uncompressed),
        u16(nameBytes.length),
        u16(0),
      ]);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(entry.versionMadeBy ?? 0x031e),
        shared(name),
        u16(0),
        u16(0),
        u16(0),
        u32(entry.externalAttributes ?? (0o100644 << 16) >>> 0),
        u32(entry.localOffset ?? offset),
        name,
      ]),
    );
    push(Buffer.concat([u32(0x04034b50), shared(localName), localName]));
    push(packed);
  }
  if (options.noDirectory) return Buffer.concat(parts);
  const directoryOffset = offset;
  for (const header of central) push(header);
  if (options.zip64Locator) push(Buffer.concat([u32(0x07064b50), Buffer.alloc(16)]));
  const count = options.entryCount ?? central.length;
  push(
    Buffer.concat([
      u32(0x06054b50),
      u16(options.diskNumber ?? 0),
      u16(0),
      u16(count),
      u16(count),
      u32(offset - directoryOffset - (options.zip64Locator ? 20 : 0)),
      u32(directoryOffset),
      u16(0),
    ]),
  );
  if (options.suffix) push(options.suffix);
  return Buffer.concat(parts);
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** A WAV-ish recording's bytes (the bundle checks do not decode audio). */
export function recordingBytes(sizeBytes = 3000, seed = 1): Buffer {
  const bytes = Buffer.alloc(sizeBytes);
  let state = seed;
  for (let i = 0; i < sizeBytes; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.write('RIFF', 0, 'latin1');
  return bytes;
}

/** A valid manifest for `files` (path → bytes), each a recording `recordings/<id>.wav`. */
export function manifestFor(files: Readonly<Record<string, Uint8Array>>): Record<string, unknown> {
  const entries = Object.entries(files).map(([path, data]) => ({
    path,
    sizeBytes: data.length,
    sha256: sha256(data),
  }));
  const recordings = entries
    .filter((entry) => /^recordings\/[A-Za-z0-9_-]+\.wav$/.test(entry.path))
    .map((entry) => ({
      id: entry.path.slice('recordings/'.length, -'.wav'.length),
      name: 'spindle.wav',
      createdAt: '2026-01-02T03:04:05.000Z',
      durationSeconds: 2,
      file: entry.path,
      sizeBytes: entry.sizeBytes,
      sha256: entry.sha256,
      format: 'wav',
      codec: null,
      diagnoses: [],
      notes: [],
    }));
  return {
    format: 'auscult-bundle',
    version: 1,
    createdAt: '2026-01-02T03:04:05.000Z',
    sender: { name: 'Li Wei' },
    machine: { profile: simLatheProfileJson },
    baseline: null,
    recordings,
    entries,
  };
}

export const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

/** The entries of a good bundle: the manifest of `files`, then the files. */
export function goodEntries(
  files: Readonly<Record<string, Uint8Array>>,
  manifest: unknown = manifestFor(files),
): TestEntry[] {
  return [
    { name: 'manifest.json', data: json(manifest) },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
  ];
}
