/**
 * Chatter: a strong new narrowband line that is neither a harmonic of a shaft speed nor of a
 * tooth-pass (gear mesh) frequency, nor any other kinematic line, that rose by itself rather than
 * with the broadband floor around it, and that sits near a structural mode of the machine, or,
 * with none known, carries harmonics of its own (docs/diagnosis.md, "Chatter").
 */
import type { LineExcess } from '../baseline/compare.ts';
import type { Cause, EvidenceItem } from '../report.ts';
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

/**
 * A strong new narrowband line on no kinematic frequency that rose by itself: chatter near a
 * structural mode, else a new tone no rule explains (a whine). Null when there is none.
 */
export function newToneLine(ctx: RuleContext): LineExcess | null {
  if (!ctx.comparison) return null;
  const peaks = ctx.comparison.peaks;
  return (
    peaks.find(
      (p) =>
        p.excessDb >= RULES.chatterExcessDb &&
        p.frequencyHz >= 50 &&
        !isKinematic(ctx, p.frequencyHz, RULES.speedToleranceFraction / 2) &&
        !harmonicOfKinematicLine(ctx, peaks, p.frequencyHz) &&
        ownRiseDb(ctx, p) >= RULES.chatterExcessDb,
    ) ?? null
  );
}

/** The 2nd–4th harmonics of the tone that stand raised on no kinematic line, Hz. */
function ownHarmonics(ctx: RuleContext, toneHz: number): number[] {
  const binWidthHz = ctx.features.spectrum.binWidthHz;
  const found: number[] = [];
  for (let k = 2; k <= OWN_HARMONICS && k * toneHz <= ctx.maxLineHz; k++) {
    // k × 1.5 bins around k·f: the tone's own placement error grows with the order.
    const line = ctx.spectrumLine(k * toneHz, (RULES.lineToleranceBins * binWidthHz) / toneHz);
    const kinematic = isKinematic(ctx, line.frequencyHz, RULES.speedToleranceFraction / 2);
    if (line.present && line.excessDb >= RULES.raisedLineDb && !kinematic) {
      found.push(round2(line.frequencyHz));
    }
  }
  return found;
}

/** The known mode within RULES.chatterModeFraction of f, the nearest; null if none. */
function modeNear(modesHz: readonly number[], frequencyHz: number): number | null {
  let best: number | null = null;
  for (const mode of modesHz) {
    const off = Math.abs(frequencyHz - mode);
    if (
      off <= RULES.chatterModeFraction * mode &&
      (best === null || off < Math.abs(frequencyHz - best))
    )
      best = mode;
  }
  return best;
}

/**
 * What makes the tone chatter beyond its line: the mode it sits near and its own harmonics. Null
 * when that is not enough: modes are known and none is near, or none is known and the tone has
 * no harmonic. A baseline made before modes were kept asks for nothing more (as it was).
 */
function chatterSupport(ctx: RuleContext, toneHz: number): EvidenceItem[] | null {
  const modes = ctx.structuralModesHz;
  if (modes === null) return [];
  const harmonics = ownHarmonics(ctx, toneHz);
  const mode = modeNear(modes, toneHz);
  if (modes.length > 0 ? mode === null : harmonics.length === 0) return null;
  const items: EvidenceItem[] = [];
  if (mode !== null) items.push({ code: 'chatter-near-mode', params: { modeHz: round2(mode) } });
  if (harmonics.length > 0) {
    items.push({ code: 'chatter-harmonics', params: { frequenciesHz: harmonics } });
  }
  return items;
}

export function chatterRule(ctx: RuleContext): CauseCandidate[] {
  const candidate = newToneLine(ctx);
  if (!candidate || !ctx.comparison) return [];
  const support = chatterSupport(ctx, candidate.frequencyHz);
  if (!support) return [];
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
        ...support,
      ],
      explainedHz: [candidate.frequencyHz],
    },
  ];
}

/**
 * The unexplained cause with the new tone chatter did not claim ('new-tone': "new tone at f Hz on
 * no shaft order"), when there is one. Baselines made before modes were kept (no modes known at
 * all) leave the cause as it was, so that they diagnose byte for byte as before.
 */
export function withNewTone(
  cause: Cause,
  ctx: RuleContext,
  candidates: readonly CauseCandidate[],
): Cause {
  if (cause.id !== 'unexplained' || ctx.structuralModesHz === null) return cause;
  if (candidates.some((c) => c.id === 'chatter')) return cause;
  const tone = newToneLine(ctx);
  if (!tone) return cause;
  const item: EvidenceItem = {
    code: 'new-tone',
    params: { frequencyHz: round2(tone.frequencyHz), excessDb: round2(tone.excessDb) },
  };
  return { ...cause, evidence: [...cause.evidence, item] };
}
