/**
 * The range job 'features': the diagnosis features' mergeable partial over one frame range of a
 * stretch of a WAV file (see shared/diagnosis/features/rangeAccumulator.ts for which frames a
 * range reads). Runs on an analysis-pool thread; the plan, chosen once (the 'featurePlan' job), makes
 * the partials of all ranges merge into what one pass would give.
 */
import { disableWasmFft, enableWasmFft } from '../../shared/dsp/fft.ts';
import type { FeaturePlan } from '../../shared/diagnosis/features/plan.ts';
import { createRangeFeatureAccumulator } from '../../shared/diagnosis/features/rangeAccumulator.ts';
import type { FeaturePartial } from '../../shared/diagnosis/features/rangeAccumulator.ts';
import type { RangeTask } from './rangeTask.ts';
import { openWavBlockReader } from './wavBlockReader.ts';

export interface FeaturesJobOptions {
  readonly plan: FeaturePlan;
  /** The stretch analysed starts at this frame of the file; ranges are relative to it. */
  readonly stretchStartFrame: number;
  readonly blockFrames: number;
  readonly wasmFft: boolean;
}

export async function runFeaturesJob(task: RangeTask<FeaturesJobOptions>): Promise<FeaturePartial> {
  const { options, range } = task;
  if (options.wasmFft) await enableWasmFft();
  else disableWasmFft();
  await using reader = await openWavBlockReader(task.path);
  const offset = options.stretchStartFrame;
  if (reader.info.frameCount < offset + options.plan.frameCount) {
    throw new RangeError('the file is shorter than when its analysis was planned: it changed');
  }
  const accumulator = createRangeFeatureAccumulator(options.plan, range);
  const blocks = reader.blocks(
    offset + accumulator.readStart,
    offset + accumulator.readEnd,
    options.blockFrames,
    'mix',
  );
  // Blocks are views of one reused buffer: the accumulator copies what it keeps.
  for await (const block of blocks) accumulator.push(block);
  return accumulator.partial();
}
