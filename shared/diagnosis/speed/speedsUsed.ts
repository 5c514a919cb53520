/**
 * Which speed a diagnosis uses for each shaft, and where it came from: the user's (`--rpm`), the
 * sound's (an estimate trusted at MIN_TRUSTED_CONFIDENCE or above), or the profile's nominal
 * speed. The report carries the choice as codes with parameters, worded by
 * shared/i18n/diagnosisText.ts ("spindle 1482 rpm, estimated from the sound (confidence 0.93)").
 */
import { shaftRpm } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import { MIN_TRUSTED_CONFIDENCE } from './estimate.ts';
import type { ShaftSpeedEstimate } from './estimate.ts';

export type SpeedUsedItem =
  | { readonly code: 'speed-given'; readonly params: { shaftId: string; rpm: number } }
  | {
      readonly code: 'speed-estimated';
      readonly params: { shaftId: string; rpm: number; confidence: number };
    }
  | {
      readonly code: 'speed-profile';
      /** `confidence`: that of an estimate too weak to use; absent when none was made. */
      readonly params: { shaftId: string; rpm: number; confidence?: number };
    };

export interface ChosenSpeeds {
  /** One per shaft of the profile, in profile order. */
  readonly items: SpeedUsedItem[];
  /** The speeds that differ from the profile's, for `withShaftSpeeds`. */
  readonly rpmOverrides: Record<string, number>;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Given speeds first, then trusted estimates, else the profile's nominal speed. */
export function chooseShaftSpeeds(
  profile: MachineProfile,
  given: Readonly<Record<string, number>>,
  estimates: readonly ShaftSpeedEstimate[],
): ChosenSpeeds {
  const items: SpeedUsedItem[] = [];
  const rpmOverrides: Record<string, number> = {};
  for (const shaft of profile.shafts) {
    const shaftId = shaft.id;
    const estimate = estimates.find((e) => e.shaftId === shaftId);
    if (Object.prototype.hasOwnProperty.call(given, shaftId)) {
      rpmOverrides[shaftId] = given[shaftId];
      items.push({ code: 'speed-given', params: { shaftId, rpm: round(given[shaftId], 1) } });
    } else if (estimate && estimate.confidence >= MIN_TRUSTED_CONFIDENCE) {
      rpmOverrides[shaftId] = estimate.rpm;
      const confidence = round(estimate.confidence, 2);
      items.push({
        code: 'speed-estimated',
        params: { shaftId, rpm: round(estimate.rpm, 1), confidence },
      });
    } else {
      const rpm = round(shaftRpm(profile, shaftId), 1);
      const weak = estimate ? { confidence: round(estimate.confidence, 2) } : {};
      items.push({ code: 'speed-profile', params: { shaftId, rpm, ...weak } });
    }
  }
  // A given shaft the profile lacks stays in, so that withShaftSpeeds refuses it as before.
  for (const [shaftId, rpm] of Object.entries(given)) rpmOverrides[shaftId] ??= rpm;
  return { items, rpmOverrides };
}
