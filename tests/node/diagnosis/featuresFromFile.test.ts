import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { BLOCK_FRAMES, extractFileFeatures } from '../../../node/diagnosis/featuresFromFile.ts';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import { createAnalysisPool } from '../../../node/analysis/analysisPool.ts';

const FS = 16000;
let folder: string;
let longWav: Uint8Array;

async function write(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

/** Two workers, so long files are analysed in ranges side by side. */
const pool = createAnalysisPool({ threads: 2 });

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-features-'));
  // 5 s at 16 kHz: 80 000 frames, more than one block of BLOCK_FRAMES.
  longWav = encodeWav([simulateMachine({ sampleRateHz: FS, durationSeconds: 5, seed: 1 })], FS);
  await write('long.wav', longWav);
});

afterAll(async () => {
  await pool.close();
  await rm(folder, { recursive: true, force: true });
});

describe('extractFileFeatures', () => {
  it('reads in several blocks and gives exactly the features of the decoded samples', async () => {
    const { samples } = await decodeWav(longWav);
    expect(samples.length).toBeGreaterThan(BLOCK_FRAMES);
    const fromFile = await extractFileFeatures(join(folder, 'long.wav'));
    expect(fromFile.features).toEqual(extractFeatures(samples, FS));
    expect(fromFile.info.sampleRateHz).toBe(FS);
    expect(fromFile.path).toBe(join(folder, 'long.wav'));
  });

  it('reads only the range asked for', async () => {
    const { samples } = await decodeWav(longWav);
    const range = { startFrame: 12_345, frameCount: 40_000 };
    const { features } = await extractFileFeatures(join(folder, 'long.wav'), range);
    expect(features).toEqual(extractFeatures(samples.subarray(12_345, 52_345), FS));
  });

  it('mixes the channels of a stereo file to mono', async () => {
    const left = simulateMachine({ sampleRateHz: FS, durationSeconds: 1, seed: 2 });
    const path = await write('stereo.wav', encodeWav([left, left], FS, { encoding: 'float32' }));
    const mono = await write('mono.wav', encodeWav([left], FS, { encoding: 'float32' }));
    const stereoFeatures = (await extractFileFeatures(path)).features;
    expect(stereoFeatures).toEqual((await extractFileFeatures(mono)).features);
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    [
      'a missing file',
      async () => join(folder, 'nothing.wav'),
      /cannot read recording ".*nothing\.wav": no such file/,
    ],
    ['a folder', async () => folder, /is not a regular file/],
    [
      'a text file',
      () => write('notes.wav', 'hello, this is text'),
      /cannot use recording ".*notes\.wav": not a WAV file/,
    ],
    [
      'a WAV cut inside its header',
      () => write('cut.wav', longWav.subarray(0, 30)),
      /cannot use recording ".*cut\.wav"/,
    ],
    [
      'a recording of 0.2 s',
      () => write('short.wav', encodeWav([new Float64Array(0.2 * FS)], FS)),
      /"[^"]*short\.wav" is too short to analyse: 0\.20 s, at least 0\.5 s/,
    ],
    ['an empty file', () => write('empty.wav', new Uint8Array(0)), /empty/],
  ])('rejects %s with an InputError naming the file', async (_, make, message) => {
    const path = await make();
    const error = await extractFileFeatures(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a range past the end of the file with a RangeError', async () => {
    await expect(
      extractFileFeatures(join(folder, 'long.wav'), { startFrame: 70_000, frameCount: 20_000 }),
    ).rejects.toThrow(RangeError);
  });
});

describe('extractFileFeatures on a long recording', () => {
  it('gives the same features, byte for byte, on worker threads as in one thread', async () => {
    const rate = 8000;
    const samples = simulateMachine({ sampleRateHz: rate, durationSeconds: 32, seed: 3 });
    const path = await write('thirty-two-seconds.wav', encodeWav([samples], rate));
    const inProcess = await extractFileFeatures(path);
    const onWorkers = await extractFileFeatures(path, {}, { pool });
    expect(JSON.stringify(onWorkers.features)).toBe(JSON.stringify(inProcess.features));
    expect(inProcess.features.durationSeconds).toBeCloseTo(32, 6);
  });
});
