/**
 * The page's reading of an M4A's AAC track before it decodes (shared/audio/compressed/aacTrack.ts):
 * the committed fixtures' own rate, and one sentence for anything malformed or not AAC.
 */
import { describe, expect, it } from 'vitest';
import { isMp4Container, readAacTrack } from '../../../../shared/audio/compressed/aacTrack.ts';
import { CompressedFormatError } from '../../../../shared/audio/compressed/formatError.ts';
import { encodeWav } from '../../../../shared/audio/wavEncoder.ts';
import {
  ascii,
  boxContent,
  editBytes,
  fixture,
} from '../../../node/audio/decoders/hostileEdits.ts';
import { FIXTURE_SECONDS } from '../../../fixtures/codecs/sources.ts';

const m4a = fixture('faulty.m4a');
/** Where the 'mp4a' sample entry's content starts (its rate is a 16.16 number at +24). */
const entry = boxContent(m4a, 'mp4a');

describe('readAacTrack', () => {
  it.each(['faulty.m4a', 'healthy.m4a'])('reads %s: 44.1 kHz, about its 4 s', (name) => {
    const track = readAacTrack(fixture(name));
    expect(track.container).toBe('m4a');
    expect(track.sampleRateHz).toBe(44_100);
    // The encoder's priming frame (1024 samples) is counted in the track's duration.
    expect(track.durationSeconds).toBeGreaterThanOrEqual(FIXTURE_SECONDS);
    expect(track.durationSeconds).toBeLessThan(FIXTURE_SECONDS + 2048 / 44_100);
  });

  it('takes the rate from the sample entry, not from a guess', () => {
    const track = readAacTrack(editBytes(m4a, (v) => v.setUint32(entry + 24, 22_050 << 16)));
    expect(track.sampleRateHz).toBe(22_050);
  });

  it('tells an MP4 by its ftyp box, whatever the name', () => {
    expect(isMp4Container(m4a.subarray(0, 64))).toBe(true);
    expect(isMp4Container(fixture('faulty.3gp').subarray(0, 64))).toBe(true);
    expect(isMp4Container(fixture('faulty.mp3').subarray(0, 64))).toBe(false);
    expect(isMp4Container(new Uint8Array(0))).toBe(false);
  });

  const refused: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /does not begin with an 'ftyp' box/],
    ['a WAV file', encodeWav([new Float32Array(100)], 8000), /does not begin with an 'ftyp' box/],
    ['an MP3', fixture('faulty.mp3'), /does not begin with an 'ftyp' box/],
    ['a 3GP holding AMR', fixture('faulty.3gp'), /holds AMR-NB audio, not AAC/],
    ['cut after 1000 bytes', m4a.subarray(0, 1000), /damaged/],
    ['cut 3000 bytes short', m4a.subarray(0, m4a.length - 3000), /damaged/],
    [
      'a rate of 0',
      editBytes(m4a, (v) => v.setUint32(entry + 24, 0)),
      /declares a sample rate of 0 Hz/,
    ],
    [
      'a rate of 4 kHz',
      editBytes(m4a, (v) => v.setUint32(entry + 24, 4000 << 16)),
      /declares a sample rate of 4000 Hz/,
    ],
    [
      'an unknown sample entry',
      editBytes(m4a, (_v, c) => c.set(ascii('xyzw'), entry - 4)),
      /'xyzw' audio/,
    ],
    [
      'a moov box claiming 2 GB',
      editBytes(m4a, (v) => v.setUint32(boxContent(m4a, 'moov') - 8, 0x7fffffff)),
      /damaged/,
    ],
    [
      'a time scale of 0',
      editBytes(m4a, (v) => v.setUint32(boxContent(m4a, 'mdhd') + 12, 0)),
      /time scale of 0/,
    ],
  ];

  it.each(refused)('refuses %s in one sentence', (_what, bytes, message) => {
    let caught: unknown;
    try {
      readAacTrack(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CompressedFormatError);
    const text = (caught as Error).message;
    expect(text).toMatch(message);
    expect(text.split(/[.!?]\s/).length).toBe(1);
  });
});
