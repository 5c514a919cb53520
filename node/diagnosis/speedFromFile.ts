/**
 * Shaft speeds estimated from a recording on disk: only the first seconds the estimator reads
 * (SPEED_SPECTRA.maxExcerptSeconds) are decoded, so memory stays bounded whatever the length.
 */
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import { estimateShaftSpeeds } from '../../shared/diagnosis/speed/estimate.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import { SPEED_SPECTRA } from '../../shared/diagnosis/speed/spectra.ts';
import { ANALYSIS } from '../../shared/diagnosis/features/settings.ts';
import { InputError } from './inputError.ts';
import { withRecording } from './recordingFile.ts';
import type { FrameRange } from './recordingFile.ts';

/**
 * Every shaft's speed from the recording at `path` (all of it, or `range`), mixed to mono.
 * Rejects with InputError for an unreadable or malformed file and for a stretch shorter than
 * ANALYSIS.minDurationSeconds; a profile without shafts gives an empty list.
 */
export async function estimateFileSpeeds(
  path: string,
  profile: MachineProfile,
  range: FrameRange = {},
): Promise<ShaftSpeedEstimate[]> {
  return withRecording(path, async (reader) => {
    const { sampleRateHz, frameCount: total } = reader.info;
    const startFrame = Math.min(range.startFrame ?? 0, total);
    const available = Math.min(range.frameCount ?? total - startFrame, total - startFrame);
    const seconds = available / sampleRateHz;
    if (!(seconds >= ANALYSIS.minDurationSeconds)) {
      throw new InputError(
        `recording "${path}" is too short to analyse: ${seconds.toFixed(2)} s, at least ${ANALYSIS.minDurationSeconds} s needed`,
        'too-short',
        { name: path, durationSeconds: seconds, minSeconds: ANALYSIS.minDurationSeconds },
      );
    }
    const frames = Math.min(available, Math.round(SPEED_SPECTRA.maxExcerptSeconds * sampleRateHz));
    const samples = await reader.readFrames(startFrame, frames);
    return estimateShaftSpeeds(samples, sampleRateHz, profile);
  });
}

/**
 * Estimates for the shafts of `profile` that `given` leaves out (none to estimate: no reading);
 * an empty list without a profile.
 */
export async function estimateMissingSpeeds(
  path: string,
  profile: MachineProfile | null,
  given: Readonly<Record<string, number>>,
  range: FrameRange = {},
): Promise<ShaftSpeedEstimate[]> {
  if (!profile || profile.shafts.every((s) => Object.prototype.hasOwnProperty.call(given, s.id))) {
    return [];
  }
  return estimateFileSpeeds(path, profile, range);
}
