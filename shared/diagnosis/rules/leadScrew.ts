/**
 * Ball-screw faults. Wear (damaged balls or tracks): periodic impacts at the ball-pass frequency.
 * Contamination (chips or debris): irregular impacts and a raised high-frequency floor, with no
 * periodic line (DESIGN.md §3).
 */
import type { CauseCandidate } from './candidate.ts';
import { db, logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import {
  defectFamily,
  describeFamily,
  familyConfidence,
  strongestPeriodicConfidence,
} from './defectFamily.ts';
import { highFrequencyFloor, impulsiveness } from './highFrequency.ts';
import { RULES } from './thresholds.ts';

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
    const evidence = [describeFamily(family, `ball pass of ${line.componentId}`)];
    if (ctx.hasBaseline && family.excessDb < RULES.raisedLineDb) confidence *= 0.3;
    if (ctx.hasBaseline)
      evidence.push(`strongest line ${db(family.excessDb)} above the healthy envelope spectrum`);
    evidence.push(line.origin);
    out.push({
      id: 'lead-screw-wear',
      componentId: line.componentId ?? null,
      confidence,
      excessDb: ctx.hasBaseline ? family.excessDb : Math.max(0, family.excessDb - 6),
      evidence,
      explainedHz: family.present.map((l) => l.frequencyHz),
    });
  }
  if (!impacts.impulsive) return out;
  // Irregular impacts: impulsive, but no periodic family explains them.
  const strength = ctx.hasBaseline ? impacts.z + 2 * Math.max(0, floor.meanDb) : impacts.kurtosis;
  let confidence = ctx.hasBaseline
    ? logisticConfidence(strength, RULES.impulsiveZ + 3, 3)
    : logisticConfidence(strength, RULES.impulsiveKurtosis + 1, 1);
  // Impacts that a bearing or screw family explains are not irregular.
  confidence *= Math.max(0, 1 - 2.5 * strongestPeriodicConfidence(ctx));
  const evidence = [
    ctx.hasBaseline
      ? `impacts: high-frequency kurtosis ${impacts.kurtosis.toFixed(1)} against ${ctx.comparison!.impulsiveness.baselineKurtosis.toFixed(1)} when healthy (z = ${impacts.z.toFixed(1)})`
      : `impacts: high-frequency kurtosis ${impacts.kurtosis.toFixed(1)} (Gaussian noise: 3)`,
    `no periodic line at any ball-pass or bearing defect frequency: the impacts are irregular`,
  ];
  if (ctx.hasBaseline) {
    evidence.push(
      `high-frequency floor (above ${RULES.highFrequencyFromHz} Hz) ${db(floor.meanDb)} over the baseline`,
    );
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
