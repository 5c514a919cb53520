import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import {
  ascii,
  chunk,
  ds64Payload,
  extensibleFmtPayload,
  fmtPayload,
  riff,
  sampleBytes,
  SAMPLE_FORMATS,
  simpleWav,
} from '../../helpers/wavBytes.ts';
import type { SampleFormat } from '../../helpers/wavBytes.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';

/** Raw codes written to the file and the value each must decode to. */
const encodingCases: { format: SampleFormat; raw: number[]; expected: number[] }[] = [
  { format: 'pcm8', raw: [0, 64, 128, 192, 255], expected: [-1, -0.5, 0, 0.5, 127 / 128] },
  {
    format: 'pcm16',
    raw: [-32768, -16384, 0, 1, 32767],
    expected: [-1, -0.5, 0, 1 / 32768, 32767 / 32768],
  },
  {
    format: 'pcm24',
    raw: [-8388608, -1, 0, 4194304, 8388607],
    expected: [-1, -1 / 8388608, 0, 0.5, 8388607 / 8388608],
  },
  {
    format: 'pcm32',
    raw: [-2147483648, -1, 0, 1073741824, 2147483647],
    expected: [-1, -1 / 2147483648, 0, 0.5, 2147483647 / 2147483648],
  },
  // Float samples beyond ±1 (vibration in g) are kept as they are.
  {
    format: 'float32',
    raw: [-1.5, -0.25, 0, 0.125, 3.75],
    expected: [-1.5, -0.25, 0, 0.125, 3.75],
  },
  { format: 'float64', raw: [-2.5, 1e-3, 0, 0.5, 100.25], expected: [-2.5, 1e-3, 0, 0.5, 100.25] },
];
const withLayouts = encodingCases.flatMap((c) => [
  { ...c, extensible: false, layout: 'plain' },
  { ...c, extensible: true, layout: 'extensible' },
]);

describe('decodeWav', () => {
  it.each(withLayouts)(
    'decodes $layout $format samples to their known values',
    async ({ format, raw, expected, extensible }) => {
      const bytes = simpleWav({ format, samples: raw, extensible, sampleRateHz: 44_100 });
      const { info, samples } = await decodeWav(bytes);
      const { bitsPerSample, bytesPerSample } = SAMPLE_FORMATS[format];
      expect(info).toMatchObject({
        container: 'RIFF',
        encoding: format.startsWith('pcm') ? 'pcm' : 'float',
        bitsPerSample,
        channelCount: 1,
        sampleRateHz: 44_100,
        blockAlignBytes: bytesPerSample,
        dataOffsetBytes: extensible ? 68 : 44,
        dataSizeBytes: raw.length * bytesPerSample,
        frameCount: raw.length,
        extensible,
        warnings: [],
      });
      expectClose(info.durationSeconds, raw.length / 44_100, 1e-15);
      expectArraysClose(samples, expected, 1e-7, 1e-9);
    },
  );

  const stereo = simpleWav({
    format: 'pcm16',
    channelCount: 2,
    samples: [16384, -16384, 32767, 0, -32768, -32768, 100, 300],
  });
  it.each([
    { channel: 'mix' as const, expected: [0, 32767 / 65536, -1, 200 / 32768] },
    { channel: 0, expected: [0.5, 32767 / 32768, -1, 100 / 32768] },
    { channel: 1, expected: [-0.5, 0, -1, 300 / 32768] },
  ])('reads channel $channel of a stereo file', async ({ channel, expected }) => {
    const { info, samples } = await decodeWav(stereo, { channel });
    expect(info.channelCount).toBe(2);
    expect(info.blockAlignBytes).toBe(4);
    expectArraysClose(samples, expected, 1e-7, 1e-9);
  });

  it('averages 32 channels and picks the last one', async () => {
    const frame = Array.from({ length: 32 }, (_, c) => (c + 1) * 0.01);
    const bytes = simpleWav({ format: 'float64', channelCount: 32, samples: [...frame, ...frame] });
    const mix = await decodeWav(bytes);
    const last = await decodeWav(bytes, { channel: 31 });
    expectArraysClose(mix.samples, [0.165, 0.165], 1e-7);
    expectArraysClose(last.samples, [0.32, 0.32], 1e-7);
  });

  it.each([1_000, 8_000, 768_000])('accepts a sample rate of %i Hz', async (sampleRateHz) => {
    const { info } = await decodeWav(simpleWav({ format: 'pcm16', samples: [1, 2], sampleRateHz }));
    expect(info.sampleRateHz).toBe(sampleRateHz);
    expectClose(info.durationSeconds, 2 / sampleRateHz, 1e-15);
  });

  it('skips unknown chunks before and after the fmt chunk, padding odd ones', async () => {
    const data = sampleBytes('pcm16', [1000, -1000, 2000]);
    const bytes = riff([
      chunk('LIST', ascii('INFOISFT\x05\x00\x00\x00sox!\x00')),
      chunk('fmt ', fmtPayload()),
      chunk('bext', new Uint8Array(7)),
      chunk('junk', [1, 2, 3]),
      chunk('data', data),
      chunk('id3 ', [9]),
    ]);
    const { info, samples } = await decodeWav(bytes);
    expect(info.dataOffsetBytes).toBe(bytes.length - 10 - 6);
    expect(info.warnings).toEqual([]);
    expectArraysClose(samples, [1000 / 32768, -1000 / 32768, 2000 / 32768], 1e-7);
  });

  it('reads an odd-sized data chunk followed by its pad byte and another chunk', async () => {
    const bytes = riff([
      chunk('fmt ', fmtPayload({ bitsPerSample: 8 })),
      chunk('data', [128, 255, 0]),
      chunk('LIST', ascii('INFO')),
    ]);
    const { info, samples } = await decodeWav(bytes);
    expect(info.frameCount).toBe(3);
    expect(info.warnings).toEqual([]);
    expectArraysClose(samples, [0, 127 / 128, -1], 1e-7);
  });

  it('steps over an odd-sized chunk whose pad byte is missing, with a warning', async () => {
    const bytes = riff([
      chunk('fmt ', fmtPayload()),
      chunk('junk', [1, 2, 3], { pad: false }),
      chunk('data', sampleBytes('pcm16', [4096])),
    ]);
    const { info, samples } = await decodeWav(bytes);
    expect(info.warnings).toEqual([expect.stringContaining('no pad byte')]);
    expectArraysClose(samples, [0.125], 1e-7);
  });

  it('warns about a byte rate that disagrees with rate × block align, and reads on', async () => {
    const bytes = riff([
      chunk('fmt ', fmtPayload({ byteRate: 12345 })),
      chunk('data', sampleBytes('pcm16', [16384])),
    ]);
    const { info, samples } = await decodeWav(bytes);
    expect(info.warnings).toEqual([expect.stringContaining('byte rate is 12345')]);
    expectArraysClose(samples, [0.5], 1e-7);
  });

  it('reads 24 valid bits in 32-bit extensible containers as 32-bit samples, with the mask', async () => {
    const fmt = extensibleFmtPayload({
      bitsPerSample: 32,
      validBits: 24,
      channelCount: 2,
      channelMask: 0x3,
    });
    const bytes = riff([chunk('fmt ', fmt), chunk('data', sampleBytes('pcm32', [256, 2 ** 30]))]);
    const { info, samples } = await decodeWav(bytes, { channel: 1 });
    expect(info).toMatchObject({ extensible: true, channelMask: 0x3, bitsPerSample: 32 });
    expect(info.warnings).toEqual([]);
    expectArraysClose(samples, [0.5], 1e-7);
  });

  it('warns when an extensible format claims more valid bits than its samples hold', async () => {
    const fmt = extensibleFmtPayload({ bitsPerSample: 16, validBits: 20 });
    const bytes = riff([chunk('fmt ', fmt), chunk('data', sampleBytes('pcm16', [-16384]))]);
    const { info, samples } = await decodeWav(bytes);
    expect(info.warnings).toEqual([expect.stringContaining('20 valid bits')]);
    expectArraysClose(samples, [-0.5], 1e-7);
  });

  it('reads a file with no frames as an empty recording', async () => {
    const { info, samples } = await decodeWav(simpleWav({ format: 'pcm24', samples: [] }));
    expect(info.frameCount).toBe(0);
    expect(info.durationSeconds).toBe(0);
    expect(samples.length).toBe(0);
  });
});

describe('decodeWav on RF64 and BW64', () => {
  const data = sampleBytes('float32', [0.5, -0.5, 2, -3]);
  const fmt = chunk('fmt ', fmtPayload({ formatTag: 3, bitsPerSample: 32, channelCount: 2 }));
  const ds64 = (dataSize: number) =>
    chunk('ds64', ds64Payload({ riffSize: 1000, dataSize, sampleCount: dataSize / 8 }));

  it.each(['RF64', 'BW64'])('takes the data size from ds64 in a small %s file', async (magic) => {
    const bytes = riff([ds64(16), fmt, chunk('data', data, { sizeField: 0xffffffff })], {
      magic,
      sizeField: 0xffffffff,
    });
    const { info, samples } = await decodeWav(bytes);
    expect(info).toMatchObject({ container: magic, frameCount: 2, dataSizeBytes: 16 });
    expect(info.dataOffsetBytes).toBe(12 + 36 + 24 + 8);
    expect(info.warnings).toEqual([]);
    expectArraysClose(samples, [0, -0.5], 1e-7);
  });

  it('uses the 32-bit data size when it is not 0xFFFFFFFF', async () => {
    const bytes = riff([ds64(16), fmt, chunk('data', data, { sizeField: 8 })], { magic: 'RF64' });
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(1);
  });

  it('skips a chunk whose 64-bit size comes from the ds64 table', async () => {
    const table = [{ id: 'junk', size: 6 }];
    const bytes = riff(
      [
        chunk('ds64', ds64Payload({ riffSize: 0, dataSize: 16, sampleCount: 2, table })),
        fmt,
        chunk('junk', new Uint8Array(6), { sizeField: 0xffffffff }),
        chunk('data', data, { sizeField: 0xffffffff }),
      ],
      { magic: 'RF64' },
    );
    const { samples } = await decodeWav(bytes);
    expectArraysClose(samples, [0, -0.5], 1e-7);
  });

  it('reads the whole frames there are when ds64 declares more data than the file has', async () => {
    const bytes = riff([ds64(800), fmt, chunk('data', data, { sizeField: 0xffffffff })], {
      magic: 'RF64',
    });
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(2);
    expect(info.warnings).toEqual([expect.stringContaining('cut off')]);
  });
});
