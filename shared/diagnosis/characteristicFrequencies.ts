/**
 * Every characteristic frequency a machine profile implies, each with a name and the arithmetic
 * that produced it, for matching spectral findings to machine parts.
 */
import { formatNumber as f } from './bearingKinematics.ts';
import { componentFrequencies } from './componentFrequencies.ts';
import type { MachineProfile } from './profile.ts';
import { shaftRpm } from './profile.ts';

export type {
  CharacteristicFrequency,
  CharacteristicKind,
  ShaftSpeed,
} from './characteristicTypes.ts';
import type { CharacteristicFrequency, ShaftSpeed } from './characteristicTypes.ts';

/** Shaft orders listed: 0.5x, 1x, 1.5x … 10x. */
export const MAX_SHAFT_ORDER = 10;

/** The speed of each shaft of the profile, in profile order. */
export function shaftSpeeds(profile: MachineProfile): ShaftSpeed[] {
  return profile.shafts.map((shaft) => {
    const rpm = shaftRpm(profile, shaft.id);
    if ('rpm' in shaft)
      return { shaftId: shaft.id, hz: rpm / 60, text: `${shaft.id} at ${f(rpm)} rpm` };
    const leadMm = shaft.feedMmPerMin / rpm;
    return {
      shaftId: shaft.id,
      hz: rpm / 60,
      text: `${shaft.id} at ${f(shaft.feedMmPerMin)} mm/min ÷ ${f(leadMm)} mm lead = ${f(rpm)} rpm`,
    };
  });
}

function shaftOrders(speed: ShaftSpeed): CharacteristicFrequency[] {
  const out: CharacteristicFrequency[] = [];
  for (let twice = 1; twice <= 2 * MAX_SHAFT_ORDER; twice++) {
    const order = twice / 2;
    out.push({
      id: `shaft:${speed.shaftId}:${order}x`,
      name: `${speed.shaftId} ${order}x`,
      frequencyHz: order * speed.hz,
      kind: 'shaft-order',
      shaftId: speed.shaftId,
      order,
      origin: `${order}x = ${order} × ${f(speed.hz)} Hz (${speed.text})`,
    });
  }
  return out;
}

function lineFrequencies(profile: MachineProfile): CharacteristicFrequency[] {
  const line = profile.lineFrequencyHz;
  return [
    {
      id: 'line:1x',
      name: `mains ${line} Hz`,
      frequencyHz: line,
      kind: 'line',
      origin: `line = ${line} Hz (lineFrequencyHz)`,
    },
    {
      id: 'line:2x',
      name: `2× line (${2 * line} Hz)`,
      frequencyHz: 2 * line,
      kind: 'line-2x',
      origin: `2× line = 2 × ${line} Hz`,
    },
  ];
}

/**
 * All characteristic frequencies of a (parsed) profile, in a fixed order: mains (1× and 2× line),
 * then each shaft's orders 0.5x … 10x in steps of 0.5, then each component's frequencies in
 * profile order (see componentFrequencies.ts). Shaft speeds come from `rpm` or from
 * `feedMmPerMin / leadMm`; apply `withShaftSpeeds` first for a recording's operating condition.
 * Frequencies are not limited to any band: the caller drops those above its Nyquist frequency.
 */
export function characteristicFrequencies(profile: MachineProfile): CharacteristicFrequency[] {
  const speeds = shaftSpeeds(profile);
  const byId = new Map(speeds.map((s) => [s.shaftId, s]));
  const out = lineFrequencies(profile);
  for (const speed of speeds) out.push(...shaftOrders(speed));
  for (const component of profile.components) {
    const speed = byId.get(component.shaft);
    if (!speed) {
      throw new RangeError(
        `characteristicFrequencies: component "${component.id}" names an unknown shaft`,
      );
    }
    out.push(...componentFrequencies(component, speed, profile.lineFrequencyHz));
  }
  return out;
}
