/**
 * Which healthy model a recording is compared with: the baseline's own, or — for a baseline over
 * several speeds — the model at the recording's speed; a recording outside the baseline's speeds
 * gets no comparison at all but a verdict of its own (docs/diagnosis.md).
 */
import { shaftRpm } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import type { BaselineModel } from './model.ts';
import type { BaselineSignature } from './signature.ts';
import { modelAtSpeed, speedRangeRpm, withTemporal } from './speedModel.ts';

/**
 * A recording whose reference shaft turns outside the speeds of the baseline (with their margin,
 * speedModel.ts): nothing measured says what is normal there, so no fault is judged.
 */
export interface OutsideSpeeds {
  readonly code: 'outside-baseline-speeds';
  readonly params: {
    readonly shaftId: string;
    /** The recording's speed of that shaft, rpm. */
    readonly rpm: number;
    /** The speeds the baseline covers, margin included, rpm. */
    readonly lowRpm: number;
    readonly highRpm: number;
  };
}

export type ModelChoice =
  | { readonly model: BaselineModel; readonly outside: null }
  | { readonly model: null; readonly outside: OutsideSpeeds };

/**
 * The model for a recording whose shafts turn at `rpmOverrides` (else the profile's speeds).
 * Without stored speeds, or without the reference shaft in `profile`, the baseline's own model.
 */
export function baselineModelAt(
  baseline: BaselineSignature,
  profile: MachineProfile | null,
  rpmOverrides: Readonly<Record<string, number>>,
): ModelChoice {
  const span = baseline.speeds;
  if (!span || !profile?.shafts.some((s) => s.id === span.shaftId)) {
    return { model: baseline.model, outside: null };
  }
  const rpm = rpmOverrides[span.shaftId] ?? shaftRpm(profile, span.shaftId);
  const [lowRpm, highRpm] = speedRangeRpm(span.groups);
  if (rpm < lowRpm || rpm > highRpm) {
    const params = { shaftId: span.shaftId, rpm: Math.round(rpm * 10) / 10, lowRpm, highRpm };
    return { model: null, outside: { code: 'outside-baseline-speeds', params } };
  }
  return {
    model: withTemporal(modelAtSpeed(span.groups, rpm), baseline.model.temporal),
    outside: null,
  };
}
