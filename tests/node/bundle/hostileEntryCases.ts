/**
 * Hostile review bundles by their entries' names and kinds: paths that escape or are not portable,
 * links and special files, names twice, entries the manifest does not list or lists but lacks.
 * Part of HOSTILE_CASES (hostile.test.ts opens and unpacks each).
 */
import { REC, rec, rec2, unixMode, unsafe, withEntries, withRecording } from './hostileBuilders.ts';
import type { HostileCase } from './hostileBuilders.ts';
import { goodEntries, manifestFor, zip } from './zipBuilder.ts';

export const ENTRY_CASES: readonly HostileCase[] = [
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
];
