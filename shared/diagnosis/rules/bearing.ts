/** Rolling-bearing defects: outer race, inner race, rolling element, cage (envelope lines). */
import type { CauseId } from '../report.ts';
import type { CauseCandidate } from './candidate.ts';
import { db, hz } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { defectFamily, describeFamily, familyConfidence } from './defectFamily.ts';
import { RULES } from './thresholds.ts';

const DEFECTS: readonly { kind: string; cause: CauseId; label: string }[] = [
  { kind: 'bearing-bpfo', cause: 'bearing-outer-race', label: 'BPFO' },
  { kind: 'bearing-bpfi', cause: 'bearing-inner-race', label: 'BPFI' },
  { kind: 'bearing-2bsf', cause: 'bearing-rolling-element', label: '2×BSF' },
  { kind: 'bearing-ftf', cause: 'bearing-cage', label: 'FTF' },
];

/** Inner-race impacts are modulated by the shaft: 1x sidebands around BPFI. */
function shaftSidebands(ctx: RuleContext, carrierHz: number, shaftHz: number): number {
  const lower = ctx.envelopeLine(carrierHz - shaftHz);
  const upper = ctx.envelopeLine(carrierHz + shaftHz);
  return (lower.present ? 1 : 0) + (upper.present ? 1 : 0);
}

export function bearingRule(ctx: RuleContext): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  for (const { kind, cause, label } of DEFECTS) {
    for (const line of ctx.frequencies.filter((f) => f.kind === kind)) {
      const family = defectFamily(ctx, line.frequencyHz);
      let confidence = familyConfidence(family);
      if (confidence === 0) continue;
      const evidence = [describeFamily(family, `${label} of ${line.componentId}`)];
      if (ctx.hasBaseline) {
        if (family.excessDb < RULES.raisedLineDb) confidence *= 0.3;
        evidence.push(`strongest line ${db(family.excessDb)} above the healthy envelope spectrum`);
      }
      if (cause === 'bearing-inner-race' && line.order) {
        const shaftHz = line.frequencyHz / line.order;
        const sidebands = shaftSidebands(ctx, line.frequencyHz, shaftHz);
        if (sidebands > 0) {
          confidence = Math.min(0.97, confidence + 0.05 * sidebands);
          evidence.push(`${sidebands} shaft-speed sideband(s) at BPFI ± ${hz(shaftHz)} Hz`);
        }
      }
      evidence.push(line.origin);
      out.push({
        id: cause,
        componentId: line.componentId ?? null,
        confidence,
        excessDb: ctx.hasBaseline ? family.excessDb : Math.max(0, family.excessDb - 6),
        evidence,
        explainedHz: family.present.map((l) => l.frequencyHz),
      });
    }
  }
  return out;
}
