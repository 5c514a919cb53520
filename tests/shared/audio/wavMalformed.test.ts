import { describe, expect, it } from 'vitest';
import {
  ascii,
  chunk,
  concat,
  extensibleFmtPayload,
  fmtPayload,
  FORMAT_FLOAT,
  riff,
  subFormatGuid,
  u16,
  u32,
} from '../../helpers/wavBytes.ts';
import type { FmtSpec } from '../../helpers/wavBytes.ts';
import { bad, DATA, expectMalformed, FMT } from '../../helpers/malformedWav.ts';
import type { MalformedCase } from '../../helpers/malformedWav.ts';

// Layout of the files below: RIFF header 0..11, first chunk at 12, its payload at 20; a 16-byte
// fmt chunk ends at 36, so the next chunk starts at 36 and a data payload after it at 44.
const FIELD = { formatTag: 20, channels: 22, rate: 24, blockAlign: 32, bits: 34, cbSize: 36 };
const GUID_AT = 44;

const withFmt = (spec: FmtSpec) =>
  riff([chunk('fmt ', fmtPayload(spec)), chunk('data', new Uint8Array(16))]);
const withFmtBytes = (payload: readonly number[]) =>
  riff([chunk('fmt ', payload), chunk('data', new Uint8Array(16))]);
const oddJunkWithoutPad = chunk('junk', [1, 2, 3], { pad: false });
const garbage = [0xfe, 0xff, 0x10, 0x80, 1, 0, 0, 0, 0, 0];
// The fmt chunk counts among the 10 000 chunks the walk allows: the 10 001st starts at 36 + 9999·8.
const manyEmptyChunks = concat(...Array.from({ length: 10_001 }, () => chunk('junk')));
const AMBISONIC_B_FORMAT_GUID = [
  0x01, 0x00, 0x00, 0x00, 0x21, 0x07, 0xd3, 0x11, 0x86, 0x44, 0xc8, 0xc1, 0xca, 0x00, 0x00, 0x00,
];

const containerCases: MalformedCase[] = [
  bad('an empty file', 'empty-file', 0, []),
  bad('a text file', 'not-riff', 0, ascii('time,level\n0,1\n')),
  bad('a one-byte text file', 'not-riff', 0, ascii('x')),
  bad('an MP3 file', 'not-riff', 0, [...ascii('ID3'), 4, 0, 0, 0, 0, 0, 0]),
  bad('an Ogg file', 'not-riff', 0, [...ascii('OggS'), ...new Array(40).fill(0)]),
  bad('an AIFF file', 'not-riff', 0, [...ascii('FORM'), ...u32(4), ...ascii('AIFF')]),
  bad('the first two bytes of a RIFF header', 'truncated-header', 0, ascii('RI')),
  bad('a RIFF header cut off at 6 bytes', 'truncated-header', 0, [...ascii('RIFF'), 36, 0]),
  bad('a RIFF header cut off at 11 bytes', 'truncated-header', 0, ascii('RIFF\x04\0\0\0WAV')),
  bad('a big-endian RIFX file', 'big-endian', 0, riff([FMT, DATA], { magic: 'RIFX' })),
  bad('a RIFF of form AVI', 'not-wave', 8, riff([FMT, DATA], { form: 'AVI ' })),
  bad('a RIFF of a binary form', 'not-wave', 8, riff([FMT, DATA], { form: '\0\x01\x02\x03' })),
];

const chunkCases: MalformedCase[] = [
  bad('a bare 12-byte WAVE header', 'missing-fmt', 12, riff([])),
  bad('a file with only a LIST chunk', 'missing-fmt', 24, riff([chunk('LIST', ascii('INFO'))])),
  bad('a fmt chunk and no data chunk', 'missing-data', 36, riff([FMT])),
  bad('fmt and LIST but no data', 'missing-data', 48, riff([FMT, chunk('LIST', ascii('INFO'))])),
  bad(
    'a last odd chunk without pad byte, no data',
    'missing-data',
    47,
    riff([FMT, oddJunkWithoutPad]),
  ),
  bad('two fmt chunks', 'duplicate-fmt', 36, riff([FMT, FMT, DATA])),
  bad('a data chunk before the fmt chunk', 'data-before-fmt', 12, riff([DATA, FMT])),
  bad('a data chunk and no fmt chunk', 'data-before-fmt', 12, riff([DATA])),
  bad(
    'a chunk header cut off after its id',
    'truncated-chunk-header',
    36,
    riff([FMT, ascii('data')]),
  ),
  bad(
    'a chunk header cut off in its size',
    'truncated-chunk-header',
    36,
    riff([FMT, ascii('data\x08\0')]),
  ),
  bad(
    'a fmt chunk cut off by the end of the file',
    'truncated-chunk',
    12,
    riff([FMT.subarray(0, 18)]),
  ),
  bad(
    'a fmt chunk of size 2^32 - 1',
    'truncated-chunk',
    12,
    riff([chunk('fmt ', fmtPayload(), { sizeField: 0xffffffff }), DATA]),
  ),
  bad(
    'a LIST chunk of size 2^32 - 2',
    'truncated-chunk',
    12,
    riff([chunk('LIST', ascii('INFO'), { sizeField: 0xfffffffe }), FMT, DATA]),
  ),
  bad(
    'a junk chunk of size 2^32 - 16',
    'truncated-chunk',
    36,
    riff([FMT, chunk('junk', [1, 2], { sizeField: 0xfffffff0 }), DATA]),
  ),
  bad(
    'binary garbage where a chunk should start',
    'invalid-chunk-id',
    36,
    riff([FMT, garbage, DATA]),
  ),
  bad(
    'an odd chunk without pad byte, then garbage',
    'invalid-chunk-id',
    48,
    riff([FMT, oddJunkWithoutPad, garbage]),
  ),
  bad(
    '10 001 empty chunks before the audio',
    'too-many-chunks',
    36 + 9_999 * 8,
    riff([FMT, manyEmptyChunks, DATA]),
  ),
];

const fmtCases: MalformedCase[] = [
  bad('a fmt chunk of size 0', 'fmt-too-small', 12, withFmtBytes([])),
  bad('a fmt chunk of 14 bytes', 'fmt-too-small', 12, withFmtBytes(fmtPayload().slice(0, 14))),
  bad(
    'zero channels',
    'invalid-channel-count',
    FIELD.channels,
    withFmt({ channelCount: 0, blockAlign: 2 }),
  ),
  bad('33 channels', 'invalid-channel-count', FIELD.channels, withFmt({ channelCount: 33 })),
  bad(
    '65535 channels',
    'invalid-channel-count',
    FIELD.channels,
    withFmt({ channelCount: 65535, blockAlign: 2 }),
  ),
  bad('a sample rate of 0 Hz', 'unsupported-sample-rate', FIELD.rate, withFmt({ sampleRateHz: 0 })),
  bad(
    'a sample rate of 999 Hz',
    'unsupported-sample-rate',
    FIELD.rate,
    withFmt({ sampleRateHz: 999 }),
  ),
  bad(
    'a sample rate of 800 kHz',
    'unsupported-sample-rate',
    FIELD.rate,
    withFmt({ sampleRateHz: 800_000 }),
  ),
  bad(
    'a sample rate of 2^32 - 1 Hz',
    'unsupported-sample-rate',
    FIELD.rate,
    withFmt({ sampleRateHz: 0xffffffff, byteRate: 0 }),
  ),
  ...[0, 7, 13, 48, 64].map((bits) =>
    bad(
      `${bits}-bit PCM`,
      'unsupported-bit-depth',
      FIELD.bits,
      withFmt({ bitsPerSample: bits, blockAlign: 2 }),
    ),
  ),
  ...[8, 16, 24].map((bits) =>
    bad(
      `${bits}-bit float`,
      'unsupported-bit-depth',
      FIELD.bits,
      withFmt({ formatTag: FORMAT_FLOAT, bitsPerSample: bits }),
    ),
  ),
  bad(
    'a block align of 2 for 16-bit stereo',
    'block-align-mismatch',
    FIELD.blockAlign,
    withFmt({ channelCount: 2, blockAlign: 2 }),
  ),
  bad('a block align of 0', 'block-align-mismatch', FIELD.blockAlign, withFmt({ blockAlign: 0 })),
  bad(
    '24-bit mono padded to 4 bytes',
    'block-align-mismatch',
    FIELD.blockAlign,
    withFmt({ bitsPerSample: 24, blockAlign: 4 }),
  ),
  ...(
    [
      [0x0000, 'format 0'],
      [0x0002, 'Microsoft ADPCM'],
      [0x0006, 'A-law'],
      [0x0011, 'IMA ADPCM'],
      [0x0055, 'MP3'],
      [0xabcd, 'an unknown code'],
    ] as const
  ).map(([formatTag, name]) =>
    bad(
      `${name} (0x${formatTag.toString(16)})`,
      'unsupported-encoding',
      FIELD.formatTag,
      withFmt({ formatTag }),
    ),
  ),
];

const extensibleCases: MalformedCase[] = [
  bad(
    'an extensible fmt of 16 bytes',
    'extensible-too-small',
    12,
    withFmtBytes(extensibleFmtPayload().slice(0, 16)),
  ),
  bad(
    'an extensible fmt with cbSize 0',
    'extensible-too-small',
    FIELD.cbSize,
    withFmtBytes([...extensibleFmtPayload().slice(0, 16), ...u16(0)]),
  ),
  bad(
    'an extensible fmt with cbSize 10',
    'extensible-too-small',
    FIELD.cbSize,
    withFmtBytes(extensibleFmtPayload({ cbSize: 10 })),
  ),
  bad(
    'an extensible fmt cut to 24 bytes',
    'extensible-too-small',
    12,
    withFmtBytes(extensibleFmtPayload().slice(0, 24)),
  ),
  bad(
    'a random subformat GUID',
    'unknown-subformat',
    GUID_AT,
    withFmtBytes(extensibleFmtPayload({ subFormat: Array.from({ length: 16 }, (_, i) => i * 17) })),
  ),
  bad(
    'an ambisonic B-format subformat',
    'unknown-subformat',
    GUID_AT,
    withFmtBytes(extensibleFmtPayload({ subFormat: AMBISONIC_B_FORMAT_GUID })),
  ),
  bad(
    'an ADPCM subformat',
    'unsupported-encoding',
    GUID_AT,
    withFmtBytes(extensibleFmtPayload({ subFormat: 0x0002 })),
  ),
  bad(
    'an extensible fmt with 40 channels',
    'invalid-channel-count',
    FIELD.channels,
    withFmtBytes(extensibleFmtPayload({ channelCount: 40 })),
  ),
  bad(
    'extensible float with 16 bits',
    'unsupported-bit-depth',
    FIELD.bits,
    withFmtBytes(
      extensibleFmtPayload({ subFormat: subFormatGuid(FORMAT_FLOAT), bitsPerSample: 16 }),
    ),
  ),
];

const allCases = [...containerCases, ...chunkCases, ...fmtCases, ...extensibleCases];

describe('decodeWav on malformed files', () => {
  it('covers at least 40 distinct malformed headers (samples and RF64: wavReaderMalformedData)', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length);
  });

  it.each(allCases)('rejects $name with $code at byte $byteOffset', expectMalformed, 1000);
});
