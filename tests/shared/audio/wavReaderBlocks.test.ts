import { describe, expect, it } from 'vitest';
import { memoryByteSource } from '../../../shared/audio/byteSource.ts';
import type { ByteSource } from '../../../shared/audio/byteSource.ts';
import { openWav } from '../../../shared/audio/wavReader.ts';
import { WavFormatError } from '../../../shared/audio/wavErrors.ts';
import { simpleWav } from '../../helpers/wavBytes.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

/** Stereo 24-bit file whose left channel at frame i is the code i·100, the right −i·50. */
function rampWav(frameCount: number): Uint8Array {
  const samples: number[] = [];
  for (let i = 0; i < frameCount; i++) samples.push(i * 100, -i * 50);
  return simpleWav({ format: 'pcm24', channelCount: 2, samples });
}
const left = (i: number) => (i * 100) / 8388608;
const mix = (i: number) => (i * 25) / 8388608;
const expectedRange = (first: number, count: number, value: (i: number) => number) =>
  Array.from({ length: count }, (_, k) => value(first + k));

async function collect(iterator: AsyncIterable<Float32Array>): Promise<Float32Array[]> {
  const blocks: Float32Array[] = [];
  for await (const block of iterator) blocks.push(block);
  return blocks;
}

function concatBlocks(blocks: Float32Array[]): Float32Array {
  const out = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

describe('WavReader.readFrames', () => {
  const FRAMES = 5_000;
  const readerPromise = openWav(memoryByteSource(rampWav(FRAMES)));

  it.each([
    [0, 1],
    [0, FRAMES],
    [1, 7],
    [2_345, 1_000],
    [FRAMES - 3, 3],
    [FRAMES, 0],
  ])('reads frames %i..+%i of a stereo 24-bit ramp exactly', async (start, count) => {
    const reader = await readerPromise;
    const mixed = await reader.readFrames(start, count);
    const picked = await reader.readFrames(start, count, { channel: 0 });
    expectArraysClose(mixed, expectedRange(start, count, mix), 1e-7, 1e-9);
    expectArraysClose(picked, expectedRange(start, count, left), 1e-7, 1e-9);
  });

  it.each([
    { args: [-1, 1], name: 'startFrame' },
    { args: [0.5, 1], name: 'startFrame' },
    { args: [FRAMES + 1, 0], name: 'startFrame' },
    { args: [0, FRAMES + 1], name: 'frameCount' },
    { args: [10, -1], name: 'frameCount' },
    { args: [FRAMES - 1, 2], name: 'frameCount' },
  ])('refuses readFrames($args) with a RangeError naming $name', async ({ args, name }) => {
    const reader = await readerPromise;
    await expect(reader.readFrames(args[0], args[1])).rejects.toThrow(RangeError);
    await expect(reader.readFrames(args[0], args[1])).rejects.toThrow(name);
  });

  it.each([2, -1, 0.5, Number.NaN])('refuses channel %s of a stereo file', async (channel) => {
    const reader = await readerPromise;
    await expect(reader.readFrames(0, 1, { channel })).rejects.toThrow(/options\.channel/);
  });

  it('reads across the 4 MiB read slices without a seam', async () => {
    // 600 000 stereo float64 frames = 9.6 MB: three internal reads.
    const samples = new Array<number>(1_200_000);
    for (let i = 0; i < 600_000; i++) {
      samples[2 * i] = i / 1e6;
      samples[2 * i + 1] = 0;
    }
    const reader = await openWav(
      memoryByteSource(simpleWav({ format: 'float64', channelCount: 2, samples })),
    );
    const all = await reader.readFrames(0, 600_000, { channel: 0 });
    const expected = Float32Array.from({ length: 600_000 }, (_, i) => i / 1e6);
    expectArraysClose(all, expected, 1e-7, 1e-9);
  });
});

describe('WavReader.blocks', () => {
  it.each([1, 7, 64, 1_000, 4_999, 5_000, 8_192, 2 ** 21])(
    'yields consecutive blocks of %i frames that add up to the whole file',
    async (framesPerBlock) => {
      const reader = await openWav(memoryByteSource(rampWav(5_000)));
      const blocks = await collect(reader.blocks(framesPerBlock));
      const sizes = blocks.map((b) => b.length);
      const full = Math.floor(5_000 / framesPerBlock);
      expect(sizes.slice(0, full)).toEqual(new Array(full).fill(framesPerBlock));
      expect(sizes.length).toBe(Math.ceil(5_000 / framesPerBlock));
      expectArraysClose(concatBlocks(blocks), expectedRange(0, 5_000, mix), 1e-7, 1e-9);
    },
  );

  it('yields blocks of a chosen channel and range, each with its own buffer', async () => {
    const reader = await openWav(memoryByteSource(rampWav(3_000)));
    const blocks = await collect(
      reader.blocks(100, { channel: 0, startFrame: 1_234, frameCount: 550 }),
    );
    expect(blocks.map((b) => b.length)).toEqual([100, 100, 100, 100, 100, 50]);
    expect(new Set(blocks.map((b) => b.buffer)).size).toBe(blocks.length);
    expectArraysClose(concatBlocks(blocks), expectedRange(1_234, 550, left), 1e-7, 1e-9);
  });

  it('yields nothing for an empty range', async () => {
    const reader = await openWav(memoryByteSource(rampWav(10)));
    expect(await collect(reader.blocks(4, { startFrame: 10 }))).toEqual([]);
  });

  it.each([0, -3, 1.5])('refuses %s frames per block at once', async (framesPerBlock) => {
    const reader = await openWav(memoryByteSource(rampWav(10)));
    expect(() => reader.blocks(framesPerBlock)).toThrow(/framesPerBlock/);
  });

  it('yields the blocks before a NaN sample, then fails naming its byte', async () => {
    const samples = new Array<number>(10_000).fill(0.25);
    samples[7_000] = Number.NaN;
    const reader = await openWav(memoryByteSource(simpleWav({ format: 'float32', samples })));
    const seen: number[] = [];
    const error = await (async () => {
      for await (const block of reader.blocks(1_000)) seen.push(block.length);
    })().then(
      () => null,
      (e: unknown) => e,
    );
    expect(seen).toEqual([1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000]);
    expect(error).toBeInstanceOf(WavFormatError);
    expect(error).toMatchObject({ code: 'invalid-sample', byteOffset: 44 + 7_000 * 4 });
  });

  it('reads a channel beside a channel holding NaN without complaint', async () => {
    const bytes = simpleWav({ format: 'float32', channelCount: 2, samples: [0.5, NaN, 1, NaN] });
    const reader = await openWav(memoryByteSource(bytes));
    expectArraysClose(await reader.readFrames(0, 2, { channel: 0 }), [0.5, 1], 1e-7);
  });
});

describe('reading from a source that shrank after it was opened', () => {
  it('fails with truncated-data at the first missing byte', async () => {
    const bytes = simpleWav({ format: 'pcm16', samples: new Array<number>(100).fill(7) });
    const full = memoryByteSource(bytes);
    let shrunk = false;
    const source: ByteSource = {
      sizeBytes: bytes.length,
      read: async (offset, length) => {
        const got = await full.read(offset, length);
        return shrunk ? got.subarray(0, Math.max(0, 64 - offset)) : got;
      },
    };
    const reader = await openWav(source);
    shrunk = true;
    await expect(reader.readFrames(0, 100)).rejects.toMatchObject({
      code: 'truncated-data',
      byteOffset: 64,
    });
  });
});

describe('openWav arguments', () => {
  it.each([
    { sizeBytes: -1, read: async () => new Uint8Array(0) },
    { sizeBytes: 1.5, read: async () => new Uint8Array(0) },
  ])('refuses a source with sizeBytes $sizeBytes', async (source) => {
    await expect(openWav(source)).rejects.toThrow(TypeError);
  });
});

describe('memoryByteSource', () => {
  const source = memoryByteSource(Uint8Array.from([1, 2, 3, 4, 5]));

  it.each([
    [0, 2, [1, 2]],
    [3, 10, [4, 5]],
    [5, 1, []],
    [9, 1, []],
  ])('reads %i+%i as the bytes that exist', async (offset, length, expected) => {
    expect(Array.from(await source.read(offset, length))).toEqual(expected);
  });

  it.each([
    [-1, 1, 'offsetBytes'],
    [0, -1, 'lengthBytes'],
    [0.5, 1, 'offsetBytes'],
  ])('refuses read(%s, %s) naming %s', (offset, length, name) => {
    expect(() => source.read(offset, length)).toThrow(new RegExp(name));
  });
});
