/** What a file is, from its first bytes, whatever its name (shared/audio/compressed/sniff.ts). */
import { describe, expect, it } from 'vitest';
import { oggPageCrc } from '../../../shared/audio/compressed/ogg.ts';
import { sniffContent } from '../../../shared/audio/compressed/sniff.ts';

const bytes = (text: string, ...tail: number[]) =>
  Uint8Array.from([...[...text].map((c) => c.charCodeAt(0)), ...tail]);

describe('sniffing content', () => {
  it.each([
    ['RIFF', 'wav'],
    ['RF64', 'wav'],
    ['OggS', 'ogg'],
    ['fLaC', 'flac'],
    ['#!AMR\n', 'amr-nb'],
    ['#!AMR-WB\n', 'amr-wb'],
    ['ID3', 'mp3'],
    ['\u0000\u0000\u0000\u0018ftypM4A ', 'mp4'],
    ['\u0000\u0000\u0000\u0018ftyp3gp4', 'mp4'],
  ])('recognises %j as %s', (start, container) => {
    expect(sniffContent(bytes(start, 0, 0, 0, 0))).toEqual({ kind: 'audio', container });
  });

  it('recognises an MPEG layer III frame header, and not layer II or a free bit rate', () => {
    expect(sniffContent(Uint8Array.of(0xff, 0xfb, 0x90, 0x64))).toEqual({
      kind: 'audio',
      container: 'mp3',
    });
    expect(sniffContent(Uint8Array.of(0xff, 0xfd, 0x90, 0x64)).kind).toBe('other');
    expect(sniffContent(Uint8Array.of(0xff, 0xfb, 0x00, 0x64)).kind).toBe('other');
  });

  it.each([
    [Uint8Array.of(0xff, 0xf1, 0x50, 0x80), 'aac-adts'],
    [bytes('%PDF-1.7'), 'pdf'],
    [bytes('PK\u0003\u0004'), 'zip'],
    [Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3), 'webm'],
    [bytes('FORM\u0000\u0000\u0000\u0000AIFF'), 'aiff'],
    [bytes('id,value\n1,2\n'), 'text'],
    [new Uint8Array(0), 'empty'],
    [Uint8Array.of(0, 1, 2, 3, 250), 'unknown'],
  ])('names other content: %j is %s', (head, what) => {
    expect(sniffContent(head)).toEqual({ kind: 'other', what });
  });
});

describe('the Ogg CRC', () => {
  it('is the CRC-32 of RFC 3533 (polynomial 0x04c11db7, no reflection), checksum field as zero', () => {
    // "123456789" is the check string of CRC catalogues: CRC-32/MPEG-2 without its initial
    // value and final XOR, as Ogg uses it, gives 0x89a1897f.
    const page = new Uint8Array(26 + 9);
    page.set(bytes('123456789'), 26);
    const checksumOnly = oggPageCrc(page);
    page.set([1, 2, 3, 4], 22); // the checksum field is ignored
    expect(oggPageCrc(page)).toBe(checksumOnly);
    expect(oggPageCrc(bytes('123456789'))).toBe(0x89a1897f);
  });
});
