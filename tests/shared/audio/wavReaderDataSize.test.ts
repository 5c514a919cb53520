import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { ascii, chunk, concat, fmtPayload, riff, sampleBytes } from '../../helpers/wavBytes.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

// 16-bit stereo: 4-byte frames; data payload starts at byte 44.
const fmt = chunk('fmt ', fmtPayload({ channelCount: 2 }));
const frames = sampleBytes('pcm16', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
const scaled = (values: number[]) => values.map((v) => v / 32768);

describe('decodeWav when the data chunk size does not match the file', () => {
  it('reads the whole frames of a data chunk cut off by the end of the file', async () => {
    const declared = chunk('data', frames, { sizeField: 400 });
    const bytes = riff([fmt, declared.subarray(0, 8 + 18)]); // 4 frames and half of a fifth
    const { info, samples } = await decodeWav(bytes);
    expect(info).toMatchObject({ frameCount: 4, dataSizeBytes: 16, dataOffsetBytes: 44 });
    // 400 bytes of 4-byte frames at 48 kHz: what the header announced, for the import's warning.
    expect(info.declaredDurationSeconds).toBeCloseTo(100 / 48000, 12);
    expect(info.warnings).toEqual([
      expect.stringContaining('declares 400 bytes but the file ends after 18'),
      expect.stringContaining('partial frame of 2 bytes'),
    ]);
    expectArraysClose(samples, scaled([1.5, 3.5, 5.5, 7.5]), 1e-7);
  });

  it('drops a partial trailing frame of a data chunk whose size is not whole frames', async () => {
    const bytes = riff([fmt, chunk('data', frames.subarray(0, 19))]);
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(4);
    expect(info.declaredDurationSeconds).toBeNull();
    expect(info.warnings).toEqual([expect.stringContaining('partial frame of 3 bytes')]);
  });

  it.each([
    { sizeField: 0xffffffff, what: 'a size of 0xFFFFFFFF' },
    { sizeField: 0, what: 'a size of 0 with audio after it' },
  ])('reads to the end of the file for $what (an unfinished streaming writer)', async (c) => {
    const bytes = riff([fmt, chunk('data', frames, { sizeField: c.sizeField })]);
    const { info, samples } = await decodeWav(bytes);
    expect(info.frameCount).toBe(5);
    // Unfinished, not cut off: nothing was announced that the file lacks.
    expect(info.declaredDurationSeconds).toBeNull();
    expect(info.warnings).toEqual([expect.stringContaining('did not finish')]);
    expectArraysClose(samples, scaled([1.5, 3.5, 5.5, 7.5, 9.5]), 1e-7);
  });

  it('takes a data size of 0 followed by another chunk as an empty recording', async () => {
    const bytes = riff([fmt, chunk('data', []), chunk('LIST', ascii('INFO'))]);
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(0);
    expect(info.warnings).toEqual([]);
  });

  it('keeps a too-small declared size and warns about the bytes after it that are not a chunk', async () => {
    // A recorder that crashed after writing more audio than its last header update covered.
    const bytes = concat(riff([fmt, chunk('data', frames.subarray(0, 8))]), frames.subarray(8));
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(2);
    expect(info.warnings).toEqual([expect.stringContaining('12 bytes after the data chunk')]);
  });

  it('reads the frames a data chunk declares when a proper chunk follows it', async () => {
    const bytes = riff([fmt, chunk('data', frames.subarray(0, 8)), chunk('LIST', ascii('INFO'))]);
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(2);
    expect(info.warnings).toEqual([]);
  });

  it('ignores a RIFF size field that disagrees with the file', async () => {
    const bytes = riff([fmt, chunk('data', frames)], { sizeField: 7 });
    const { info } = await decodeWav(bytes);
    expect(info.frameCount).toBe(5);
    expect(info.warnings).toEqual([]);
  });
});
