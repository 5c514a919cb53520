/**
 * One cause per bearing unless the evidence separates them. The four defect families of one
 * bearing (BPFO, BPFI, 2×BSF, FTF) overlap: 3×BPFO of the CWRU bearing sits 0.7 % from 2×BPFI,
 * and at a 1 Hz resolution a low cage line finds a neighbour wherever it looks. So the part whose
 * own family is strongest wins; another part stays only with lines of its own — not harmonics
 * or ±1x sidebands of the winner's defect frequency, nor shaft harmonics — at the confidence
 * those lines alone support; and when a part without lines of its own has a family nearly as
 * strong as the winner's, one "bearing fault, part uncertain" candidate replaces them both.
 */
import type { CharacteristicFrequency } from '../characteristicFrequencies.ts';
import type { CauseId, EvidenceItem } from '../report.ts';
import type { LineMeasure, RuleContext } from './context.ts';
import type { DefectFamily } from './defectFamily.ts';
import { familyConfidence } from './defectFamily.ts';
import { RULES } from './thresholds.ts';

/** One part's family as the bearing rule measured it. */
export interface PartFamily {
  readonly cause: CauseId;
  readonly line: CharacteristicFrequency;
  readonly family: DefectFamily;
  readonly confidence: number;
}

/** Harmonics of the winner's defect frequency that can explain another part's line. */
const EXPLAINING_HARMONICS = 2 * RULES.defectHarmonics;
/** Harmonics of a modulating frequency (shaft, cage) that are its own, not a defect's. */
const MODULATION_HARMONICS = 8;

function near(ctx: RuleContext, frequencyHz: number, targetHz: number): boolean {
  const binWidthHz = ctx.features.envelope.binWidthHz;
  const toleranceHz = Math.max(
    RULES.lineToleranceBins * binWidthHz,
    targetHz * RULES.defectToleranceFraction,
  );
  return Math.abs(frequencyHz - targetHz) <= toleranceHz;
}

/**
 * What modulates the winner's impacts: the shaft (its ±1x sidebands, and shaft harmonics are
 * the shaft's own), and for a rolling element the cage that carries it round (±FTF sidebands,
 * and FTF harmonics).
 */
function modulationsOf(ctx: RuleContext, winner: PartFamily): number[] {
  const shaftHz = winner.line.order ? winner.family.defectHz / winner.line.order : 0;
  const out = shaftHz > 0 ? [shaftHz] : [];
  if (winner.cause === 'bearing-rolling-element') {
    const cage = ctx.frequencies.find(
      (f) => f.kind === 'bearing-ftf' && f.componentId === winner.line.componentId,
    );
    if (cage) out.push(cage.frequencyHz);
  }
  return out;
}

/** Whether `line` is a harmonic or sideband of the winner's lines, or a modulator's harmonic. */
function explainedBy(ctx: RuleContext, winner: PartFamily, line: LineMeasure): boolean {
  const at = (targetHz: number) => near(ctx, line.frequencyHz, targetHz);
  const modulations = modulationsOf(ctx, winner);
  for (let k = 1; k <= EXPLAINING_HARMONICS; k++) {
    const harmonicHz = k * winner.family.defectHz;
    if (at(harmonicHz)) return true;
    if (k > RULES.defectHarmonics) continue;
    if (modulations.some((m) => at(harmonicHz - m) || at(harmonicHz + m))) return true;
  }
  for (let n = 1; n <= MODULATION_HARMONICS; n++) {
    if (modulations.some((m) => at(n * m))) return true;
  }
  return false;
}

/** The family with only the lines the winner does not explain; its strength recomputed. */
function ownFamily(ctx: RuleContext, winner: PartFamily, part: PartFamily): DefectFamily {
  const lines = part.family.lines.map((l) =>
    l.present && explainedBy(ctx, winner, l) ? { ...l, present: false } : l,
  );
  const present = lines.filter((l) => l.present);
  const strengthDb = lines.reduce(
    (sum, l, i) => sum + (l.present ? Math.max(0, l.prominenceDb) / (i === 0 ? 1 : 1.5) : 0),
    0,
  );
  const excessDb = Math.max(0, ...present.map((l) => l.excessDb));
  return { defectHz: part.family.defectHz, lines, present, strengthDb, excessDb };
}

function strongestDb(family: DefectFamily): number {
  return Math.max(...family.present.map((l) => l.prominenceDb));
}

/**
 * Own evidence: the part's fundamental among its own lines (over the healthy envelope by a raised
 * line's margin, with a baseline), and its strongest own line within RULES.partDominanceDb of
 * the winner's strongest. Lines further down are what strong impacts of the winner spread over
 * the envelope spectrum (intermodulation, leakage, load-zone modulation): on the CWRU race
 * faults every other part's own lines sit 8–25 dB below the winner's.
 */
function standsOnItsOwn(ctx: RuleContext, winner: DefectFamily, own: DefectFamily): boolean {
  return (
    hasOwnFundamental(ctx, own) && strongestDb(own) >= strongestDb(winner) - RULES.partDominanceDb
  );
}

function hasOwnFundamental(ctx: RuleContext, own: DefectFamily): boolean {
  const fundamental = own.lines[0];
  if (!fundamental?.present) return false;
  return !ctx.hasBaseline || fundamental.excessDb >= RULES.raisedLineDb;
}

/**
 * A part of another bearing after stronger bearings' winning parts took their lines: its own
 * family at the confidence it supports, or null when its fundamental was theirs. Bearings of one
 * spindle often have near-equal defect frequencies; one defect must not name both.
 */
export function afterStrongerBearings(
  ctx: RuleContext,
  stronger: readonly PartFamily[],
  part: PartFamily,
  adjust: (part: PartFamily, family: DefectFamily) => number,
): PartFamily | null {
  let family = part.family;
  for (const winner of stronger) family = ownFamily(ctx, winner, { ...part, family });
  if (!hasOwnFundamental(ctx, family)) return null;
  const confidence = family === part.family ? part.confidence : adjust(part, family);
  return confidence > 0 ? { ...part, family, confidence } : null;
}

/** The winner and the parts kept beside it, or the verdict that the part cannot be told. */
export type PartDecision =
  | { readonly kind: 'separated'; readonly winner: PartFamily; readonly others: PartFamily[] }
  | {
      readonly kind: 'uncertain';
      readonly winner: PartFamily;
      readonly rival: PartFamily;
      readonly others: PartFamily[];
    };

/**
 * Decides among the parts of one bearing (all with confidence > 0): the part with the highest
 * confidence wins; another part stays with its own lines alone when they stand on their own;
 * one that does not, yet whose whole family is nearly as strong as the winner's
 * (RULES.partUncertainRatio), shares the winner's lines so closely that the part cannot be told.
 */
export function separateParts(
  ctx: RuleContext,
  parts: readonly PartFamily[],
  adjust: (part: PartFamily, family: DefectFamily) => number,
): PartDecision {
  const ranked = [...parts].sort(
    (a, b) => b.confidence - a.confidence || a.cause.localeCompare(b.cause),
  );
  const [winner, ...rest] = ranked;
  const others: PartFamily[] = [];
  let rival: PartFamily | null = null;
  for (const part of rest) {
    const family = ownFamily(ctx, winner, part);
    if (standsOnItsOwn(ctx, winner.family, family) && familyConfidence(family) > 0) {
      others.push({ ...part, family, confidence: adjust(part, family) });
    } else if (
      rival === null &&
      part.family.strengthDb >= RULES.partUncertainRatio * winner.family.strengthDb
    ) {
      rival = part;
    }
  }
  others.sort((a, b) => b.confidence - a.confidence || a.cause.localeCompare(b.cause));
  return rival
    ? { kind: 'uncertain', winner, rival, others }
    : { kind: 'separated', winner, others };
}

/** The evidence that two parts could not be told apart: both confidences. */
export function uncertainItem(winner: PartFamily, rival: PartFamily): EvidenceItem {
  return {
    code: 'bearing-parts-overlap',
    params: {
      parts: [winner, rival].map((p) => ({
        cause: p.cause,
        confidence: Math.round(p.confidence * 100) / 100,
      })),
    },
  };
}
