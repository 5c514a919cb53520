import { describe, expect, it } from 'vitest';
import { createJobRegistry, MAX_FINISHED_JOBS } from '../../../node/api/jobs.ts';
import { NotFoundError } from '../../../node/store/errors.ts';

function registry() {
  let next = 0;
  return createJobRegistry(
    () => `job-${next++}`,
    (error) => ({
      code: 'invalid-input' as const,
      reason: 'too-short' as const,
      params: { minSeconds: 0.5 },
      message: `it failed: ${(error as Error).message}`,
    }),
  );
}

describe('the job registry', () => {
  it('returns the id before any work is done, then reports progress and the result', async () => {
    const jobs = registry();
    let report: (fraction: number) => void = () => undefined;
    let finish: (value: string) => void = () => undefined;
    const id = jobs.start<string>(
      (progress) =>
        new Promise((resolve) => {
          report = progress;
          finish = resolve;
        }),
    );
    expect(jobs.status(id)).toEqual({
      id,
      state: 'running',
      progress: 0,
      result: null,
      error: null,
    });
    await Promise.resolve();
    await Promise.resolve();
    report(0.4);
    expect(jobs.status(id).progress).toBe(0.4);
    report(0.2); // progress never goes back
    expect(jobs.status(id).progress).toBe(0.4);
    finish('baseline');
    await jobs.settled();
    expect(jobs.status(id)).toEqual({
      id,
      state: 'done',
      progress: 1,
      result: 'baseline',
      error: null,
    });
  });

  it('reports a failure in the words of describeError', async () => {
    const jobs = registry();
    const id = jobs.start(async (progress) => {
      progress(0.5);
      throw new Error('the audio is too short');
    });
    await jobs.settled();
    expect(jobs.status(id)).toEqual({
      id,
      state: 'failed',
      progress: 0.5,
      result: null,
      error: {
        code: 'invalid-input',
        reason: 'too-short',
        params: { minSeconds: 0.5 },
        message: 'it failed: the audio is too short',
      },
    });
  });

  it('throws NotFoundError for an unknown id', () => {
    expect(() => registry().status('job-9')).toThrow(NotFoundError);
  });

  it(`forgets the oldest finished jobs beyond ${MAX_FINISHED_JOBS}`, async () => {
    const jobs = registry();
    const ids = Array.from({ length: MAX_FINISHED_JOBS + 5 }, () => jobs.start(async () => 1));
    await jobs.settled();
    expect(() => jobs.status(ids[0])).toThrow(NotFoundError);
    expect(() => jobs.status(ids[4])).toThrow(NotFoundError);
    expect(jobs.status(ids[5]).state).toBe('done');
    expect(jobs.status(ids[ids.length - 1]).state).toBe('done');
  });
});
