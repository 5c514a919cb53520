/**
 * Every characteristic frequency a machine profile implies, each with a name and the arithmetic
 * that produced it, for matching spectral findings to machine parts.
 */
import { formatNumber as f } from './bearingKinematics.ts';
import { componentFrequencies } from './componentFrequencies.ts';
import type { MachineProfile } from './profile.ts';
import { shaftRpm } from './profile.ts';

export type CharacteristicKind =
  | 'shaft-order'
  | 'bearing-bpfo'
  | 'bearing-bpfi'
  | 'bearing-bsf'
  | 'bearing-2bsf'
  | 'bearing-ftf'
  | 'gear-mesh'
  | 'gear-sideband'
  | 'ballscrew-rotation'
  | 'ballscrew-ball-pass'
  | 'belt'
  | 'line'
  | 'line-2x'
  | 'pole-pass'
  | 'pole-pass-sideband';

export interface CharacteristicFrequency {
  /**
   * Unique and stable: `shaft:<shaftId>:<order>x`, `<type>:<componentId>:<what>` (e.g.
   * `bearing:spindle-front-bearing:bpfo`, `gear:headstock-gear:mesh+1`), `line:1x`, `line:2x`.
   * Profile ids cannot contain ':', so the namespaces never collide.
   */
  readonly id: string;
  /** Human-readable, e.g. "BPFO of spindle-front-bearing (SKF 6205)". */
  readonly name: string;
  readonly frequencyHz: number;
  readonly kind: CharacteristicKind;
  readonly componentId?: string;
  readonly shaftId?: string;
  /** frequencyHz ÷ the shaft's speed, for every shaft-referenced frequency (1x, 0.5x, BPFO…). */
  readonly order?: number;
  /** For a sideband: the id of its carrier (gear mesh, 2× line or the shaft's 1x). */
  readonly carrierId?: string;
  /** For a sideband: the signed multiple of the modulating frequency (−2, −1, +1, +2). */
  readonly sideband?: number;
  /** How it was computed, with the numbers: "BPFO = 3.5848 × 29.95 Hz". */
  readonly origin: string;
}

/** A shaft's speed with the words that say where it came from. */
export interface ShaftSpeed {
  readonly shaftId: string;
  readonly hz: number;
  /** "spindle at 1480 rpm", or "z-screw at 3000 mm/min ÷ 10 mm lead = 300 rpm". */
  readonly text: string;
}

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
