/**
 * Hostile review bundles by the zip around them: encryption, compression methods the reader does
 * not decode, damaged structure, ZIP64, split archives, and files that are no zip at all.
 * Part of HOSTILE_CASES (hostile.test.ts opens and unpacks each).
 */
import { REC, rec, rec2, withEntries, withRecording } from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { goodEntries, recordingBytes, zip } from './zipBuilder.ts';

export const CONTAINER_CASES: readonly HostileCase[] = [
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
];
