/** Poor lubrication: a raised broadband high-frequency floor without impacts or lines. */
import type { CauseCandidate } from './candidate.ts';
import { db, logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { highFrequencyFloor, impulsiveness } from './highFrequency.ts';
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
      confidence: logisticConfidence(floor.meanDb + 5 * floor.raisedFraction, 7, 2),
      excessDb: floor.meanDb,
      evidence: [
        `broadband floor above ${RULES.highFrequencyFromHz} Hz is ${db(floor.meanDb)} over the baseline in ${(100 * floor.raisedFraction).toFixed(0)} % of its bands`,
        `no impacts: high-frequency kurtosis ${impacts.kurtosis.toFixed(1)}`,
      ],
      explainedHz: [],
    },
  ];
}
