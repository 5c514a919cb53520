import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeWavFile, openWavFile } from '../../../node/audio/openWavFile.ts';
import { openFileByteSource } from '../../../node/audio/fileByteSource.ts';
import { WavFormatError } from '../../../shared/audio/wavErrors.ts';
import { expectArraysClose, expectClose } from '../../helpers/tolerance.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataFolder = path.resolve(repoRoot, '../shared/data');
const cwru = (name: string) => path.join(dataFolder, 'cwru', name);
const DCASE_FILE = path.join(dataFolder, 'dcase2020-id00/normal_id_00_00000000.wav');

/** Decodes samples straight from the file bytes, independently of the reader. */
async function rawSamples(
  file: string,
  dataOffsetBytes: number,
  kind: 'float32' | 'int16',
): Promise<Float32Array> {
  const bytes = await readFile(file);
  const width = kind === 'float32' ? 4 : 2;
  const count = Math.floor((bytes.length - dataOffsetBytes) / width);
  return Float32Array.from({ length: count }, (_, i) => {
    const at = dataOffsetBytes + i * width;
    return kind === 'float32' ? bytes.readFloatLE(at) : bytes.readInt16LE(at) / 32768;
  });
}

describe('openWavFile on real recordings from ../shared/data', () => {
  it.each([
    { name: 'normal-97-0hp-48k.wav', sampleRateHz: 48_000 },
    { name: 'inner-race-021-1hp-210.wav', sampleRateHz: 12_000 },
  ])('reads the CWRU 32-bit float file $name', async ({ name, sampleRateHz }) => {
    const file = cwru(name);
    const { size } = await stat(file);
    await using reader = await openWavFile(file);
    const { info } = reader;
    // fmt is 18 bytes (cbSize 0) and a 4-byte fact chunk precedes data: audio starts at 58.
    expect(info).toMatchObject({
      container: 'RIFF',
      encoding: 'float',
      bitsPerSample: 32,
      channelCount: 1,
      sampleRateHz,
      blockAlignBytes: 4,
      dataOffsetBytes: 58,
      warnings: [],
    });
    expect(info.frameCount).toBe((size - 58) / 4);
    expect(info.dataSizeBytes).toBe(size - 58);
    expectClose(info.durationSeconds, info.frameCount / sampleRateHz, 1e-12);
    const samples = await reader.readFrames(0, info.frameCount);
    expectArraysClose(samples, await rawSamples(file, 58, 'float32'), 0);
  });

  it('keeps the CWRU inner-race samples beyond ±1 g as they are', async () => {
    const { samples } = await decodeWavFile(cwru('inner-race-021-1hp-210.wav'));
    const peak = samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(peak).toBeGreaterThan(1);
  });

  it('reads the DCASE 16-bit 16 kHz file and its size arithmetic', async () => {
    const { size } = await stat(DCASE_FILE);
    const { info, samples } = await decodeWavFile(DCASE_FILE);
    expect(info).toMatchObject({
      encoding: 'pcm',
      bitsPerSample: 16,
      channelCount: 1,
      sampleRateHz: 16_000,
      dataOffsetBytes: 44,
      frameCount: (size - 44) / 2,
      warnings: [],
    });
    expectClose(info.durationSeconds, 10, 1e-9);
    expectArraysClose(samples, await rawSamples(DCASE_FILE, 44, 'int16'), 0);
  });

  it('yields the same samples block by block as in one read', async () => {
    await using reader = await openWavFile(DCASE_FILE);
    const whole = await reader.readFrames(0, reader.info.frameCount);
    let at = 0;
    for await (const block of reader.blocks(4_096)) {
      expectArraysClose(block, whole.subarray(at, at + block.length), 0);
      at += block.length;
    }
    expect(at).toBe(reader.info.frameCount);
  });
});

describe('openWavFile on bad paths and files', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'auscult-reader-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('rejects a missing file with the fs error', async () => {
    await expect(openWavFile(path.join(folder, 'missing.wav'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });

  it('rejects a text file with a WavFormatError', async () => {
    const file = path.join(folder, 'notes.wav');
    await writeFile(file, 'spindle sounded rough today\n');
    await expect(openWavFile(file)).rejects.toBeInstanceOf(WavFormatError);
  });

  it('rejects a folder with a TypeError naming the path', async () => {
    await expect(openFileByteSource(folder)).rejects.toThrow(TypeError);
  });

  it('reads short at the end of the file and refuses reads after close', async () => {
    const file = path.join(folder, 'five.bin');
    await writeFile(file, Uint8Array.from([1, 2, 3, 4, 5]));
    const source = await openFileByteSource(file);
    expect(source.sizeBytes).toBe(5);
    expect(Array.from(await source.read(3, 10))).toEqual([4, 5]);
    expect(Array.from(await source.read(7, 2))).toEqual([]);
    await source.close();
    await expect(source.read(0, 1)).rejects.toThrow(/closed/);
  });
});
