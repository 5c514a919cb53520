/**
 * Chatter: a strong new narrowband line that is neither a harmonic of a shaft speed nor of a
 * tooth-pass (gear mesh) frequency, nor any other kinematic line, and that rose by itself rather
 * than with the broadband floor around it (docs/diagnosis.md).
 */
import type { LineExcess } from '../baseline/compare.ts';
import type { CauseCandidate } from './candidate.ts';
import { logisticConfidence } from './candidate.ts';
import type { RuleContext } from './context.ts';
import { round2 } from './items.ts';
import { RULES } from './thresholds.ts';

/** Does any kinematic frequency or any harmonic (up to 40) of a shaft or mesh land near f? */
export function isKinematic(
  ctx: RuleContext,
  frequencyHz: number,
  toleranceFraction: number,
): boolean {
  const near = (target: number) => Math.abs(frequencyHz - target) <= toleranceFraction * target + 1;
  for (const f of ctx.frequencies) {
    if (near(f.frequencyHz)) return true;
    const fundamental = f.kind === 'gear-mesh' || (f.kind === 'shaft-order' && f.order === 1);
    if (!fundamental) continue;
    const k = Math.round(frequencyHz / f.frequencyHz);
    if (k >= 1 && k <= 40 && near(k * f.frequencyHz)) return true;
  }
  return false;
}

/**
 * How far a line rose by itself: its excess over the healthy maximum less the rise of the floor
 * it stands on. Impacts that ring a structural mode raise a whole hump of the spectrum, with
 * lines on it spaced by the impacts' rates (the CWRU ball record: 3526 Hz 20 dB over the healthy
 * maximum on a floor 15 dB up); chatter is a tone on an unchanged floor.
 */
function ownRiseDb(ctx: RuleContext, peak: { frequencyHz: number; excessDb: number }): number {
  return (
    peak.excessDb - Math.max(0, ctx.spectrumFloorRise(peak.frequencyHz, RULES.chatterFloorFraction))
  );
}

/** Harmonics of a raised line that are that line's, not a tone of their own. */
const OWN_HARMONICS = 4;

/**
 * Whether `frequencyHz` is the 2nd–4th harmonic (within 1.5 bins per order) of a raised line
 * that a kinematic frequency explains: a shaft line's harmonics above the 40th order are still
 * the shaft's (the simulated misalignment at 0.9×: 1287.7 Hz = 2 × a raised 643.8 Hz spindle
 * order).
 */
function harmonicOfKinematicLine(
  ctx: RuleContext,
  peaks: readonly LineExcess[],
  frequencyHz: number,
) {
  const binWidthHz = ctx.features.spectrum.binWidthHz;
  return peaks.some((p) => {
    const k = Math.round(frequencyHz / p.frequencyHz);
    return (
      k >= 2 &&
      k <= OWN_HARMONICS &&
      p.excessDb >= RULES.raisedLineDb &&
      Math.abs(frequencyHz - k * p.frequencyHz) <= k * RULES.lineToleranceBins * binWidthHz &&
      isKinematic(ctx, p.frequencyHz, RULES.speedToleranceFraction / 2)
    );
  });
}

export function chatterRule(ctx: RuleContext): CauseCandidate[] {
  if (!ctx.comparison) return [];
  const peaks = ctx.comparison.peaks;
  const candidate = peaks.find(
    (p) =>
      p.excessDb >= RULES.chatterExcessDb &&
      p.frequencyHz >= 50 &&
      !isKinematic(ctx, p.frequencyHz, RULES.speedToleranceFraction / 2) &&
      !harmonicOfKinematicLine(ctx, peaks, p.frequencyHz) &&
      ownRiseDb(ctx, p) >= RULES.chatterExcessDb,
  );
  if (!candidate) return [];
  // Chatter is tonal: impacts with a new line point to a defect ringing a resonance instead.
  const impulsive = ctx.comparison.impulsiveness.z >= RULES.impulsiveZ;
  return [
    {
      id: 'chatter',
      componentId: null,
      confidence:
        logisticConfidence(candidate.excessDb, RULES.chatterExcessDb + 4, 3) *
        (impulsive ? 0.3 : 1),
      excessDb: candidate.excessDb,
      evidence: [
        {
          code: 'chatter-line',
          params: {
            frequencyHz: round2(candidate.frequencyHz),
            excessDb: round2(candidate.excessDb),
            prominenceDb: round2(candidate.prominenceDb),
          },
        },
        { code: 'chatter-not-kinematic', params: {} },
      ],
      explainedHz: [candidate.frequencyHz],
    },
  ];
}
