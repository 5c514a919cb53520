import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeatureThread } from '../../../node/api/featureThread.ts';
import type { FeatureThread } from '../../../node/api/featureThread.ts';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import { inlineFeatureSource } from '../../../node/workflows/features.ts';
import { simWav, temporaryFolder } from '../library/libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let thread: FeatureThread;
let long: string;
let other: string;
let short: string;

beforeAll(async () => {
  folder = await temporaryFolder('auscult-feature-thread-');
  thread = createFeatureThread();
  long = join(folder.path, 'long.wav');
  other = join(folder.path, 'other.wav');
  short = join(folder.path, 'short.wav');
  await writeFile(long, simWav({ seed: 1, durationSeconds: 3 }));
  await writeFile(other, simWav({ seed: 2, durationSeconds: 2, sampleRateHz: 22050 }));
  await writeFile(short, simWav({ seed: 3, durationSeconds: 0.3 }));
});
afterAll(async () => {
  await thread.close();
  await folder.remove();
});

describe('features in the worker thread', () => {
  it('are the features computed in this thread, for whole files and ranges, in parallel', async () => {
    const range = { startFrame: 8000, frameCount: 16000 };
    const [a, b, c] = await Promise.all([
      thread.features(long),
      thread.features(other),
      thread.features(long, range),
    ]);
    expect(a).toEqual(await inlineFeatureSource.features(long));
    expect(b).toEqual(await inlineFeatureSource.features(other));
    expect(c).toEqual(await inlineFeatureSource.features(long, range));
    expect(b.sampleRateHz).toBe(22050);
  });

  it('rejects with the same InputError as this thread for a recording too short', async () => {
    const inline = await inlineFeatureSource.features(short).then(
      () => null,
      (e: unknown) => e as Error,
    );
    const error = await thread.features(short).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(inline?.message);
    expect((error as Error).message).toMatch(/too short to analyse/);
  });

  it('keeps working after a task failed', async () => {
    await expect(thread.features(join(folder.path, 'missing.wav'))).rejects.toThrow(/no such file/);
    expect((await thread.features(other)).sampleRateHz).toBe(22050);
  });
});

describe('a worker that cannot start', () => {
  it('falls back to computing in this thread, with the same features', async () => {
    const broken = createFeatureThread({
      workerUrl: new URL('./no-such-worker.ts', import.meta.url),
    });
    try {
      const [first, second] = await Promise.all([broken.features(other), broken.features(long)]);
      expect(first).toEqual(await inlineFeatureSource.features(other));
      expect(second).toEqual(await inlineFeatureSource.features(long));
      expect((await broken.features(other)).sampleRateHz).toBe(22050);
    } finally {
      await broken.close();
    }
  });
});
