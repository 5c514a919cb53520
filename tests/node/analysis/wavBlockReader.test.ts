import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openWavBlockReader } from '../../../node/analysis/wavBlockReader.ts';
import { decodeWavFile } from '../../../node/audio/openWavFile.ts';
import { WavFormatError } from '../../../shared/audio/wavErrors.ts';
import type { ChannelSelection } from '../../../shared/audio/wavReader.ts';
import { machineSignal, writeWav } from './machineWav.ts';

let folder = '';
let mono = '';
let stereo = '';
let stereo16 = '';

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'auscult-blocks-'));
  mono = path.join(folder, 'mono.wav');
  stereo = path.join(folder, 'stereo.wav');
  await writeWav(mono, [machineSignal(0.5)], 'pcm16');
  await writeWav(stereo, [machineSignal(0.5, 3), machineSignal(0.5, 4)], 'float32');
  stereo16 = path.join(folder, 'stereo16.wav');
  await writeWav(stereo16, [machineSignal(0.5, 5), machineSignal(0.5, 6)], 'pcm16');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readAll(
  file: string,
  start: number,
  end: number,
  framesPerBlock: number,
  channel: ChannelSelection,
) {
  await using reader = await openWavBlockReader(file);
  const out = new Float64Array(end - start);
  const buffers = new Set<ArrayBufferLike>();
  let at = 0;
  for await (const block of reader.blocks(start, end, framesPerBlock, channel)) {
    expect(block.length).toBeLessThanOrEqual(framesPerBlock);
    buffers.add(block.buffer);
    out.set(block, at);
    at += block.length;
  }
  expect(at).toBe(end - start);
  return { out, buffers };
}

describe('openWavBlockReader', () => {
  it.each<{ label: string; file: () => string; channel: ChannelSelection }>([
    { label: 'a 16-bit mono file', file: () => mono, channel: 'mix' },
    { label: 'the mix of a float stereo file', file: () => stereo, channel: 'mix' },
    { label: 'channel 1 of a float stereo file', file: () => stereo, channel: 1 },
    { label: 'the mix of a 16-bit stereo file', file: () => stereo16, channel: 'mix' },
    { label: 'channel 0 of a 16-bit stereo file', file: () => stereo16, channel: 0 },
  ])('reads the same samples as decodeWavFile from $label', async ({ file, channel }) => {
    const expected = (await decodeWavFile(file(), { channel })).samples;
    const { out, buffers } = await readAll(file(), 1234, 20_000, 1000, channel);
    // Two channels of 16-bit or float32 samples average exactly in float32 and float64 alike.
    expect(out).toEqual(Float64Array.from(expected.subarray(1234, 20_000)));
    // Every block is a view of one reused buffer: nothing is allocated per block.
    expect(buffers.size).toBe(1);
  });

  it.each([
    { start: -1, end: 10, framesPerBlock: 10, channel: 'mix' as const, pattern: /startFrame/ },
    {
      start: 10,
      end: 5,
      framesPerBlock: 10,
      channel: 'mix' as const,
      pattern: /startFrame <= endFrame/,
    },
    {
      start: 0,
      end: 24_001,
      framesPerBlock: 10,
      channel: 'mix' as const,
      pattern: /endFrame <= 24000/,
    },
    { start: 0, end: 10, framesPerBlock: 0, channel: 'mix' as const, pattern: /framesPerBlock/ },
    { start: 0, end: 10, framesPerBlock: 10, channel: 1, pattern: /channel/ },
  ])(
    'rejects blocks($start, $end, $framesPerBlock, $channel)',
    async ({ start, end, framesPerBlock, channel, pattern }) => {
      await using reader = await openWavBlockReader(mono);
      const read = async () => {
        for await (const block of reader.blocks(start, end, framesPerBlock, channel)) void block;
      };
      await expect(read()).rejects.toThrow(RangeError);
      await expect(read()).rejects.toThrow(pattern);
    },
  );

  it('rejects a file that is not a WAV with WavFormatError', async () => {
    const text = path.join(folder, 'text.wav');
    await writeFile(text, 'hello, this is a text file and not a recording');
    await expect(openWavBlockReader(text)).rejects.toThrow(WavFormatError);
  });
});
