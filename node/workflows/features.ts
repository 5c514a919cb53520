/**
 * What a diagnosis reads from a recording's file — its features, the input check's survey and
 * the shafts' speeds — computed by a FeatureSource (the host's analysis workers, or this thread).
 */
import type { RecordingSummary } from '../../shared/api/contract.ts';
import { enableWasmFft } from '../../shared/dsp/fft.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { SignalSurvey } from '../../shared/diagnosis/signalSurvey.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import { extractFileFeatures } from '../diagnosis/featuresFromFile.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import { InputError, renameInputError } from '../diagnosis/inputError.ts';
import { estimateFileSpeeds } from '../diagnosis/speedFromFile.ts';
import { surveyFile } from '../diagnosis/surveyFile.ts';
import type { LibraryContext } from './context.ts';

/** Computes recording features; the host may run it in a worker thread (node/api). */
export interface FeatureSource {
  /** Features of the WAV file at `path` (or a stretch). Rejects with InputError naming `path`. */
  features(path: string, range?: FrameRange): Promise<RecordingFeatures>;
  /** The input check's survey of the WAV file at `path` (or a stretch). */
  survey(path: string, range?: FrameRange): Promise<SignalSurvey>;
  /** The speeds of every shaft of `profile`, estimated from the sound (a profile has shafts). */
  speeds(path: string, profile: MachineProfile, range?: FrameRange): Promise<ShaftSpeedEstimate[]>;
}

/**
 * Features computed in this thread; reading the file block by block yields between blocks. Uses
 * the WASM FFT where it loads, as the CLI does, so both compute the same features for a file.
 */
export const inlineFeatureSource: FeatureSource = {
  async features(path, range) {
    await enableWasmFft();
    return (await extractFileFeatures(path, range)).features;
  },
  survey: surveyFile,
  speeds: estimateFileSpeeds,
};

/**
 * Features of a library recording; an InputError names the recording as the user knows it,
 * never its path inside the library.
 */
export async function recordingFeatures(
  library: LibraryContext,
  recording: RecordingSummary,
  source: FeatureSource,
  range?: FrameRange,
): Promise<RecordingFeatures> {
  const path = await library.audio.localPath(recording.id);
  try {
    return await source.features(path, range);
  } catch (error) {
    if (error instanceof InputError) {
      throw renameInputError(error, path, recording.name);
    }
    throw error;
  }
}
