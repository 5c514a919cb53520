/** Level references that make recordings comparable whatever the microphone's gain. */
import { median } from '../features/levels.ts';
import type { RecordingFeatures } from '../features/types.ts';

/** Envelope lines are judged against the envelope spectrum's own median level above 2 Hz. */
export function envelopeFloorDb(features: RecordingFeatures): number {
  const firstBin = Math.ceil(2 / features.envelope.binWidthHz);
  return median(features.envelope.levelsDb.slice(firstBin));
}

/** Modulation levels are judged against the modulation spectrum's own median above 1 Hz. */
export function modulationFloorDb(
  modulation: NonNullable<RecordingFeatures['modulation']>,
): number {
  return median(modulation.levelsDb.slice(Math.ceil(1 / modulation.binWidthHz)));
}
