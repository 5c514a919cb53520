/** Shared measurements of the high-frequency floor and of impulsiveness. */
import { median } from '../features/levels.ts';
import type { RuleContext } from './context.ts';
import { RULES } from './thresholds.ts';

/** Mean band deviation above RULES.highFrequencyFromHz and the fraction of bands raised. */
export function highFrequencyFloor(ctx: RuleContext): { meanDb: number; raisedFraction: number } {
  const bands = (ctx.comparison?.bands ?? []).filter(
    (b) => b.centreHz >= RULES.highFrequencyFromHz,
  );
  if (bands.length === 0) return { meanDb: 0, raisedFraction: 0 };
  const meanDb = bands.reduce((s, b) => s + b.deviationDb, 0) / bands.length;
  const raised = bands.filter((b) => b.deviationDb >= RULES.raisedFloorDb && b.z >= 2).length;
  return { meanDb, raisedFraction: raised / bands.length };
}

/** How impulsive the recording is: z over the baseline, or kurtosis alone without one. */
export function impulsiveness(ctx: RuleContext): {
  impulsive: boolean;
  kurtosis: number;
  z: number;
} {
  const kurtosis = median(ctx.features.impulsiveness.pieceKurtosis);
  if (ctx.comparison) {
    const z = ctx.comparison.impulsiveness.z;
    return { impulsive: z >= RULES.impulsiveZ, kurtosis, z };
  }
  return { impulsive: kurtosis >= RULES.impulsiveKurtosis, kurtosis, z: NaN };
}
