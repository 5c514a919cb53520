/**
 * The characteristic frequencies marked on the expert's live spectrum: the profile's parts
 * (bearing, gear, ball screw, belt, motor frequencies) and the first three orders of each shaft,
 * at the profile's nominal speeds. All ten shaft orders and every sideband would hide the
 * spectrum behind lines; Review shows them all.
 */
import { characteristicFrequencies } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import type { CharacteristicFrequency } from '../../../shared/diagnosis/characteristicFrequencies.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';

const LEFT_OUT = new Set(['gear-sideband', 'pole-pass-sideband', 'line-2x']);
const SHAFT_ORDERS_SHOWN = new Set(['1x', '2x', '3x']);

export function liveMarkers(profile: MachineProfile): CharacteristicFrequency[] {
  let all: CharacteristicFrequency[];
  try {
    all = characteristicFrequencies(profile);
  } catch {
    // A profile naming an unknown shaft has no markers to give; the spectrum still shows.
    return [];
  }
  return all.filter((marker) => {
    if (!(marker.frequencyHz > 0) || LEFT_OUT.has(marker.kind)) return false;
    if (marker.kind !== 'shaft-order') return true;
    return SHAFT_ORDERS_SHOWN.has(marker.id.split(':').pop() ?? '');
  });
}
