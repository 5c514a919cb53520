import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  createAnalysisPool,
  createInlineAnalysisPool,
} from '../../../node/analysis/analysisPool.ts';
import type { AnalysisPool } from '../../../node/analysis/analysisPool.ts';
import { splitFrameRange } from '../../../node/analysis/frameRanges.ts';
import type { RangeJobName } from '../../../node/analysis/rangeJobs.ts';
import { FRAMES, jobOptions, twoSecondWav } from './poolFixture.ts';

const wav = twoSecondWav();
const ranges = splitFrameRange(FRAMES, 5, 512);

async function using<T>(pool: AnalysisPool, work: (pool: AnalysisPool) => Promise<T>): Promise<T> {
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}

describe('createAnalysisPool', () => {
  it('returns one partial per range, in the order of the ranges, as the inline pool', async () => {
    const partials = await using(createAnalysisPool({ threads: 2 }), (pool) =>
      pool.run('spectra', wav.path, ranges, jobOptions),
    );
    expect(partials.map((p) => p.range)).toEqual(ranges);
    const counts = partials.map((p) => p.stats.count);
    expect(counts).toEqual(ranges.map((r) => r.endFrame - r.startFrame));
    const inline = await createInlineAnalysisPool().run('spectra', wav.path, ranges, jobOptions);
    expect(partials.map((p) => p.signal)).toEqual(inline.map((p) => p.signal));
  });

  it('serves several callers at once, each getting its own results', async () => {
    await using(createAnalysisPool({ threads: 2, start: 'now' }), async (pool) => {
      const runs = [1, 2, 3, 4].map((parts) =>
        pool.run('spectra', wav.path, splitFrameRange(FRAMES, parts, 512), jobOptions),
      );
      const results = await Promise.all(runs);
      expect(results.map((partials) => partials.length)).toEqual([1, 2, 3, 4]);
      for (const partials of results) {
        expect(partials.reduce((sum, p) => sum + p.stats.count, 0)).toBe(FRAMES);
      }
    });
  });

  it("keeps a failing task's error class and message, and keeps working after it", async () => {
    await using(createAnalysisPool({ threads: 1 }), async (pool) => {
      const bad = { ...jobOptions, channel: 2 };
      const first = [{ startFrame: 0, endFrame: 1024 }];
      await expect(pool.run('spectra', wav.path, first, bad)).rejects.toThrow(
        /range job spectra: .*channel must be 'mix' or an integer from 0 to 0/,
      );
      await expect(pool.run('spectra', wav.path, first, bad)).rejects.toThrow(RangeError);
      const [partial] = await pool.run('spectra', wav.path, first, jobOptions);
      // Segments starting in [0, 1024) with hop 512: at 0 and 512.
      expect(partial.signal.segmentCount).toBe(2);
    });
  });

  it('rejects a job name it does not know with a TypeError', async () => {
    await using(createAnalysisPool({ threads: 1 }), async (pool) => {
      const unknown = 'nonsense' as RangeJobName;
      await expect(
        pool.run(unknown, wav.path, [{ startFrame: 0, endFrame: 10 }], jobOptions),
      ).rejects.toThrow(TypeError);
    });
  });

  it('rejects work after close, and work still pending when it closes', async () => {
    const pool = createAnalysisPool({ threads: 1 });
    const pending = pool.run('spectra', wav.path, splitFrameRange(FRAMES, 4, 512), jobOptions);
    const outcome = expect(pending).rejects.toThrow(/closed/);
    await pool.close();
    await outcome;
    await expect(pool.run('spectra', wav.path, [], jobOptions)).rejects.toThrow(/closed/);
  });

  it.each([0, -1, 1.5])('rejects %s threads', (threads) => {
    expect(() => createAnalysisPool({ threads })).toThrow(RangeError);
  });

  it('runs in this thread, with the same results, when its worker file is missing', async () => {
    const reasons: Error[] = [];
    const workerUrl = pathToFileURL(path.join(wav.folder, 'no-such-worker.js'));
    const partials = await using(
      createAnalysisPool({ threads: 2, workerUrl, onFallback: (e) => reasons.push(e) }),
      async (pool) => {
        const first = await pool.run('spectra', wav.path, ranges, jobOptions);
        // Later runs go straight to this thread.
        const again = await pool.run('spectra', wav.path, ranges, jobOptions);
        expect(again.map((p) => p.signal)).toEqual(first.map((p) => p.signal));
        return first;
      },
    );
    expect(reasons).toHaveLength(1);
    expect(reasons[0].message).toMatch(/no-such-worker/);
    const inline = await createInlineAnalysisPool().run('spectra', wav.path, ranges, jobOptions);
    expect(partials.map((p) => p.signal)).toEqual(inline.map((p) => p.signal));
  });

  it('fails the task of a worker that dies after starting, and does not hide it', async () => {
    const dying = path.join(wav.folder, 'dying-worker.mjs');
    await writeFile(
      dying,
      "import { parentPort } from 'node:worker_threads';\n" +
        'parentPort.postMessage({ ready: true });\n' +
        'parentPort.on("message", () => process.exit(7));\n',
    );
    const reasons: Error[] = [];
    await using(
      createAnalysisPool({
        threads: 1,
        workerUrl: pathToFileURL(dying),
        onFallback: (e) => reasons.push(e),
      }),
      async (pool) => {
        const one = [{ startFrame: 0, endFrame: 1024 }];
        await expect(pool.run('spectra', wav.path, one, jobOptions)).rejects.toThrow(/exit code 7/);
        // A new worker takes the dead one's place: it dies too, and says so again.
        await expect(pool.run('spectra', wav.path, one, jobOptions)).rejects.toThrow(/exit code 7/);
      },
    );
    expect(reasons).toEqual([]);
  });

  it('does not keep Node running when a caller forgets to close it', async () => {
    const poolModule = fileURLToPath(
      new URL('../../../node/analysis/analysisPool.ts', import.meta.url),
    );
    const script = path.join(wav.folder, 'forgetful.ts');
    await writeFile(
      script,
      `import { createAnalysisPool } from ${JSON.stringify(poolModule)};\n` +
        `const pool = createAnalysisPool({ threads: 2, start: 'now' });\n` +
        `const parts = await pool.run('spectra', ${JSON.stringify(wav.path)}, [{ startFrame: 0, endFrame: 2048 }], ${JSON.stringify(jobOptions)});\n` +
        `console.log(parts.length);\n`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('1');
  });

  it('does not keep Node running with idle workers it never used', async () => {
    const poolModule = fileURLToPath(
      new URL('../../../node/analysis/analysisPool.ts', import.meta.url),
    );
    const started = performance.now();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createAnalysisPool } from ${JSON.stringify(poolModule)};\n` +
          `createAnalysisPool({ threads: 2, start: 'now' });\nconsole.log('done');\n`,
      ],
      { timeout: 20_000 },
    );
    expect(stdout.trim()).toBe('done');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
