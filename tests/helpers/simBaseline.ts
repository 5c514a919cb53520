/**
 * The simulated lathe as the diagnosis tests use it: a recording's features, and a baseline of
 * healthy recordings, each its own calibration group, named as `auscult baseline` would list them.
 */
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { extractFeatures } from '../../shared/diagnosis/features/extractor.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import type { SimulationOptions } from '../../shared/simulation/machineSim.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';

/** The baseline of `items` (one healthy recording each) with the simulated lathe's profile. */
export function simLatheBaseline(
  items: readonly RecordingFeatures[],
  sampleRateHz: number,
  durationSeconds: number,
): BaselineSignature {
  return buildBaselineSignature(
    items,
    items.map((_, i) => i),
    {
      profile: simLatheProfile,
      sources: items.map((_, i) => ({
        name: `healthy-${i + 1}.wav`,
        sampleRateHz,
        durationSeconds,
      })),
    },
  );
}

/** The features of one simulated recording (seed, faults, anomalies, work cycle). */
export function simLatheFeatures(
  options: Omit<SimulationOptions, 'sampleRateHz' | 'durationSeconds'>,
  sampleRateHz: number,
  durationSeconds: number,
): RecordingFeatures {
  const samples = simulateMachine({ ...options, sampleRateHz, durationSeconds });
  return extractFeatures(samples, sampleRateHz);
}
