/**
 * The range job 'peaks': a waveform overview of a whole recording, the largest |sample| (of the
 * channels' mean) in each of `bucketCount` equal buckets. Bucket b holds frames
 * [⌈b·N/count⌉, ⌈(b+1)·N/count⌉), i.e. frame i is in bucket ⌊i·count/N⌋. A range worker returns
 * the buckets its frames touch; the caller merges ranges by maximum.
 */
import type { RangeTask } from './rangeTask.ts';
import { openWavBlockReader } from './wavBlockReader.ts';

export interface PeaksJobOptions {
  /** Frames of the file (N). */
  readonly frameCount: number;
  readonly bucketCount: number;
  readonly blockFrames: number;
}

export interface PeaksPartial {
  readonly firstBucket: number;
  readonly peaks: Float32Array;
}

/** The bucket of frame `frame`. */
export function bucketOf(frame: number, options: PeaksJobOptions): number {
  return Math.floor((frame * options.bucketCount) / options.frameCount);
}

/** First frame of bucket `bucket` (frameCount for bucket = bucketCount). */
function bucketStart(bucket: number, options: PeaksJobOptions): number {
  return Math.ceil((bucket * options.frameCount) / options.bucketCount);
}

/** Runs the 'peaks' job over `task.range` (on an analysis-pool thread). */
export async function runPeaksJob(task: RangeTask<PeaksJobOptions>): Promise<PeaksPartial> {
  const { options, range } = task;
  const firstBucket = bucketOf(range.startFrame, options);
  const lastBucket = bucketOf(Math.max(range.startFrame, range.endFrame - 1), options);
  const peaks = new Float32Array(
    range.endFrame > range.startFrame ? lastBucket - firstBucket + 1 : 0,
  );
  if (peaks.length === 0) return { firstBucket, peaks };
  await using reader = await openWavBlockReader(task.path);
  if (reader.info.frameCount !== options.frameCount) {
    throw new RangeError('the file changed since its overview was planned');
  }
  let bucket = firstBucket;
  let bucketEnd = bucketStart(bucket + 1, options);
  let peak = 0;
  let position = range.startFrame;
  const blocks = reader.blocks(range.startFrame, range.endFrame, options.blockFrames, 'mix');
  for await (const block of blocks) {
    for (let i = 0; i < block.length; i++) {
      if (position + i >= bucketEnd) {
        peaks[bucket - firstBucket] = peak;
        bucket = bucketOf(position + i, options);
        bucketEnd = bucketStart(bucket + 1, options);
        peak = 0;
      }
      const magnitude = Math.abs(block[i]);
      if (magnitude > peak) peak = magnitude;
    }
    position += block.length;
  }
  peaks[bucket - firstBucket] = peak;
  return { firstBucket, peaks };
}
