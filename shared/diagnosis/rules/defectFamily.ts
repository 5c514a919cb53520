/**
 * Periodic impacts at a defect frequency: its harmonics in the envelope spectrum (the bearing
 * and ball-screw analyst's test, docs/diagnosis.md).
 */
import type { CharacteristicFrequency } from '../characteristicFrequencies.ts';
import type { EvidenceItem } from '../reportItems.ts';
import type { LineMeasure, RuleContext } from './context.ts';
import { frequencyRef, round2 } from './items.ts';
import { RULES } from './thresholds.ts';

export interface DefectFamily {
  readonly defectHz: number;
  readonly lines: readonly LineMeasure[];
  readonly present: readonly LineMeasure[];
  /** Sum over present harmonics of their prominence, weighted toward the first ones, dB. */
  readonly strengthDb: number;
  /** Largest excess over the healthy envelope among the present harmonics, dB. */
  readonly excessDb: number;
}

export function defectFamily(ctx: RuleContext, defectHz: number): DefectFamily {
  const lines: LineMeasure[] = [];
  for (let k = 1; k <= RULES.defectHarmonics; k++) lines.push(ctx.envelopeLine(k * defectHz));
  const present = lines.filter((l) => l.present);
  // The fundamental counts most: a lone higher harmonic is weak evidence.
  const strengthDb = lines.reduce(
    (sum, l, i) => sum + (l.present ? Math.max(0, l.prominenceDb) / (i === 0 ? 1 : 1.5) : 0),
    0,
  );
  const excessDb = Math.max(0, ...present.map((l) => l.excessDb));
  return { defectHz, lines, present, strengthDb, excessDb };
}

/** The family as evidence: "envelope peaks at 107.6, 215.3 Hz = 1x, 2x BPFO of … (107.4 Hz)". */
export function familyItem(family: DefectFamily, defect: CharacteristicFrequency): EvidenceItem {
  const orders = family.lines.map((l, i) => ({ l, order: i + 1 })).filter(({ l }) => l.present);
  return {
    code: 'envelope-family',
    params: {
      defect: frequencyRef(defect),
      defectHz: round2(family.defectHz),
      harmonics: orders.map(({ l, order }) => ({ order, frequencyHz: round2(l.frequencyHz) })),
      prominenceDb: round2(Math.max(...orders.map(({ l }) => l.prominenceDb))),
    },
  };
}

/** Confidence of a family: two or more harmonics, or a very prominent fundamental. */
export function familyConfidence(family: DefectFamily): number {
  if (family.present.length === 0) return 0;
  const count = family.present.length;
  const strength = family.strengthDb + 6 * (count - 1);
  // Lines far from their kinematic value are weaker evidence (and tell two parts apart).
  const offsetFraction =
    family.present.reduce((s, l) => s + Math.abs(l.frequencyHz - l.expectedHz) / l.expectedHz, 0) /
    count;
  const closeness = Math.max(0.5, 1 - 2 * offsetFraction);
  // Saturates slowly, so that the stronger of two competing families still ranks first.
  return Math.min(0.95, (closeness * strength) / (strength + 50));
}

/** Kinds of characteristic frequency at which a defect makes (or modulates) periodic impacts. */
export const PERIODIC_DEFECT_KINDS: ReadonlySet<string> = new Set([
  'bearing-bpfo',
  'bearing-bpfi',
  'bearing-2bsf',
  'bearing-ftf',
  'ballscrew-ball-pass',
]);

/** Confidence of the strongest periodic-impact family of any bearing or ball screw. */
export function strongestPeriodicConfidence(ctx: RuleContext): number {
  return Math.max(
    0,
    ...ctx.frequencies
      .filter((f) => PERIODIC_DEFECT_KINDS.has(f.kind))
      .map((f) => familyConfidence(defectFamily(ctx, f.frequencyHz))),
  );
}

/**
 * Confidence of the strongest periodic-impact family that rose over the healthy machine's
 * envelope (RULES.raisedLineDb): a rhythm of a bearing or ball screw that the healthy machine
 * did not have. 0 without a baseline, where nothing says what is new.
 */
export function raisedPeriodicConfidence(ctx: RuleContext): number {
  if (!ctx.hasBaseline) return 0;
  return Math.max(
    0,
    ...ctx.frequencies
      .filter((f) => PERIODIC_DEFECT_KINDS.has(f.kind))
      .map((f) => defectFamily(ctx, f.frequencyHz))
      .filter((family) => family.excessDb >= RULES.raisedLineDb)
      .map(familyConfidence),
  );
}
