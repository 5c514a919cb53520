/** What a range job receives and is: shared by the jobs and their registry (rangeJobs.ts). */
import type { FrameRange } from './frameRanges.ts';

/** One unit of work: a file, a range of its frames, and the job's own options. */
export interface RangeTask<Options> {
  readonly path: string;
  readonly range: FrameRange;
  readonly options: Options;
}

/** A job as a worker runs it. Options and partial must be structured-cloneable. */
export type RangeJob<Options, Partial> = (task: RangeTask<Options>) => Promise<Partial>;
