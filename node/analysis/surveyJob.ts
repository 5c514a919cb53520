/**
 * The range job 'survey': the input check's pass over a stretch of a recording
 * (node/diagnosis/surveyFile.ts), run on a pool thread so that a diagnosis never reads the
 * samples a second time in the host's own thread. The survey is not split: its sums are cheap
 * and one pass beside the features' workers is enough.
 */
import type { SignalSurvey } from '../../shared/diagnosis/signalSurvey.ts';
import { surveyFile } from '../diagnosis/surveyFile.ts';
import type { RangeTask } from './rangeTask.ts';

export type SurveyJobOptions = Record<string, never>;

export async function runSurveyJob(task: RangeTask<SurveyJobOptions>): Promise<SignalSurvey> {
  const { startFrame, endFrame } = task.range;
  return surveyFile(task.path, { startFrame, frameCount: endFrame - startFrame });
}
