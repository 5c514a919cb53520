/**
 * The rows of the live preview: the characteristic frequencies a profile implies, thinned to
 * what a technician checks first unless every line is asked for.
 */
import {
  characteristicFrequencies,
  shaftSpeeds,
} from '../../../shared/diagnosis/characteristicFrequencies.ts';
import type {
  CharacteristicFrequency,
  CharacteristicKind,
  ShaftSpeed,
} from '../../../shared/diagnosis/characteristicFrequencies.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';

export interface PreviewRow {
  readonly id: string;
  readonly kind: CharacteristicKind;
  readonly frequencyHz: number;
  /** The component, else the shaft, it belongs to; null for mains lines. */
  readonly partId: string | null;
  readonly shaftId: string | null;
  /** Multiple of the shaft speed, when it has one. */
  readonly order: number | null;
  /** Signed sideband number, for sidebands. */
  readonly sideband: number | null;
}

export interface Preview {
  readonly speeds: readonly ShaftSpeed[];
  readonly rows: readonly PreviewRow[];
  /** How many lines the short list leaves out. */
  readonly hiddenCount: number;
}

/** Shaft orders listed in the short preview (1x and 2x: unbalance, misalignment). */
export const SHORT_SHAFT_ORDERS: readonly number[] = [1, 2];

function isInShortList(line: CharacteristicFrequency): boolean {
  if (line.kind === 'gear-sideband' || line.kind === 'pole-pass-sideband') return false;
  if (line.kind === 'shaft-order') return SHORT_SHAFT_ORDERS.includes(line.order ?? 0);
  return true;
}

function toRow(line: CharacteristicFrequency): PreviewRow {
  return {
    id: line.id,
    kind: line.kind,
    frequencyHz: line.frequencyHz,
    partId: line.componentId ?? line.shaftId ?? null,
    shaftId: line.shaftId ?? null,
    order: line.order ?? null,
    sideband: line.sideband ?? null,
  };
}

/** The preview of a parsed profile; `showAll` lists every line (all orders, sidebands). */
export function buildPreview(profile: MachineProfile, showAll: boolean): Preview {
  const lines = characteristicFrequencies(profile);
  const shown = showAll ? lines : lines.filter(isInShortList);
  return {
    speeds: shaftSpeeds(profile),
    rows: shown.map(toRow),
    hiddenCount: lines.length - shown.length,
  };
}
