/**
 * Ball-screw faults. Wear (damaged balls or tracks): periodic impacts at the ball-pass frequency.
 * Contamination (chips or debris): irregular impacts and a raised high-frequency floor, with no
 * periodic line (docs/formats.md).
 */
import type { EvidenceItem } from '../report.ts';
import type { CauseCandidate } from './candidate.ts';
import { logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import {
  defectFamily,
  familyConfidence,
  familyItem,
  strongestPeriodicConfidence,
} from './defectFamily.ts';
import { highFrequencyFloor, impulsiveness } from './highFrequency.ts';
import { originItems, round2 } from './items.ts';
import { RULES } from './thresholds.ts';

/**
 * Whether the impacts ring a resonance of their own rather than the machine: with structural
 * modes known, the most raised band stands RULES.raisedLineDb or more, away from every mode, and
 * the high-frequency floor stays down. Chips in a screw ring the machine's modes and raise the
 * floor (simulated, even at −10 dB: floor +2.4 dB, most raised band 3 % from the first mode); a
 * loose cover rattles at a panel's own resonance (+12 dB: 1414 Hz band +11 dB, floor 0 dB).
 */
function ringsOwnResonance(ctx: RuleContext, floorDb: number): boolean {
  const modes = ctx.structuralModesHz;
  if (!modes || modes.length === 0 || floorDb >= RULES.raisedFloorDb) return false;
  const bands = ctx.comparison?.bands ?? [];
  const worst = bands.reduce<(typeof bands)[number] | null>(
    (a, b) => (a === null || b.deviationDb > a.deviationDb ? b : a),
    null,
  );
  if (!worst || worst.deviationDb < RULES.raisedLineDb) return false;
  return modes.every((m) => Math.abs(worst.centreHz - m) > RULES.chatterModeFraction * m);
}

export function leadScrewRule(ctx: RuleContext): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  const ballPasses = ctx.frequencies.filter((f) => f.kind === 'ballscrew-ball-pass');
  if (ballPasses.length === 0) return out;
  const impacts = impulsiveness(ctx);
  const floor = highFrequencyFloor(ctx);
  for (const line of ballPasses) {
    const family = defectFamily(ctx, line.frequencyHz);
    let confidence = familyConfidence(family);
    if (confidence === 0) continue;
    const evidence: EvidenceItem[] = [familyItem(family, line)];
    if (ctx.hasBaseline && family.excessDb < RULES.raisedLineDb) confidence *= 0.3;
    if (ctx.hasBaseline)
      evidence.push({ code: 'envelope-excess', params: { excessDb: round2(family.excessDb) } });
    evidence.push(...originItems(ctx.profile, line));
    out.push({
      id: 'lead-screw-wear',
      componentId: line.componentId ?? null,
      confidence,
      excessDb: ctx.hasBaseline ? family.excessDb : Math.max(0, family.excessDb - 6),
      evidence,
      explainedHz: family.present.map((l) => l.frequencyHz),
    });
  }
  if (!impacts.impulsive || ringsOwnResonance(ctx, floor.meanDb)) return out;
  // Irregular impacts: impulsive, but no periodic family explains them.
  const strength = ctx.hasBaseline ? impacts.z + 2 * Math.max(0, floor.meanDb) : impacts.kurtosis;
  let confidence = ctx.hasBaseline
    ? logisticConfidence(strength, RULES.impulsiveZ + 3, 3)
    : logisticConfidence(strength, RULES.impulsiveKurtosis + 1, 1);
  // Impacts that a bearing or screw family explains are not irregular.
  confidence *= Math.max(0, 1 - 2.5 * strongestPeriodicConfidence(ctx));
  const evidence: EvidenceItem[] = [
    ctx.hasBaseline
      ? {
          code: 'impacts-against-baseline',
          params: {
            kurtosis: round2(impacts.kurtosis),
            baselineKurtosis: round2(ctx.comparison!.impulsiveness.baselineKurtosis),
            z: round2(impacts.z),
          },
        }
      : { code: 'impacts-without-baseline', params: { kurtosis: round2(impacts.kurtosis) } },
    { code: 'impacts-irregular', params: {} },
  ];
  if (ctx.hasBaseline) {
    evidence.push({
      code: 'high-frequency-floor',
      params: { fromHz: RULES.highFrequencyFromHz, levelDb: round2(floor.meanDb) },
    });
  }
  const screw = ballPasses[0];
  out.push({
    id: 'lead-screw-contamination',
    componentId: screw.componentId ?? null,
    confidence,
    excessDb: ctx.hasBaseline
      ? Math.max(floor.meanDb, ...ctx.comparison!.bands.map((b) => b.deviationDb))
      : 0,
    evidence,
    explainedHz: [],
  });
  return out;
}
