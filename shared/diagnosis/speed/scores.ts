/**
 * One score per candidate rate: the evidence of evidence.ts on a logarithmic grid (steps of
 * 0.05 %, finer than the 1 % asked), each kind normalised by its largest value on the grid and
 * combined with fixed weights; and the explicit half/double check.
 */
import { cepstrumAt, harmonicContrast, kinematicScore, parityMean } from './evidence.ts';
import type { MaskedLine, ShaftOrders } from './evidence.ts';
import type { SpeedSpectra } from './spectra.ts';

const GRID_STEP = 0.0005;
const WEIGHTS = { harmonic: 0.5, cepstrum: 0.25, kinematic: 0.25 } as const;
/**
 * Half the winner wins only when its odd harmonics (the ones the winner lacks) carry at least
 * this share of the salience of its even ones; double the winner wins when the winner's odd
 * harmonics carry less than this share of its even ones.
 */
const ODD_SHARE = 0.35;

export interface CandidateScores {
  readonly ratesHz: Float64Array;
  readonly scores: Float64Array;
  /** The combined score at the grid point nearest `rateHz`. */
  scoreAt(rateHz: number): number;
  /** `rateHz`, or its half or double when the parity of the harmonics says so (and in range). */
  octaveChecked(rateHz: number): number;
}

function normalise(values: Float64Array): Float64Array {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  return max > 0 ? values.map((v) => v / max) : values.fill(0);
}

export function candidateScores(
  spectra: SpeedSpectra,
  orders: ShaftOrders,
  masks: readonly MaskedLine[],
  minHz: number,
  maxHz: number,
): CandidateScores {
  const count = Math.floor(Math.log(maxHz / minHz) / Math.log1p(GRID_STEP)) + 1;
  const ratesHz = Float64Array.from({ length: count }, (_, i) => minHz * (1 + GRID_STEP) ** i);
  const harmonic = normalise(ratesHz.map((f) => harmonicContrast(spectra.lines, f, masks)));
  const cepstrum = normalise(ratesHz.map((f) => cepstrumAt(spectra.lines, f)));
  const kinematicRaw = Array.from(ratesHz, (f) =>
    kinematicScore(spectra.lines, spectra.envelope, orders, f, masks),
  );
  const hasKinematic = kinematicRaw.some((v) => v !== null);
  const kinematic = normalise(Float64Array.from(kinematicRaw, (v) => v ?? 0));
  const total = WEIGHTS.harmonic + WEIGHTS.cepstrum + (hasKinematic ? WEIGHTS.kinematic : 0);
  const scores = ratesHz.map(
    (_, i) =>
      (WEIGHTS.harmonic * harmonic[i] +
        WEIGHTS.cepstrum * cepstrum[i] +
        (hasKinematic ? WEIGHTS.kinematic * kinematic[i] : 0)) /
      total,
  );
  const indexOf = (rateHz: number) =>
    Math.min(count - 1, Math.max(0, Math.round(Math.log(rateHz / minHz) / Math.log1p(GRID_STEP))));
  const inRange = (rateHz: number) => rateHz >= minHz && rateHz <= maxHz;
  const odd = (f: number) => parityMean(spectra.lines, f, masks, true);
  const even = (f: number) => parityMean(spectra.lines, f, masks, false);
  return {
    ratesHz,
    scores,
    scoreAt: (rateHz) => scores[indexOf(rateHz)],
    octaveChecked(rateHz) {
      const half = rateHz / 2;
      if (inRange(half) && odd(half) >= ODD_SHARE * even(half) && odd(half) > 0) return half;
      const double = rateHz * 2;
      if (inRange(double) && odd(rateHz) < ODD_SHARE * even(rateHz)) return double;
      return rateHz;
    },
  };
}
