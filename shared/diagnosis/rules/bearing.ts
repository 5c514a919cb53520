/**
 * Rolling-bearing defects: outer race, inner race, rolling element, cage (envelope lines); one
 * part per bearing unless the evidence separates them (bearingParts.ts).
 */
import type { CauseId, EvidenceItem } from '../report.ts';
import type { CharacteristicFrequency } from '../characteristicFrequencies.ts';
import { afterStrongerBearings, separateParts, uncertainItem } from './bearingParts.ts';
import type { PartDecision, PartFamily } from './bearingParts.ts';
import type { CauseCandidate } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { defectFamily, familyConfidence, familyItem } from './defectFamily.ts';
import type { DefectFamily } from './defectFamily.ts';
import { impulsiveness } from './highFrequency.ts';
import { originItems, round2 } from './items.ts';
import { RULES } from './thresholds.ts';

const DEFECTS: readonly { kind: string; cause: CauseId }[] = [
  { kind: 'bearing-bpfo', cause: 'bearing-outer-race' },
  { kind: 'bearing-bpfi', cause: 'bearing-inner-race' },
  { kind: 'bearing-2bsf', cause: 'bearing-rolling-element' },
  { kind: 'bearing-ftf', cause: 'bearing-cage' },
];

type Adjust = (part: PartFamily, family: DefectFamily) => number;

/**
 * What modulates a part's impacts, heard as sidebands around its defect frequency: the shaft
 * carries an inner race's defect through the load zone; the cage carries a rolling element's
 * (2×BSF ± FTF). Outer-race defects sit still, the cage is its own modulator.
 */
function modulatorOf(ctx: RuleContext, part: Omit<PartFamily, 'confidence'>) {
  const { line } = part;
  if (part.cause === 'bearing-inner-race' && line.order) {
    return { code: 'shaft-sidebands' as const, hz: line.frequencyHz / line.order };
  }
  if (part.cause !== 'bearing-rolling-element') return null;
  const cage = ctx.frequencies.find(
    (f) => f.kind === 'bearing-ftf' && f.componentId === line.componentId,
  );
  return cage ? { code: 'cage-sidebands' as const, hz: cage.frequencyHz } : null;
}

/** The modulator's first sidebands present around the defect frequency: 0, 1 or 2. */
function sidebandCount(ctx: RuleContext, line: CharacteristicFrequency, modulatorHz: number) {
  const lower = ctx.envelopeLine(line.frequencyHz - modulatorHz);
  const upper = ctx.envelopeLine(line.frequencyHz + modulatorHz);
  return (lower.present ? 1 : 0) + (upper.present ? 1 : 0);
}

/** A part's confidence from its family: lines over the baseline, and its modulator's sidebands. */
function confidenceOf(
  ctx: RuleContext,
  part: Omit<PartFamily, 'confidence'>,
  family: DefectFamily,
) {
  let confidence = familyConfidence(family);
  if (ctx.hasBaseline && family.excessDb < RULES.raisedLineDb) confidence *= 0.3;
  const modulator = modulatorOf(ctx, part);
  if (modulator && confidence > 0) {
    const sidebands = sidebandCount(ctx, part.line, modulator.hz);
    confidence = Math.min(0.97, confidence + 0.05 * sidebands);
  }
  return confidence;
}

function evidenceOf(ctx: RuleContext, part: PartFamily): EvidenceItem[] {
  const { family, line } = part;
  const evidence: EvidenceItem[] = [familyItem(family, line)];
  if (ctx.hasBaseline) {
    evidence.push({ code: 'envelope-excess', params: { excessDb: round2(family.excessDb) } });
  }
  const modulator = modulatorOf(ctx, part);
  const count = modulator ? sidebandCount(ctx, line, modulator.hz) : 0;
  if (modulator?.code === 'shaft-sidebands' && count > 0) {
    evidence.push({ code: modulator.code, params: { count, shaftHz: round2(modulator.hz) } });
  }
  if (modulator?.code === 'cage-sidebands' && count > 0) {
    evidence.push({ code: modulator.code, params: { count, cageHz: round2(modulator.hz) } });
  }
  return evidence;
}

function excessOf(ctx: RuleContext, family: DefectFamily): number {
  return ctx.hasBaseline ? family.excessDb : Math.max(0, family.excessDb - 6);
}

function candidateOf(ctx: RuleContext, part: PartFamily): CauseCandidate {
  return {
    id: part.cause,
    componentId: part.line.componentId ?? null,
    confidence: part.confidence,
    excessDb: excessOf(ctx, part.family),
    evidence: [...evidenceOf(ctx, part), ...originItems(ctx.profile, part.line)],
    explainedHz: part.family.present.map((l) => l.frequencyHz),
  };
}

/** Every part of every bearing whose family is present, grouped by bearing. */
function partsByBearing(ctx: RuleContext): Map<string, PartFamily[]> {
  const groups = new Map<string, PartFamily[]>();
  for (const { kind, cause } of DEFECTS) {
    for (const line of ctx.frequencies.filter((f) => f.kind === kind)) {
      const family = defectFamily(ctx, line.frequencyHz);
      const confidence = confidenceOf(ctx, { cause, line, family }, family);
      if (confidence === 0) continue;
      const key = line.componentId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), { cause, line, family, confidence }]);
    }
  }
  return groups;
}

/** Every bearing's decision, the one with the most confident winning part first. */
function decisions(ctx: RuleContext, adjust: Adjust): PartDecision[] {
  return [...partsByBearing(ctx).values()]
    .map((parts) => separateParts(ctx, parts, adjust))
    .sort(
      (a, b) =>
        b.winner.confidence - a.winner.confidence || a.winner.cause.localeCompare(b.winner.cause),
    );
}

/**
 * Whether the recording carries impacts to place: a demodulated band whose spectral kurtosis
 * reaches RULES.placingSpectralKurtosis, or impulsiveness over the healthy machine's (without a
 * baseline, kurtosis over a Gaussian's). Without them, envelope lines at a bearing's frequencies
 * are a rhythm in noise: they point to the bearing, but lines of one part there are as likely
 * another part's leakage as its own (the CWRU ball record: BPFO-like lines 8 dB over healthy,
 * kurtosis 3.0 against 2.7 healthy, band SK 0.09).
 */
function impactsToPlace(ctx: RuleContext): boolean {
  return (
    ctx.features.envelope.spectralKurtosis >= RULES.placingSpectralKurtosis ||
    impulsiveness(ctx).impulsive
  );
}

/** The evidence that no impacts place the part: the kurtoses it was judged on. */
function unplacedItem(ctx: RuleContext): EvidenceItem {
  return {
    code: 'bearing-no-impacts',
    params: {
      kurtosis: round2(impulsiveness(ctx).kurtosis),
      spectralKurtosis: round2(ctx.features.envelope.spectralKurtosis),
    },
  };
}

/** One "part uncertain" candidate for a bearing: its winner's confidence, both parts' lines. */
function uncertainCandidate(
  ctx: RuleContext,
  winner: PartFamily,
  first: EvidenceItem,
  rival: PartFamily | null,
): CauseCandidate {
  const both = [winner, ...(rival ? [rival] : [])].map((part) => candidateOf(ctx, part));
  return {
    id: 'bearing-part-uncertain',
    componentId: winner.line.componentId ?? null,
    confidence: winner.confidence,
    excessDb: Math.max(...both.map((c) => c.excessDb)),
    evidence: [first, ...both.flatMap((c) => c.evidence)],
    explainedHz: both.flatMap((c) => c.explainedHz),
  };
}

export function bearingRule(ctx: RuleContext): CauseCandidate[] {
  const adjust: Adjust = (part, family) => confidenceOf(ctx, part, family);
  const out: CauseCandidate[] = [];
  const winners: PartFamily[] = [];
  const placed = impactsToPlace(ctx);
  for (const decision of decisions(ctx, adjust)) {
    const keep = (part: PartFamily) => afterStrongerBearings(ctx, winners, part, adjust);
    const winner = keep(decision.winner);
    const others = decision.others.map(keep).filter((p): p is PartFamily => p !== null);
    if (winner === null) {
      out.push(...others.map((p) => candidateOf(ctx, p)));
      continue;
    }
    winners.push(winner);
    if (!placed) {
      // No impacts: one bearing defect, no part, whatever the families' ranking said.
      out.push(uncertainCandidate(ctx, winner, unplacedItem(ctx), null));
      continue;
    }
    if (decision.kind === 'separated') {
      out.push(candidateOf(ctx, winner), ...others.map((p) => candidateOf(ctx, p)));
      continue;
    }
    const first = uncertainItem(winner, decision.rival);
    out.push(uncertainCandidate(ctx, winner, first, decision.rival));
    out.push(...others.map((p) => candidateOf(ctx, p)));
  }
  return out;
}
