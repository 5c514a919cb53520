/** Diagnosing a library recording, or a stretch of it, against its machine's current baseline. */
import type { RecordingSummary, StoredDiagnosis } from '../../shared/api/contract.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose, diagnoseDetailed } from '../../shared/diagnosis/diagnose.ts';
import type { DiagnosisDetail } from '../../shared/diagnosis/diagnose.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import type { DiagnosisRegion, StoredBaseline } from '../store/types.ts';
import type { LibraryContext } from './context.ts';
import { recordingFeatures } from './features.ts';
import type { FeatureSource } from './features.ts';
import { recordingSpeeds } from './speeds.ts';

/**
 * The report for a recording's `features` against `baseline` (null: kinematic evidence only), at
 * the speeds estimated from its sound where trusted.
 */
export function reportOf(
  fileName: string,
  features: RecordingFeatures,
  profile: MachineProfile,
  baseline: BaselineSignature | null,
  speedEstimates: readonly ShaftSpeedEstimate[] = [],
): DiagnosisReport {
  return diagnose({ fileName, features, baseline, profile, rpmOverrides: {}, speedEstimates });
}

/** A diagnosis with what it was made from, not stored. */
export interface RecordingDiagnosis extends DiagnosisDetail {
  readonly recording: RecordingSummary;
  readonly features: RecordingFeatures;
  readonly profile: MachineProfile;
  readonly baseline: StoredBaseline | null;
  /** The stretch analysed, in whole frames as seconds; null: the whole recording. */
  readonly region: DiagnosisRegion | null;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Diagnoses `recording` (or the frames `range` of it) against its machine's current baseline
 * and profile; stores nothing. Rejects with InputError for audio too short to analyse.
 */
export async function diagnoseStretch(
  library: LibraryContext,
  recording: RecordingSummary,
  source: FeatureSource,
  range?: FrameRange,
): Promise<RecordingDiagnosis> {
  const features = await recordingFeatures(library, recording, source, range);
  const baseline = await library.store.baselines.current(recording.machineId);
  const profile = await library.store.machines.profile(recording.machineId);
  // The input check's pass and the speed estimate, side by side on the source's threads; the
  // features have already named any bad file.
  const [inputSurvey, speedEstimates] = await Promise.all([
    source.survey(await library.audio.localPath(recording.id), range),
    recordingSpeeds(library, recording, profile, source, range),
  ]);
  const rate = recording.sampleRateHz;
  const startFrame = range?.startFrame ?? 0;
  const frameCount = range?.frameCount ?? Math.round(recording.durationSeconds * rate) - startFrame;
  const region = range
    ? { startSeconds: startFrame / rate, endSeconds: (startFrame + frameCount) / rate }
    : null;
  const detail = diagnoseDetailed({
    fileName: region
      ? `${recording.name} (${round2(region.startSeconds)}–${round2(region.endSeconds)} s)`
      : recording.name,
    features,
    baseline: baseline?.signature ?? null,
    profile,
    rpmOverrides: {},
    inputSurvey,
    speedEstimates,
  });
  return { ...detail, recording, features, profile, baseline, region };
}

/**
 * Diagnoses the recording (or the frames `range` of it) as diagnoseStretch does and stores the
 * report, with its stretch. Rejects with NotFoundError for an unknown recording id, InputError
 * for audio too short to analyse.
 */
export async function diagnoseRecording(
  library: LibraryContext,
  recording: RecordingSummary | string,
  source: FeatureSource,
  range?: FrameRange,
): Promise<StoredDiagnosis> {
  const summary =
    typeof recording === 'string' ? await library.store.recordings.get(recording) : recording;
  const diagnosis = await diagnoseStretch(library, summary, source, range);
  return library.store.diagnoses.insert({
    recordingId: summary.id,
    machineId: summary.machineId,
    baselineId: diagnosis.baseline?.summary.id ?? null,
    report: diagnosis.report,
    region: diagnosis.region,
  });
}
