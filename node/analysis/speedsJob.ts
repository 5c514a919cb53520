/**
 * The range job 'speeds': shaft speeds estimated from a stretch of a recording
 * (node/diagnosis/speedFromFile.ts), on a pool thread: the estimate takes most of a second of
 * CPU, which the host's thread must not spend while it answers the page.
 */
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import { estimateFileSpeeds } from '../diagnosis/speedFromFile.ts';
import type { RangeTask } from './rangeTask.ts';

export interface SpeedsJobOptions {
  readonly profile: MachineProfile;
}

export async function runSpeedsJob(
  task: RangeTask<SpeedsJobOptions>,
): Promise<ShaftSpeedEstimate[]> {
  const { startFrame, endFrame } = task.range;
  return estimateFileSpeeds(task.path, task.options.profile, {
    startFrame,
    frameCount: endFrame - startFrame,
  });
}
