/** Hostile Ogg (Opus, Vorbis) and FLAC files. */
import { ascii, concat, editBytes, editOggPage, fixture, noise, oggPages } from './hostileEdits.ts';
import type { HostileFile } from './hostileEdits.ts';

export function oggCases(): HostileFile[] {
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

export function flacCases(): HostileFile[] {
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
