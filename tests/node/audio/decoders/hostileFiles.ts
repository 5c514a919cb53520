/**
 * Malformed and hostile compressed recordings, each made from a committed fixture
 * (tests/fixtures/codecs/) by one precise change: cut at several points, a wrong name, lying
 * headers, absurd durations, empty frames, random bytes after a valid start, headers without
 * frames, an MP4 box claiming gigabytes, an Ogg page with a bad CRC. Every one must be refused
 * with one clear sentence and leave nothing behind.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { oggPageCrc } from '../../../../shared/audio/compressed/ogg.ts';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/codecs');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

export interface HostileFile {
  /** What is wrong, for the test's name. */
  readonly what: string;
  /** The name it is imported under (its extension may lie). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The API reason expected. */
  readonly reason: 'unknown-format' | 'undecodable-codec' | 'damaged-audio' | 'no-audio';
}

/** Deterministic noise bytes. */
function noise(length: number, seed = 1): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) >>> 0;
    return state >>> 24;
  });
}

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};

/** Start offsets of the Ogg pages of `bytes`. */
export function oggPages(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  for (let at = 0; at + 27 <= bytes.length;) {
    starts.push(at);
    const segments = bytes[at + 26];
    let size = 27 + segments;
    for (let i = 0; i < segments; i++) size += bytes[at + 27 + i];
    at += size;
  }
  return starts;
}

function oggPageEnd(bytes: Uint8Array, start: number): number {
  const segments = bytes[start + 26];
  let end = start + 27 + segments;
  for (let i = 0; i < segments; i++) end += bytes[start + 27 + i];
  return end;
}

/** Writes the correct CRC into the page at `start`, so only the intended lie remains. */
function fixCrc(bytes: Uint8Array, start: number): Uint8Array {
  const page = bytes.subarray(start, oggPageEnd(bytes, start));
  new DataView(page.buffer, page.byteOffset).setUint32(22, oggPageCrc(page), true);
  return bytes;
}

/** `edit` applied to a copy of the Ogg page at index `page` (negative: from the end), CRC fixed. */
function editOggPage(
  bytes: Uint8Array,
  page: number,
  edit: (view: DataView, start: number) => void,
) {
  const copy = bytes.slice();
  const pages = oggPages(copy);
  const start = pages[page < 0 ? pages.length + page : page];
  edit(new DataView(copy.buffer), start);
  return fixCrc(copy, start);
}

/** Offset of the content of the first MP4 box of `type` (its header starts 8 bytes earlier). */
export function boxContent(bytes: Uint8Array, type: string): number {
  const at = Buffer.from(bytes).indexOf(type, 0, 'latin1');
  if (at < 4) throw new Error(`no ${type} box`);
  return at + 4;
}

function editBytes(bytes: Uint8Array, edit: (view: DataView, copy: Uint8Array) => void) {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), copy);
  return copy;
}

function oggCases(): HostileFile[] {
  const opus = fixture('faulty.opus');
  const vorbis = fixture('faulty.ogg');
  const pages = oggPages(opus);
  const damaged = 'damaged-audio' as const;
  const headersOnly = editOggPage(opus.slice(0, pages[2]), 1, (v, s) => v.setUint8(s + 5, 4));
  const badCrc = opus.slice();
  badCrc[pages[3] + 40] ^= 0xff;
  return [
    {
      what: 'Ogg Opus cut in half',
      name: 'a.opus',
      bytes: opus.subarray(0, opus.length >> 1),
      reason: damaged,
    },
    {
      what: 'Ogg Opus cut at a page boundary',
      name: 'a.opus',
      bytes: opus.subarray(0, pages[pages.length - 1]),
      reason: damaged,
    },
    {
      what: 'Ogg Vorbis cut after 10 bytes',
      name: 'a.ogg',
      bytes: vorbis.subarray(0, 10),
      reason: damaged,
    },
    {
      what: 'Ogg Vorbis cut inside its headers',
      name: 'a.ogg',
      bytes: vorbis.subarray(0, 200),
      reason: damaged,
    },
    { what: 'an Ogg page with a bad CRC', name: 'a.opus', bytes: badCrc, reason: damaged },
    {
      what: 'random bytes after a valid OggS',
      name: 'a.ogg',
      bytes: concat(ascii('OggS'), noise(4000)),
      reason: damaged,
    },
    {
      what: 'an Ogg last page declaring 10^15 samples',
      name: 'a.opus',
      bytes: editOggPage(opus, -1, (v, s) => v.setBigInt64(s + 6, 10n ** 15n, true)),
      reason: damaged,
    },
    {
      what: 'Opus headers with no audio page',
      name: 'a.opus',
      bytes: headersOnly,
      reason: 'no-audio',
    },
    {
      what: 'an Ogg stream of an unknown codec',
      name: 'a.ogg',
      bytes: editOggPage(opus, 0, (v, s) => v.setUint32(s + 28, 0x58585858)),
      reason: 'undecodable-codec',
    },
    {
      what: 'an Ogg page of a second stream',
      name: 'a.ogg',
      bytes: editOggPage(vorbis, 4, (v, s) => v.setUint32(s + 14, 12345, true)),
      reason: damaged,
    },
    {
      what: 'an Opus header declaring 200 channels',
      name: 'a.opus',
      bytes: editOggPage(opus, 0, (v, s) => v.setUint8(s + 28 + 9, 200)),
      reason: damaged,
    },
  ];
}

function flacCases(): HostileFile[] {
  const flac = fixture('faulty.flac');
  const damaged = 'damaged-audio' as const;
  // STREAMINFO's content starts at byte 8; total samples are its bytes 13..17 (36 bits).
  const setTotal = (total: number) =>
    editBytes(flac, (v, c) => {
      c[8 + 13] = (c[8 + 13] & 0xf0) | Math.floor(total / 2 ** 32);
      v.setUint32(8 + 14, total % 2 ** 32);
    });
  const metadataEnd = (() => {
    let at = 4;
    for (;;) {
      const last = flac[at] & 0x80;
      at += 4 + ((flac[at + 1] << 16) | (flac[at + 2] << 8) | flac[at + 3]);
      if (last) return at;
    }
  })();
  return [
    {
      what: 'FLAC cut at 60 %',
      name: 'a.flac',
      bytes: flac.subarray(0, Math.floor(flac.length * 0.6)),
      reason: damaged,
    },
    {
      what: 'FLAC cut inside STREAMINFO',
      name: 'a.flac',
      bytes: flac.subarray(0, 20),
      reason: damaged,
    },
    {
      what: 'FLAC declaring ten times its samples',
      name: 'a.flac',
      bytes: setTotal(640_000),
      reason: damaged,
    },
    {
      what: 'FLAC declaring 2^36 - 1 samples',
      name: 'a.flac',
      bytes: setTotal(2 ** 36 - 1),
      reason: damaged,
    },
    {
      what: 'FLAC metadata with no frame',
      name: 'a.flac',
      bytes: flac.subarray(0, metadataEnd),
      reason: 'no-audio',
    },
    {
      what: 'random bytes after a FLAC frame sync',
      name: 'a.flac',
      bytes: concat(flac.subarray(0, metadataEnd), Uint8Array.of(0xff, 0xf8), noise(20_000, 3)),
      reason: damaged,
    },
    {
      what: 'FLAC at 0 Hz',
      name: 'a.flac',
      bytes: editBytes(flac, (_v, c) => ((c[18] = 0), (c[19] = 0), (c[20] &= 0x0f))),
      reason: damaged,
    },
    {
      what: 'a FLAC metadata block claiming 16 MB',
      name: 'a.flac',
      bytes: concat(flac.subarray(0, 42), Uint8Array.of(0x84, 0xff, 0xff, 0xff), noise(100)).map(
        (b, i) => (i === 4 ? b & 0x7f : b),
      ),
      reason: damaged,
    },
  ];
}

function amrCases(): HostileFile[] {
  const amr = fixture('faulty.amr');
  const awb = fixture('faulty.awb');
  const damaged = 'damaged-audio' as const;
  return [
    {
      what: 'AMR-NB cut inside a frame',
      name: 'a.amr',
      bytes: amr.subarray(0, amr.length - 7),
      reason: damaged,
    },
    { what: 'AMR-NB header alone', name: 'a.amr', bytes: ascii('#!AMR\n'), reason: 'no-audio' },
    {
      what: 'AMR-NB of zero-length (NO_DATA) frames only',
      name: 'a.amr',
      bytes: concat(ascii('#!AMR\n'), new Uint8Array(200).fill(0x7c)),
      reason: 'no-audio',
    },
    {
      what: 'AMR-NB frame of a reserved type',
      name: 'a.amr',
      bytes: concat(ascii('#!AMR\n'), Uint8Array.of(0x4c), noise(40)),
      reason: damaged,
    },
    {
      what: 'random bytes after the AMR-WB magic',
      name: 'a.awb',
      bytes: concat(ascii('#!AMR-WB\n'), noise(3000, 5)),
      reason: damaged,
    },
    {
      what: 'AMR-WB cut after 100 bytes',
      name: 'a.awb',
      bytes: awb.subarray(0, 100),
      reason: damaged,
    },
  ];
}

function mp4Cases(): HostileFile[] {
  const gp = fixture('faulty.3gp');
  const m4a = fixture('faulty.m4a');
  const damaged = 'damaged-audio' as const;
  const at = (type: string) => boxContent(gp, type);
  return [
    {
      what: 'an MP4 moov box claiming 2 GB',
      name: 'a.3gp',
      bytes: editBytes(gp, (v) => v.setUint32(at('moov') - 8, 0x7fffffff)),
      reason: damaged,
    },
    {
      what: 'a 3GP cut inside its samples',
      name: 'a.3gp',
      bytes: gp.subarray(0, gp.length - 3000),
      reason: damaged,
    },
    {
      what: 'an M4A cut after 1000 bytes',
      name: 'a.m4a',
      bytes: m4a.subarray(0, 1000),
      reason: damaged,
    },
    {
      what: 'a 3GP declaring 10^9 samples',
      name: 'a.3gp',
      bytes: editBytes(gp, (v) => v.setUint32(at('stsz') + 8, 1e9)),
      reason: damaged,
    },
    {
      what: 'an M4A with a zero-length sample',
      name: 'a.m4a',
      bytes: editBytes(m4a, (v) => v.setUint32(boxContent(m4a, 'stsz') + 12 + 4 * 5, 0)),
      reason: damaged,
    },
    {
      what: 'an MP4 time scale of 0',
      name: 'a.3gp',
      bytes: editBytes(gp, (v) => v.setUint32(at('mdhd') + 12, 0)),
      reason: damaged,
    },
    {
      what: 'an MP4 declaring a 10-year duration',
      name: 'a.3gp',
      bytes: editBytes(gp, (v) =>
        v.setUint32(
          at('mdhd') + 16,
          (v.getUint32(at('mdhd') + 12) * 3600 * 24 * 3650) >>> 0 || 0xffffffff,
        ),
      ),
      reason: damaged,
    },
    {
      what: 'an MP4 with no moov box',
      name: 'a.m4a',
      bytes: gp.subarray(0, at('moov') - 8),
      reason: damaged,
    },
    {
      what: 'an MP4 whose only track is video',
      name: 'a.3gp',
      bytes: editBytes(gp, (_v, c) => c.set(ascii('vide'), at('hdlr') + 8)),
      reason: 'no-audio',
    },
    { what: 'AAC in an M4A', name: 'memo.m4a', bytes: m4a, reason: 'undecodable-codec' },
  ];
}

function mp3Cases(): HostileFile[] {
  const mp3 = fixture('faulty.mp3');
  // ffmpeg writes an ID3v2 tag first: the first frame follows it (a syncsafe size).
  const firstFrame = 10 + ((mp3[6] << 21) | (mp3[7] << 14) | (mp3[8] << 7) | mp3[9]);
  const damaged = 'damaged-audio' as const;
  return [
    {
      what: 'MP3 cut inside its last frame',
      name: 'a.mp3',
      bytes: mp3.subarray(0, mp3.length - 100),
      reason: damaged,
    },
    {
      what: 'MP3 cut after its first header',
      name: 'a.mp3',
      bytes: mp3.subarray(0, firstFrame + 4),
      reason: damaged,
    },
    {
      what: 'random bytes after a valid MP3 frame header',
      name: 'a.mp3',
      bytes: concat(mp3.subarray(0, firstFrame + 4), noise(5000, 7)),
      reason: damaged,
    },
    {
      what: 'MP3 with garbage in its middle',
      name: 'a.mp3',
      bytes: concat(mp3.subarray(0, 10_000), noise(500, 9), mp3.subarray(10_000)),
      reason: damaged,
    },
    {
      what: 'an ID3 tag claiming more bytes than the file',
      name: 'a.mp3',
      bytes: concat(ascii('ID3'), Uint8Array.of(4, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f), noise(100)),
      reason: damaged,
    },
  ];
}

function otherCases(): HostileFile[] {
  return [
    {
      what: 'a PDF named .mp3',
      name: 'memo.mp3',
      bytes: concat(ascii('%PDF-1.7\n'), noise(500)),
      reason: 'unknown-format',
    },
    {
      what: 'a PNG named .m4a',
      name: 'memo.m4a',
      bytes: concat(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10), noise(500)),
      reason: 'unknown-format',
    },
    { what: 'an empty .ogg', name: 'memo.ogg', bytes: new Uint8Array(0), reason: 'unknown-format' },
    {
      what: 'text named .wav',
      name: 'memo.wav',
      bytes: ascii('not audio at all\n'),
      reason: 'unknown-format',
    },
    {
      what: 'raw ADTS AAC named .aac',
      name: 'memo.aac',
      bytes: concat(Uint8Array.of(0xff, 0xf1, 0x50, 0x80), noise(500)),
      reason: 'undecodable-codec',
    },
    {
      what: 'a ZIP named .amr',
      name: 'memo.amr',
      bytes: concat(ascii('PK\u0003\u0004'), noise(300)),
      reason: 'unknown-format',
    },
  ];
}

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
