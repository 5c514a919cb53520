/** Shaft speeds of a library recording estimated from its sound, for its diagnosis. */
import type { RecordingSummary } from '../../shared/api/contract.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import { InputError, renameInputError } from '../diagnosis/inputError.ts';
import type { LibraryContext } from './context.ts';
import type { FeatureSource } from './features.ts';

/**
 * Every shaft's estimate (none for a profile without shafts); an InputError names the recording
 * as the user knows it, never its path inside the library.
 */
export async function recordingSpeeds(
  library: LibraryContext,
  recording: RecordingSummary,
  profile: MachineProfile,
  source: FeatureSource,
  range?: FrameRange,
): Promise<ShaftSpeedEstimate[]> {
  if (profile.shafts.length === 0) return [];
  const path = await library.audio.localPath(recording.id);
  try {
    return await source.speeds(path, profile, range);
  } catch (error) {
    if (error instanceof InputError) throw renameInputError(error, path, recording.name);
    throw error;
  }
}
