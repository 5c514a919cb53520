/**
 * Hostile review bundles, each with the refusal it must get. Built here with the test's own zip
 * writer (zipBuilder.ts); hostile.test.ts opens and unpacks each and checks nothing is left.
 */
import { deflateRawSync } from 'node:zlib';
import {
  many,
  REC,
  rec,
  rec2,
  refusedManifest,
  unixMode,
  unsafe,
  withEntries,
  withManifest,
  withRecording,
  zeros,
} from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { CALIBRATION_CASES } from './hostileCalibrationCases.ts';
import { DECODED_AUDIO_CASES } from './hostileDecodedCases.ts';
import { goodEntries, manifestFor, recordingBytes, sha256, zip } from './zipBuilder.ts';

export type { HostileCase };

export const HOSTILE_CASES: readonly HostileCase[] = [
  unsafe('../evil.wav'),
  unsafe('recordings/../../evil.wav'),
  unsafe('/tmp/evil.wav'),
  unsafe('C:/evil.wav'),
  unsafe('C:evil.wav'),
  unsafe('recordings\\..\\..\\evil.wav'),
  unsafe('recordings\\a.wav'),
  unsafe('recordings//a.wav'),
  unsafe('./a.wav'),
  unsafe('rec\nordings/a.wav'),
  unsafe('recordings/录音.wav'),
  unsafe('recordings/CON.wav'),
  unsafe('a/b/c/d/e.wav'),
  unsafe('.hidden'),
  unsafe('recordings/r1.wav.'),
  {
    title: 'a symbolic link',
    code: 'symlink',
    bytes: () => withRecording({ externalAttributes: unixMode(0o120777) }),
  },
  {
    title: 'a folder entry',
    code: 'special-entry',
    bytes: () => withEntries([{ name: 'recordings/', data: Buffer.alloc(0) }]),
  },
  {
    title: 'a FIFO',
    code: 'special-entry',
    bytes: () => withRecording({ externalAttributes: unixMode(0o010644) }),
  },
  {
    title: 'an MS-DOS folder',
    code: 'special-entry',
    bytes: () => withRecording({ versionMadeBy: 20, externalAttributes: 0x10 }),
  },
  {
    title: 'a name twice',
    code: 'duplicate-name',
    bytes: () => withEntries([], (e) => [...e, e[1]]),
  },
  {
    title: 'names differing in case',
    code: 'duplicate-name',
    bytes: () => withEntries([{ name: 'recordings/R1.wav', data: rec }]),
  },
  {
    title: 'two manifests',
    code: 'duplicate-name',
    bytes: () => withEntries([], (e) => [...e, e[0]]),
  },
  {
    title: 'an entry not in the manifest',
    code: 'entry-not-in-manifest',
    bytes: () => zip([...goodEntries({ [REC]: rec }), { name: 'extra.txt', data: rec2 }]),
  },
  {
    title: 'a manifest entry missing',
    code: 'entry-missing',
    bytes: () => zip(goodEntries({ [REC]: rec }, manifestFor({ [REC]: rec, 'notes.txt': rec2 }))),
  },
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
  refusedManifest('version 4', 'unknown-version', (m) => ({ ...m, version: 4 })),
  refusedManifest('version "1" as text', 'unknown-version', (m) => ({ ...m, version: '1' })),
  refusedManifest('another format', 'invalid-manifest', (m) => ({ ...m, format: 'zip' })),
  refusedManifest('a manifest that is an array', 'invalid-manifest', (m) => [m]),
  refusedManifest('no sender', 'invalid-manifest', (m) => ({ ...m, sender: undefined })),
  refusedManifest('an unknown field', 'invalid-manifest', (m) => ({ ...m, extra: 1 })),
  refusedManifest('a bad hash text', 'invalid-manifest', (m) => ({
    ...m,
    entries: [{ path: REC, sizeBytes: rec.length, sha256: 'XYZ' }],
  })),
  refusedManifest('a recording file elsewhere', 'invalid-manifest', (m) => ({
    ...m,
    recordings: (m.recordings as object[]).map((r) => ({ ...r, file: 'r1.wav' })),
  })),
  refusedManifest('an invalid profile', 'invalid-manifest', (m) => ({
    ...m,
    machine: { profile: { id: 'x' } },
  })),
  refusedManifest('the manifest listing itself', 'invalid-manifest', (m) => ({
    ...m,
    entries: [
      ...(m.entries as object[]),
      { path: 'manifest.json', sizeBytes: 1, sha256: sha256(rec) },
    ],
  })),
  refusedManifest('a path listed twice', 'invalid-manifest', (m) => ({
    ...m,
    entries: [...(m.entries as object[]), ...(m.entries as object[])],
  })),
  refusedManifest('no recording', 'invalid-manifest', (m) => ({ ...m, recordings: [] })),
  {
    title: 'a manifest that is not JSON',
    code: 'manifest-not-json',
    bytes: () =>
      zip([{ name: 'manifest.json', data: Buffer.from('{"format": "auscult-bundle",') }]),
  },
  {
    title: 'the manifest not first',
    code: 'manifest-missing',
    bytes: () => withEntries([], (e) => [e[1], e[0]]),
  },
  { title: 'no manifest', code: 'manifest-missing', bytes: () => zip([{ name: REC, data: rec }]) },
  {
    title: 'a stub before the zip',
    code: 'manifest-missing',
    bytes: () => zip(goodEntries({ [REC]: rec }), { prefix: Buffer.from('#!/bin/sh\nexit\n') }),
  },
  {
    title: 'a manifest too large',
    code: 'too-large',
    bytes: () =>
      zip([{ name: 'manifest.json', data: recordingBytes(17 * 1024 * 1024), method: 0 }]),
  },
  { title: 'an encrypted entry', code: 'encrypted', bytes: () => withRecording({ flags: 0x0801 }) },
  { title: 'strong encryption', code: 'encrypted', bytes: () => withRecording({ flags: 0x0841 }) },
  { title: 'AES (method 99)', code: 'encrypted', bytes: () => withRecording({ method: 99 }) },
  {
    title: 'bzip2 (method 12)',
    code: 'unsupported-compression',
    bytes: () => withRecording({ method: 12 }),
  },
  {
    title: 'LZMA (method 14)',
    code: 'unsupported-compression',
    bytes: () => withRecording({ method: 14 }),
  },
  {
    title: 'a local name unlike the directory',
    code: 'damaged',
    bytes: () => withRecording({ localName: '../evil.wav' }),
  },
  {
    title: 'entries that overlap',
    code: 'damaged',
    bytes: () => withEntries([{ name: 'notes.txt', data: rec2, localOffset: 0 }]),
  },
  {
    title: 'damaged deflate data',
    code: 'damaged',
    bytes: () =>
      withEntries([
        {
          name: 'notes.txt',
          data: rec2,
          rawData: Buffer.concat([Buffer.from([0xff]), recordingBytes(200, 7)]),
          method: 8,
        },
      ]),
  },
  {
    title: 'a directory with more than its count',
    code: 'damaged',
    bytes: () => zip(goodEntries({ [REC]: rec }), { entryCount: 1 }),
  },
  {
    title: 'ZIP64',
    code: 'zip64',
    bytes: () => zip(goodEntries({ [REC]: rec }), { zip64Locator: true }),
  },
  {
    title: 'a split archive',
    code: 'multi-disk',
    bytes: () => zip(goodEntries({ [REC]: rec }), { diskNumber: 1 }),
  },
  {
    title: 'text, not a zip',
    code: 'not-a-bundle',
    bytes: () => Buffer.from('hello, this is not a bundle\n'),
  },
  { title: 'an empty file', code: 'not-a-bundle', bytes: () => Buffer.alloc(0) },
  {
    title: 'a zip cut off',
    code: 'not-a-bundle',
    bytes: () => zip(goodEntries({ [REC]: rec })).subarray(0, 2000),
  },
  {
    title: 'local headers without a directory',
    code: 'not-a-bundle',
    bytes: () => zip(goodEntries({ [REC]: rec }), { noDirectory: true }),
  },
  {
    title: 'junk after the end record',
    code: 'not-a-bundle',
    bytes: () => zip(goodEntries({ [REC]: rec }), { suffix: Buffer.from('junk') }),
  },
  ...DECODED_AUDIO_CASES,
  ...CALIBRATION_CASES,
];
