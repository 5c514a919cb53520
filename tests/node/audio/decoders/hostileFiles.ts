/**
 * Malformed and hostile compressed recordings, each made from a committed fixture
 * (tests/fixtures/codecs/) by one precise change: cut at several points, a wrong name, lying
 * headers, absurd durations, empty frames, random bytes after a valid start, headers without
 * frames, an MP4 box claiming gigabytes, an Ogg page with a bad CRC. Every one must be refused
 * with one clear sentence and leave nothing behind.
 */
import type { HostileFile } from './hostileEdits.ts';
import { flacCases, oggCases } from './hostileOggFlac.ts';
import { amrCases, mp3Cases, mp4Cases, otherCases } from './hostileOthers.ts';

export { FIXTURES, fixture } from './hostileEdits.ts';
export type { HostileFile } from './hostileEdits.ts';

/** Every hostile case. */
export function hostileFiles(): HostileFile[] {
  return [
    ...oggCases(),
    ...flacCases(),
    ...amrCases(),
    ...mp4Cases(),
    ...mp3Cases(),
    ...otherCases(),
  ];
}
