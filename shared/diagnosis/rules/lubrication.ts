/**
 * Poor lubrication: a raised broadband high-frequency floor without impacts or lines. A rhythm
 * at a bearing's or ball screw's defect frequency that the healthy machine lacked says the floor
 * rose with a defect: the confidence yields to it (the CWRU ball record: a floor 4 dB up from
 * 2 kHz and BPFO-like envelope lines 8 dB over healthy).
 */
import type { CauseCandidate } from './candidate.ts';
import { logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { raisedPeriodicConfidence } from './defectFamily.ts';
import { highFrequencyFloor, impulsiveness } from './highFrequency.ts';
import { round2 } from './items.ts';
import { RULES } from './thresholds.ts';

export function lubricationRule(ctx: RuleContext): CauseCandidate[] {
  if (!ctx.comparison) return [];
  const floor = highFrequencyFloor(ctx);
  const impacts = impulsiveness(ctx);
  if (floor.meanDb < RULES.raisedFloorDb || floor.raisedFraction < 0.5 || impacts.impulsive)
    return [];
  return [
    {
      id: 'lubrication',
      componentId: null,
      confidence:
        logisticConfidence(floor.meanDb + 5 * floor.raisedFraction, 7, 2) *
        (1 - raisedPeriodicConfidence(ctx)),
      excessDb: floor.meanDb,
      evidence: [
        {
          code: 'broadband-floor',
          params: {
            fromHz: RULES.highFrequencyFromHz,
            levelDb: round2(floor.meanDb),
            raisedPercent: Math.round(100 * floor.raisedFraction),
          },
        },
        { code: 'no-impacts', params: { kurtosis: round2(impacts.kurtosis) } },
      ],
      explainedHz: [],
    },
  ];
}
