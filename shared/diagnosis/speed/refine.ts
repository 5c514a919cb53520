/**
 * The winner's rate to a fraction of a bin: each salient harmonic (and gear-mesh line) near its
 * expected place gives a peak by parabolic interpolation of the dB spectrum, and the rate is the
 * weighted least-squares fit f = Σ w·k·p_k / Σ w·k², so high harmonics, which place f more finely,
 * weigh more.
 */
import { isMasked, LINE_TOLERANCE, MAX_HARMONIC, salienceAt, toleranceHz } from './evidence.ts';
import type { MaskedLine, ShaftOrders } from './evidence.ts';
import type { SalienceSpectrum } from './spectra.ts';

/** A line counts when it stands this far above the floor. */
const SUPPORT_DB = 6;

function peakNear(lines: SalienceSpectrum, frequencyHz: number, tolHz: number): number {
  const { binWidthHz, levelsDb } = lines;
  const from = Math.max(1, Math.ceil((frequencyHz - tolHz) / binWidthHz));
  const to = Math.min(levelsDb.length - 2, Math.floor((frequencyHz + tolHz) / binWidthHz));
  let bin = from;
  for (let k = from; k <= to; k++) if (levelsDb[k] > levelsDb[bin]) bin = k;
  const [a, b, c] = [levelsDb[bin - 1], levelsDb[bin], levelsDb[bin + 1]];
  const curvature = a - 2 * b + c;
  const offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / curvature)) : 0;
  return (bin + offset) * binWidthHz;
}

export interface RefinedRate {
  readonly rateHz: number;
  /** Salient lines that placed it. */
  readonly supportCount: number;
}

export function refineRate(
  lines: SalienceSpectrum,
  rateHz: number,
  orders: ShaftOrders,
  masks: readonly MaskedLine[],
): RefinedRate {
  const maxHz = (lines.salienceDb.length - 2) * lines.binWidthHz;
  const all = [...Array.from({ length: MAX_HARMONIC }, (_, i) => i + 1), ...orders.lineOrders];
  let numerator = 0;
  let denominator = 0;
  let supportCount = 0;
  for (const order of all) {
    const expectedHz = order * rateHz;
    // A line another shaft may explain places nothing: it could be that shaft's.
    if (expectedHz > maxHz || isMasked(masks, expectedHz, true)) continue;
    const tolHz = toleranceHz(lines, expectedHz, LINE_TOLERANCE);
    const salience = salienceAt(lines, expectedHz, tolHz);
    if (salience < SUPPORT_DB) continue;
    const peakHz = peakNear(lines, expectedHz, tolHz);
    numerator += salience * order * peakHz;
    denominator += salience * order * order;
    supportCount++;
  }
  if (denominator === 0) return { rateHz, supportCount: 0 };
  return { rateHz: numerator / denominator, supportCount };
}
