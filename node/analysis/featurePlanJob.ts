/**
 * The range job 'featurePlan': reads the excerpt at the start of a stretch (its range) and plans
 * the stretch's feature extraction (shared/diagnosis/features/plan.ts), with the WASM FFT as
 * every host uses, so that the features of a file are the same wherever they are computed.
 */
import { enableWasmFft } from '../../shared/dsp/fft.ts';
import { planFeatures } from '../../shared/diagnosis/features/plan.ts';
import type { FeaturePlan } from '../../shared/diagnosis/features/plan.ts';
import { openWavFile } from '../audio/openWavFile.ts';
import type { RangeTask } from './rangeTask.ts';

export interface FeaturePlanJobOptions {
  /** Frames of the whole stretch (the range is its excerpt, at its start). */
  readonly stretchFrameCount: number;
}

export async function runFeaturePlanJob(
  task: RangeTask<FeaturePlanJobOptions>,
): Promise<FeaturePlan> {
  await enableWasmFft();
  const reader = await openWavFile(task.path);
  try {
    const { startFrame, endFrame } = task.range;
    const excerpt = await reader.readFrames(startFrame, endFrame - startFrame);
    return planFeatures(reader.info.sampleRateHz, task.options.stretchFrameCount, excerpt);
  } finally {
    await reader.close();
  }
}
