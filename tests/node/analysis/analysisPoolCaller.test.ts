/**
 * A pool whose calling thread computes too (`callerRuns`, the command line's pool): the same
 * results as in one thread, tasks taken by the caller while no worker has started, and by the
 * workers once they have.
 */
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createAnalysisPool,
  createInlineAnalysisPool,
} from '../../../node/analysis/analysisPool.ts';
import { splitFrameRange } from '../../../node/analysis/frameRanges.ts';
import { FRAMES, jobOptions, twoSecondWav } from './poolFixture.ts';

const wav = twoSecondWav();
const ranges = splitFrameRange(FRAMES, 6, 512);

describe('createAnalysisPool with callerRuns', () => {
  it('gives the results of one thread, whoever ran each range', async () => {
    const pool = createAnalysisPool({ threads: 2, callerRuns: true, start: 'now' });
    try {
      const partials = await pool.run('spectra', wav.path, ranges, jobOptions);
      // A second run, its worker started by now or not: the same results either way.
      const again = await pool.run('spectra', wav.path, ranges, jobOptions);
      const inline = await createInlineAnalysisPool().run('spectra', wav.path, ranges, jobOptions);
      expect(partials.map((p) => p.signal)).toEqual(inline.map((p) => p.signal));
      expect(again.map((p) => p.signal)).toEqual(inline.map((p) => p.signal));
      expect(pool.threadCount).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('runs everything in the caller while its worker has not started', async () => {
    // A worker that never says it is ready: every task must be the caller's.
    const silent = path.join(wav.folder, 'silent-worker.mjs');
    await writeFile(silent, 'setInterval(() => {}, 1000);\n');
    const reasons: Error[] = [];
    const pool = createAnalysisPool({
      threads: 2,
      callerRuns: true,
      workerUrl: pathToFileURL(silent),
      onFallback: (error) => reasons.push(error),
    });
    try {
      const partials = await pool.run('spectra', wav.path, ranges, jobOptions);
      expect(partials.map((p) => p.range)).toEqual(ranges);
      expect(reasons).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('starts no worker with one thread: the caller runs every task', async () => {
    const missing = pathToFileURL(path.join(wav.folder, 'no-such-worker.js'));
    const reasons: Error[] = [];
    const pool = createAnalysisPool({
      threads: 1,
      callerRuns: true,
      workerUrl: missing,
      onFallback: (error) => reasons.push(error),
    });
    try {
      const partials = await pool.run('spectra', wav.path, ranges, jobOptions);
      expect(partials).toHaveLength(ranges.length);
      // No worker was tried, so none failed to start.
      expect(reasons).toEqual([]);
    } finally {
      await pool.close();
    }
  });
});
