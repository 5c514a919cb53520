/** Rolling-bearing defects: outer race, inner race, rolling element, cage (envelope lines). */
import type { CauseId, EvidenceItem } from '../report.ts';
import type { CauseCandidate } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { defectFamily, familyConfidence, familyItem } from './defectFamily.ts';
import { originItems, round2 } from './items.ts';
import { RULES } from './thresholds.ts';

const DEFECTS: readonly { kind: string; cause: CauseId }[] = [
  { kind: 'bearing-bpfo', cause: 'bearing-outer-race' },
  { kind: 'bearing-bpfi', cause: 'bearing-inner-race' },
  { kind: 'bearing-2bsf', cause: 'bearing-rolling-element' },
  { kind: 'bearing-ftf', cause: 'bearing-cage' },
];

/** Inner-race impacts are modulated by the shaft: 1x sidebands around BPFI. */
function shaftSidebands(ctx: RuleContext, carrierHz: number, shaftHz: number): number {
  const lower = ctx.envelopeLine(carrierHz - shaftHz);
  const upper = ctx.envelopeLine(carrierHz + shaftHz);
  return (lower.present ? 1 : 0) + (upper.present ? 1 : 0);
}

export function bearingRule(ctx: RuleContext): CauseCandidate[] {
  const out: CauseCandidate[] = [];
  for (const { kind, cause } of DEFECTS) {
    for (const line of ctx.frequencies.filter((f) => f.kind === kind)) {
      const family = defectFamily(ctx, line.frequencyHz);
      let confidence = familyConfidence(family);
      if (confidence === 0) continue;
      const evidence: EvidenceItem[] = [familyItem(family, line)];
      if (ctx.hasBaseline) {
        if (family.excessDb < RULES.raisedLineDb) confidence *= 0.3;
        evidence.push({ code: 'envelope-excess', params: { excessDb: round2(family.excessDb) } });
      }
      if (cause === 'bearing-inner-race' && line.order) {
        const shaftHz = line.frequencyHz / line.order;
        const sidebands = shaftSidebands(ctx, line.frequencyHz, shaftHz);
        if (sidebands > 0) {
          confidence = Math.min(0.97, confidence + 0.05 * sidebands);
          evidence.push({
            code: 'shaft-sidebands',
            params: { count: sidebands, shaftHz: round2(shaftHz) },
          });
        }
      }
      evidence.push(...originItems(ctx.profile, line));
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
