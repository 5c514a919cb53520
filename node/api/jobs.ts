/** Long tasks on the host (building a baseline): started at once, then polled by id. */
import type { ErrorBody, JobStatus } from '../../shared/api/contract.ts';
import { NotFoundError } from '../store/errors.ts';

/** Finished jobs kept for polling; older finished ones are forgotten first. */
export const MAX_FINISHED_JOBS = 100;

export interface JobRegistry {
  /** Starts `work` (which reports progress 0..1) and returns the job's id at once. */
  start<Result>(work: (progress: (fraction: number) => void) => Promise<Result>): string;
  /** The job's status. Throws NotFoundError for an unknown (or forgotten) id. */
  status<Result>(jobId: string): JobStatus<Result>;
  /** Resolves when every running job has settled (for an orderly shutdown, and tests). */
  settled(): Promise<void>;
}

interface Job {
  status: JobStatus;
  done: Promise<void>;
}

/**
 * A registry of jobs. `describeError` turns a failure into the job's error (the API's error
 * mapping, so jobs and calls fail with the same codes, reasons and words).
 */
export function createJobRegistry(
  newId: () => string,
  describeError: (error: unknown) => ErrorBody,
): JobRegistry {
  const jobs = new Map<string, Job>();

  const forgetOldFinished = (): void => {
    const finished = [...jobs].filter(([, job]) => job.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - MAX_FINISHED_JOBS))) {
      jobs.delete(id);
    }
  };

  return {
    start(work) {
      const id = newId();
      const running: JobStatus = { id, state: 'running', progress: 0, result: null, error: null };
      const job: Job = { status: running, done: Promise.resolve() };
      jobs.set(id, job);
      const progress = (fraction: number): void => {
        if (job.status.state !== 'running') return;
        const clamped = Math.min(1, Math.max(job.status.progress, fraction));
        job.status = { ...job.status, progress: clamped };
      };
      job.done = (async () => {
        // Later than the caller's return: the id is handed out before any work starts.
        await Promise.resolve();
        try {
          const result = await work(progress);
          job.status = { id, state: 'done', progress: 1, result, error: null };
        } catch (error) {
          job.status = { ...job.status, state: 'failed', error: describeError(error) };
        }
        forgetOldFinished();
      })();
      return id;
    },
    status<Result>(jobId: string) {
      const job = jobs.get(jobId);
      if (!job) throw new NotFoundError('job', jobId);
      return job.status as JobStatus<Result>;
    },
    async settled() {
      await Promise.all([...jobs.values()].map((job) => job.done));
    },
  };
}
