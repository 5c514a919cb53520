import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import {
  healthyItemsFromFiles,
  healthyItemsFromSegments,
  pieceCount,
  pieceRanges,
} from '../../../node/diagnosis/healthyItems.ts';
import { InputError } from '../../../node/diagnosis/inputError.ts';

const FS = 8000;
let folder: string;

async function recording(name: string, seconds: number, seed: number): Promise<string> {
  const path = join(folder, name);
  const samples = simulateMachine({ sampleRateHz: FS, durationSeconds: seconds, seed });
  await writeFile(path, encodeWav([samples], FS));
  return path;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-healthy-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('pieceCount', () => {
  it.each([
    // [seconds, recordings, pieces]
    [12, 1, 6],
    [3, 1, 6],
    [2, 1, 4],
    [0.9, 1, 1],
    [10, 2, 3],
    [10, 3, 2],
    [10, 4, 1],
    [10, 20, 1],
  ])('cuts a %s s recording among %s into %s pieces', (seconds, recordings, pieces) => {
    expect(pieceCount(seconds * FS, FS, recordings)).toBe(pieces);
  });

  it('never cuts pieces shorter than 0.5 s, even at an odd sample rate', () => {
    const rate = 11025;
    const pieces = pieceCount(rate, rate, 1);
    expect(Math.floor(rate / pieces)).toBeGreaterThanOrEqual(0.5 * rate);
  });
});

describe('pieceRanges', () => {
  it('covers the stretch with equal consecutive pieces, the last taking the remainder', () => {
    expect(pieceRanges(100, 1003, 4)).toEqual([
      { startFrame: 100, frameCount: 250 },
      { startFrame: 350, frameCount: 250 },
      { startFrame: 600, frameCount: 250 },
      { startFrame: 850, frameCount: 253 },
    ]);
  });
});

describe('healthyItemsFromFiles', () => {
  it('cuts a single recording into six pieces, each its own calibration group', async () => {
    const path = await recording('one.wav', 6, 1);
    const { items, groups, sources } = await healthyItemsFromFiles([path]);
    expect(items).toHaveLength(6);
    expect(groups).toEqual([0, 1, 2, 3, 4, 5]);
    expect(items.map((f) => f.durationSeconds)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(sources).toEqual([{ name: 'one.wav', sampleRateHz: FS, durationSeconds: 6 }]);
  });

  it('gives the pieces of one recording the same group when there are two', async () => {
    const paths = [await recording('a.wav', 3, 2), await recording('b.wav', 3, 3)];
    const { items, groups, sources } = await healthyItemsFromFiles(paths);
    expect(items).toHaveLength(6);
    expect(groups).toEqual([0, 0, 0, 1, 1, 1]);
    expect(sources.map((s) => s.name)).toEqual(['a.wav', 'b.wav']);
  });

  it('keeps four or more recordings whole, one item each', async () => {
    const paths = await Promise.all([4, 5, 6, 7].map((s) => recording(`w${s}.wav`, 1, s)));
    const { items, groups } = await healthyItemsFromFiles(paths);
    expect(items).toHaveLength(4);
    expect(groups).toEqual([0, 1, 2, 3]);
  });

  it('uses only the stretch of a segment', async () => {
    const path = await recording('stretch.wav', 6, 8);
    const { items, sources } = await healthyItemsFromSegments([
      { path, startFrame: FS, frameCount: 3 * FS },
    ]);
    expect(items).toHaveLength(6);
    expect(items.every((f) => f.durationSeconds === 0.5)).toBe(true);
    expect(sources[0].durationSeconds).toBe(3);
  });

  it('rejects a single recording too short to calibrate a threshold', async () => {
    const path = await recording('brief.wav', 0.8, 9);
    const error = await healthyItemsFromFiles([path]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(
      /at least two healthy recordings or one of at least 1 s/,
    );
  });

  it('names the unreadable file among several', async () => {
    const good = await recording('good.wav', 1, 10);
    const error = await healthyItemsFromFiles([good, join(folder, 'gone.wav')]).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/gone\.wav": no such file/);
  });
});
