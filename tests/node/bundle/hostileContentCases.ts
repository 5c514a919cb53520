/**
 * Hostile review bundles by what their entries hold: bombs by size and by ratio, too many
 * entries, archives nested inside, and sizes and checksums that lie.
 * Part of HOSTILE_CASES (hostile.test.ts opens and unpacks each).
 */
import { deflateRawSync } from 'node:zlib';
import {
  many,
  REC,
  rec,
  rec2,
  withEntries,
  withManifest,
  withRecording,
  zeros,
} from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { goodEntries, sha256, zip } from './zipBuilder.ts';

export const CONTENT_CASES: readonly HostileCase[] = [
  {
    title: 'a bomb by total size',
    code: 'too-large',
    bytes: () =>
      withEntries([], (e) => [
        ...e,
        {
          name: 'big1.bin',
          data: rec2,
          compressedBytes: 1.5 * 1024 ** 3,
          uncompressedBytes: 1.5 * 1024 ** 3,
        },
        {
          name: 'big2.bin',
          data: rec2,
          compressedBytes: 1.5 * 1024 ** 3,
          uncompressedBytes: 1.5 * 1024 ** 3,
        },
      ]),
  },
  {
    title: 'a bomb by ratio',
    code: 'ratio',
    bytes: () => withEntries([{ name: 'zeros.bin', data: zeros, method: 8 }]),
  },
  {
    title: 'a stored entry that expands',
    code: 'ratio',
    bytes: () => withRecording({ uncompressedBytes: 30_000 }),
  },
  { title: '1001 entries', code: 'too-many-entries', bytes: () => zip(many(1001)) },
  { title: '20 000 entries', code: 'too-many-entries', bytes: () => zip(many(20_000)) },
  {
    title: 'an end record claiming 60 000 entries',
    code: 'too-many-entries',
    bytes: () => zip(goodEntries({ [REC]: rec }), { entryCount: 60_000 }),
  },
  {
    title: 'a nested zip by name',
    code: 'nested-archive',
    bytes: () => withEntries([{ name: 'inner.zip', data: rec2 }]),
  },
  {
    title: 'a nested .auscult by name',
    code: 'nested-archive',
    bytes: () => withEntries([{ name: 'x/inner.auscult', data: rec2 }]),
  },
  {
    title: 'a nested zip by content',
    code: 'nested-archive',
    bytes: () =>
      withEntries([{ name: 'recordings/r2.wav', data: zip(goodEntries({ [REC]: rec })) }]),
  },
  {
    title: 'a nested gzip by content',
    code: 'nested-archive',
    bytes: () =>
      withEntries([{ name: 'notes.txt', data: Buffer.concat([Buffer.from([0x1f, 0x8b]), rec2]) }]),
  },
  {
    title: 'a manifest size that lies',
    code: 'size-mismatch',
    bytes: () =>
      withManifest((m) => ({
        ...m,
        entries: [{ path: REC, sizeBytes: 100, sha256: sha256(rec) }],
        recordings: (m.recordings as object[]).map((r) => ({ ...r, sizeBytes: 100 })),
      })),
  },
  {
    title: 'deflated data longer than declared',
    code: 'size-mismatch',
    bytes: () =>
      withEntries([
        {
          name: 'notes.txt',
          data: rec2.subarray(0, 4000),
          rawData: deflateRawSync(rec2),
          method: 8,
        },
      ]),
  },
  {
    title: 'deflated data shorter than declared',
    code: 'size-mismatch',
    bytes: () =>
      withEntries([
        {
          name: 'notes.txt',
          data: rec2,
          rawData: deflateRawSync(rec2.subarray(0, 4000)),
          method: 8,
        },
      ]),
  },
  {
    title: 'a SHA-256 that lies',
    code: 'hash-mismatch',
    bytes: () =>
      withManifest(
        (m) => ({
          ...m,
          entries: (m.entries as object[]).map((e, i) =>
            i === 1 ? { ...e, sha256: sha256(rec) } : e,
          ),
        }),
        { [REC]: rec, 'notes.txt': rec2 },
      ),
  },
  { title: 'a CRC that lies', code: 'crc-mismatch', bytes: () => withRecording({ crc32: 1234 }) },
];
