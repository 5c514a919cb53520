/**
 * Simulated lathe recordings at a chosen speed, a baseline from some of them and a diagnosis of
 * another: what the cross-speed evaluation (crossSpeed.ts) and its test
 * (tests/shared/diagnosis/speedSpan.test.ts) both build on. Each recording's speed comes from
 * its sound, as in the product.
 */
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { itemSpeedsOf } from '../../shared/diagnosis/baseline/speedModel.ts';
import { diagnose } from '../../shared/diagnosis/diagnose.ts';
import { extractFeatures } from '../../shared/diagnosis/features/extractor.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { estimateShaftSpeeds } from '../../shared/diagnosis/speed/estimate.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import type { FaultKind } from '../../shared/simulation/faults.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';

export const SIM_RATE_HZ = 48000;
export const SIM_DURATION_SECONDS = 4;

export interface SimulatedRecording {
  readonly features: RecordingFeatures;
  readonly estimates: ShaftSpeedEstimate[];
}

/** The simulated lathe at `speedFactor` × its profile's speed, healthy or with one fault. */
export function simulatedRecording(
  seed: number,
  speedFactor: number,
  kind: FaultKind | null = null,
): SimulatedRecording {
  const samples = simulateMachine({
    sampleRateHz: SIM_RATE_HZ,
    durationSeconds: SIM_DURATION_SECONDS,
    seed,
    speedFactor,
    faults: kind ? [{ kind }] : [],
  });
  return {
    features: extractFeatures(samples, SIM_RATE_HZ),
    estimates: estimateShaftSpeeds(samples, SIM_RATE_HZ, simLatheProfile),
  };
}

/**
 * A baseline from `recordings`, one item each; with `keepSpeeds` each one's estimated speed goes
 * in (a baseline over several speeds when they span more than one group).
 */
export function simulatedBaseline(
  recordings: readonly SimulatedRecording[],
  keepSpeeds = true,
): BaselineSignature {
  const indices = recordings.map((_, i) => i);
  const speeds = keepSpeeds
    ? itemSpeedsOf(
        simLatheProfile,
        recordings.map((r) => r.estimates),
        indices,
      )
    : undefined;
  const sources = indices.map((i) => ({
    name: `healthy-${i}.wav`,
    sampleRateHz: SIM_RATE_HZ,
    durationSeconds: SIM_DURATION_SECONDS,
  }));
  return buildBaselineSignature(
    recordings.map((r) => r.features),
    indices,
    { profile: simLatheProfile, sources, speeds },
  );
}

/** The recording diagnosed against `baseline` at the speeds estimated from its sound. */
export function diagnoseSimulated(
  baseline: BaselineSignature,
  recorded: SimulatedRecording,
): DiagnosisReport {
  return diagnose({
    fileName: 'sim.wav',
    features: recorded.features,
    baseline,
    profile: null,
    rpmOverrides: {},
    speedEstimates: recorded.estimates,
  });
}
