import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { splitFrameRange } from '../../../node/analysis/frameRanges.ts';
import type { RangeJobName } from '../../../node/analysis/rangeJobs.ts';
import { createRangeWorkerPool, runRangeJob } from '../../../node/analysis/rangeWorkerPool.ts';
import type { SpectraJobOptions } from '../../../node/analysis/spectraJob.ts';
import { resolveWelchSettings } from '../../../shared/dsp/welchSegments.ts';
import { SAMPLE_RATE_HZ, machineSignal, writeWav } from './machineWav.ts';

const FRAMES = SAMPLE_RATE_HZ * 2;
let folder = '';
let file = '';

const jobOptions: SpectraJobOptions = {
  welch: resolveWelchSettings('test', SAMPLE_RATE_HZ, { segmentLength: 1024 }),
  envelope: null,
  channel: 'mix',
  blockFrames: 4096,
  wasmFft: false,
  frameCount: FRAMES,
};

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'auscult-pool-'));
  file = path.join(folder, 'two-seconds.wav');
  await writeWav(file, [machineSignal(2)], 'pcm16');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createRangeWorkerPool', () => {
  it('returns one partial per range, in the order of the ranges', async () => {
    const ranges = splitFrameRange(FRAMES, 5, 512);
    const partials = await runRangeJob('spectra', file, ranges, jobOptions, 2);
    expect(partials.map((p) => p.range)).toEqual(ranges);
    const counts = partials.map((p) => p.stats.count);
    expect(counts).toEqual(ranges.map((r) => r.endFrame - r.startFrame));
  });

  it("keeps a failing task's error class and message, and keeps working after it", async () => {
    const pool = createRangeWorkerPool(1);
    try {
      const bad = { ...jobOptions, channel: 2 };
      await expect(
        pool.run('spectra', file, [{ startFrame: 0, endFrame: 1024 }], bad),
      ).rejects.toThrow(/range job spectra: .*channel must be 'mix' or an integer from 0 to 0/);
      await expect(
        pool.run('spectra', file, [{ startFrame: 0, endFrame: 1024 }], bad),
      ).rejects.toThrow(RangeError);
      const [partial] = await pool.run(
        'spectra',
        file,
        [{ startFrame: 0, endFrame: 1024 }],
        jobOptions,
      );
      // Segments starting in [0, 1024) with hop 512: at 0 and 512.
      expect(partial.signal.segmentCount).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('rejects a job name it does not know with a TypeError', async () => {
    const pool = createRangeWorkerPool(1);
    try {
      const unknown = 'features' as RangeJobName;
      await expect(
        pool.run(unknown, file, [{ startFrame: 0, endFrame: 10 }], jobOptions),
      ).rejects.toThrow(TypeError);
    } finally {
      await pool.close();
    }
  });

  it('rejects work after close, and work still pending when it closes', async () => {
    const pool = createRangeWorkerPool(1);
    const pending = pool.run('spectra', file, splitFrameRange(FRAMES, 4, 512), jobOptions);
    const outcome = expect(pending).rejects.toThrow(/closed/);
    await pool.close();
    await outcome;
    await expect(pool.run('spectra', file, [], jobOptions)).rejects.toThrow(/closed/);
  });

  it.each([0, -1, 1.5])('rejects %s threads', (threads) => {
    expect(() => createRangeWorkerPool(threads)).toThrow(RangeError);
  });

  it('does not keep Node running when a caller forgets to close it', async () => {
    const poolModule = fileURLToPath(
      new URL('../../../node/analysis/rangeWorkerPool.ts', import.meta.url),
    );
    const script = path.join(folder, 'forgetful.ts');
    await writeFile(
      script,
      `import { createRangeWorkerPool } from ${JSON.stringify(poolModule)};\n` +
        `const pool = createRangeWorkerPool(2);\n` +
        `const parts = await pool.run('spectra', ${JSON.stringify(file)}, [{ startFrame: 0, endFrame: 2048 }], ${JSON.stringify(jobOptions)});\n` +
        `console.log(parts.length);\n`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('1');
  });
});
