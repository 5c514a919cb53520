/**
 * What the profile says about one shaft for speed estimation: its search range, its kinematic
 * orders, and the lines it explains (masked when another shaft is scored).
 */
import { characteristicFrequencies } from '../characteristicFrequencies.ts';
import { shaftRpm, withShaftSpeeds } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import { LINE_TOLERANCE, MAX_HARMONIC } from './evidence.ts';
import type { MaskedLine, ShaftOrders } from './evidence.ts';

/**
 * The search range around the profile's speed: ±40 %. Wider than a drive's load slip (1–5 %) and
 * a recording made at another spindle speed within reason; narrow enough that half and double
 * the nominal speed (0.5×, 2×) stay outside, so an octave error can only happen inside the range
 * and the explicit checks of estimate.ts decide it.
 */
export const SPEED_RANGE_FACTORS: readonly [number, number] = [0.6, 1.4];

const ENVELOPE_KINDS = new Set([
  'bearing-bpfo',
  'bearing-bpfi',
  'bearing-2bsf',
  'ballscrew-ball-pass',
]);

/** The shaft's [min, max] search range in rpm. */
export function speedRangeRpm(profile: MachineProfile, shaftId: string): [number, number] {
  const nominal = shaftRpm(profile, shaftId);
  return [nominal * SPEED_RANGE_FACTORS[0], nominal * SPEED_RANGE_FACTORS[1]];
}

/** Gear-mesh and defect orders of the components on `shaftId` (the profile's own arithmetic). */
export function shaftOrders(profile: MachineProfile, shaftId: string): ShaftOrders {
  // At 60 rpm (1 Hz) every characteristic frequency of the shaft reads as its order.
  const atOneHz = characteristicFrequencies(withShaftSpeeds(profile, { [shaftId]: 60 }));
  const lineOrders: number[] = [];
  const defectOrders: number[] = [];
  for (const c of atOneHz) {
    if (c.shaftId !== shaftId) continue;
    if (c.kind === 'gear-mesh') lineOrders.push(c.frequencyHz, 2 * c.frequencyHz);
    if (ENVELOPE_KINDS.has(c.kind)) defectOrders.push(c.frequencyHz);
  }
  return { lineOrders, defectOrders };
}

/** Mains and its harmonics up to maxHz: never evidence of a shaft. */
export function mainsMasks(lineFrequencyHz: number, maxHz: number, binWidthHz: number) {
  const masks: MaskedLine[] = [];
  for (let hz = lineFrequencyHz; hz <= maxHz; hz += lineFrequencyHz) {
    masks.push({ frequencyHz: hz, toleranceHz: Math.max(2 * binWidthHz, LINE_TOLERANCE * hz) });
  }
  return masks;
}

/**
 * The lines a shaft estimated at rateHz explains: its harmonics, half orders (looseness) and
 * gear-mesh lines; `againstOnly` for a slower shaft than the one being scored.
 */
export function shaftMasks(
  rateHz: number,
  orders: ShaftOrders,
  binWidthHz: number,
  againstOnly: boolean,
): MaskedLine[] {
  const all = [
    ...Array.from({ length: 2 * MAX_HARMONIC }, (_, i) => (i + 1) / 2),
    ...orders.lineOrders,
  ];
  return all.map((order) => ({
    frequencyHz: order * rateHz,
    toleranceHz: Math.max(2 * binWidthHz, LINE_TOLERANCE * order * rateHz),
    againstOnly,
  }));
}
