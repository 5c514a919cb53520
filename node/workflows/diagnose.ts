/** Diagnosing a library recording against its machine's current baseline. */
import type { StoredDiagnosis } from '../../shared/api/contract.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import type { LibraryContext } from './context.ts';
import { recordingFeatures } from './features.ts';
import type { FeatureSource } from './features.ts';

/** The report for a recording's `features` against `baseline` (null: kinematic evidence only). */
export function reportOf(
  fileName: string,
  features: RecordingFeatures,
  profile: MachineProfile,
  baseline: BaselineSignature | null,
): DiagnosisReport {
  return diagnose({ fileName, features, baseline, profile, rpmOverrides: {} });
}

/**
 * Diagnoses the recording against its machine's current baseline and profile, stores the
 * report and returns it. Rejects with NotFoundError for an unknown recording, InputError for
 * one too short to analyse.
 */
export async function diagnoseRecording(
  library: LibraryContext,
  recordingId: string,
  source: FeatureSource,
): Promise<StoredDiagnosis> {
  const recording = await library.store.recordings.get(recordingId);
  const profile = await library.store.machines.profile(recording.machineId);
  const baseline = await library.store.baselines.current(recording.machineId);
  const features = await recordingFeatures(library, recording, source);
  const report = reportOf(recording.name, features, profile, baseline?.signature ?? null);
  return library.store.diagnoses.insert({
    recordingId,
    machineId: recording.machineId,
    baselineId: baseline?.summary.id ?? null,
    report,
  });
}
