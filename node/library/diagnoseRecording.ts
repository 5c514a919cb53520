/** Diagnosing a library recording against its machine's current baseline. */
import type { RecordingSummary, StoredDiagnosis } from '../../shared/api/contract.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { recordingFeatures } from './baselineBuild.ts';
import type { FeatureSource } from './baselineBuild.ts';
import { currentBaseline } from './baselines.ts';
import { insertDiagnosis } from './diagnoses.ts';
import type { Library } from './library.ts';
import { getMachineProfile } from './machines.ts';
import { getRecording } from './recordings.ts';

/**
 * The report for `recording` against `baseline` (null: kinematic evidence only) with the
 * machine's `profile`. Rejects with InputError for a recording too short to analyse.
 */
export async function computeDiagnosis(
  library: Library,
  recording: RecordingSummary,
  profile: MachineProfile,
  baseline: BaselineSignature | null,
  source: FeatureSource,
): Promise<DiagnosisReport> {
  const features = await recordingFeatures(library, recording, source);
  return diagnose({ fileName: recording.name, features, baseline, profile, rpmOverrides: {} });
}

/**
 * Diagnoses the recording against its machine's current baseline and profile, stores the
 * report and returns it. Rejects with NotFoundError for an unknown recording, InputError for
 * one too short to analyse.
 */
export async function diagnoseRecording(
  library: Library,
  recordingId: string,
  source: FeatureSource,
): Promise<StoredDiagnosis> {
  const recording = getRecording(library, recordingId);
  const profile = getMachineProfile(library, recording.machineId);
  const baseline = currentBaseline(library, recording.machineId);
  const report = await computeDiagnosis(
    library,
    recording,
    profile,
    baseline?.signature ?? null,
    source,
  );
  return insertDiagnosis(library, {
    recordingId,
    machineId: recording.machineId,
    baselineId: baseline?.summary.id ?? null,
    report,
  });
}
