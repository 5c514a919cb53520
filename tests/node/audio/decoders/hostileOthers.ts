/** Hostile AMR, MP4/3GP, MP3 files, and content that is no recording under a recording's name. */
import { ascii, boxContent, concat, editBytes, fixture, noise } from './hostileEdits.ts';
import type { HostileFile } from './hostileEdits.ts';

export function amrCases(): HostileFile[] {
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

export function mp4Cases(): HostileFile[] {
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
      // 2^32 - 1 ticks of its time scale (8 kHz): six days for four seconds of audio.
      what: 'an MP4 declaring the longest duration its header can hold',
      name: 'a.3gp',
      bytes: editBytes(gp, (v) => v.setUint32(at('mdhd') + 16, 0xffffffff)),
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

export function mp3Cases(): HostileFile[] {
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

export function otherCases(): HostileFile[] {
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
