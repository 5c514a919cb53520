/**
 * Running one range task in the current thread: what an analysis worker does with each task it
 * is sent, and what the pool does itself when no worker can start.
 */
import { isRangeJobName, rangeJobLoaders } from './rangeJobs.ts';
import type { RangeJobName, RangeJobPartial } from './rangeJobs.ts';
import type { RangeJob, RangeTask } from './rangeTask.ts';

/** Runs `job` on `task` here. Rejects with TypeError for a job name that does not exist. */
export async function runRangeTaskHere<Name extends RangeJobName>(
  job: Name,
  task: RangeTask<unknown>,
): Promise<RangeJobPartial<Name>> {
  if (!isRangeJobName(job)) throw new TypeError(`unknown range job ${JSON.stringify(job)}`);
  const run = (await rangeJobLoaders[job]()) as RangeJob<unknown, RangeJobPartial<Name>>;
  return run(task);
}
