/** Builders of the report's evidence codes from what the rules measure (shared/diagnosis/reportItems.ts). */
import type { CharacteristicFrequency } from '../characteristicFrequencies.ts';
import { shaftRpm } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import type { EvidenceItem, FrequencyRef, ShaftSpeedBasis } from '../reportItems.ts';

/** Measured numbers are stored to 0.01 (Hz, dB, z): enough for any reader, stable in JSON. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Which characteristic frequency, as data; ids are the profile's (user data). */
export function frequencyRef(f: CharacteristicFrequency): FrequencyRef {
  const ref: { -readonly [K in keyof FrequencyRef]: FrequencyRef[K] } = { kind: f.kind };
  if (f.componentId !== undefined) ref.componentId = f.componentId;
  if (f.shaftId !== undefined) ref.shaftId = f.shaftId;
  if (f.kind === 'shaft-order') ref.order = f.order;
  if (f.sideband !== undefined) ref.sideband = f.sideband;
  if (f.kind === 'pole-pass-sideband')
    ref.carrier = f.carrierId === 'line:2x' ? 'line-2x' : 'shaft-1x';
  return ref;
}

function speedBasis(profile: MachineProfile, shaftId: string): ShaftSpeedBasis {
  const rpm = shaftRpm(profile, shaftId);
  const shaft = profile.shafts.find((s) => s.id === shaftId);
  if (shaft && 'feedMmPerMin' in shaft) {
    return { shaftId, rpm, feedMmPerMin: shaft.feedMmPerMin, leadMm: shaft.feedMmPerMin / rpm };
  }
  return { shaftId, rpm };
}

/**
 * How a shaft-bound characteristic frequency was computed (factor × shaft speed, the speed from
 * rpm or feed); nothing for one without a shaft or order (mains, pole pass).
 */
export function originItems(
  profile: MachineProfile | null,
  f: CharacteristicFrequency,
): EvidenceItem[] {
  if (!profile || f.shaftId === undefined || f.order === undefined || !(f.order > 0)) return [];
  return [
    {
      code: 'kinematic-origin',
      params: {
        frequency: frequencyRef(f),
        frequencyHz: f.frequencyHz,
        factor: f.order,
        shaftSpeedHz: f.frequencyHz / f.order,
        speed: speedBasis(profile, f.shaftId),
      },
    },
  ];
}
