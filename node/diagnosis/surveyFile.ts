/**
 * The input survey of a WAV file (shared/diagnosis/signalSurvey.ts), read block by block in this
 * thread: one pass of simple sums, cheap beside the features, and needed before any diagnosis.
 */
import { createSignalSurveyor } from '../../shared/diagnosis/signalSurvey.ts';
import type { SignalSurvey } from '../../shared/diagnosis/signalSurvey.ts';
import { BLOCK_FRAMES, withRecording } from './recordingFile.ts';
import type { FrameRange } from './recordingFile.ts';

/** Surveys the file at `path` (all of it, or `range`). Rejects with InputError like the features. */
export async function surveyFile(path: string, range: FrameRange = {}): Promise<SignalSurvey> {
  return withRecording(path, async (reader) => {
    const { info } = reader;
    const startFrame = range.startFrame ?? 0;
    const frameCount = range.frameCount ?? info.frameCount - startFrame;
    const surveyor = createSignalSurveyor(
      info.sampleRateHz,
      info.encoding === 'pcm' ? info.bitsPerSample : null,
    );
    for await (const block of reader.blocks(BLOCK_FRAMES, { startFrame, frameCount })) {
      surveyor.push(block);
    }
    return surveyor.finish();
  });
}
