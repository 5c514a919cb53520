/**
 * The three kinds of evidence for a candidate shaft rate f, each a number per candidate (larger is
 * better), read from the salience spectra (spectra.ts):
 * - harmonic contrast: the mean salience at the harmonics k·f less the mean between them,
 *   at (k − ½)·f. A rate half the true one finds every other harmonic empty (a lower mean);
 *   one twice the true one finds the true odd harmonics between its own (a penalty): the two
 *   octave errors are scored down by construction;
 * - cepstrum: the cosine transform of the salience spectrum (a liftered real cepstrum) at
 *   quefrency 1/f, so every harmonic counts and every line half-way between counts against;
 * - kinematic lines: gear mesh (teeth × f) in the line spectrum, and in the envelope spectrum
 *   the shaft's 1x–3x and the bearing and ball-screw defect orders with their harmonics.
 */
import type { SalienceSpectrum } from './spectra.ts';

/** Relative tolerance of an exact shaft-locked line: the simulator's and a drive's speed wander. */
export const LINE_TOLERANCE = 0.003;
/** Bearing defect lines sit 1–2 % off their catalogue orders (slip of the rolling elements). */
export const DEFECT_LINE_TOLERANCE = 0.02;
/** Harmonics of the shaft rate that are scored. */
export const MAX_HARMONIC = 10;
/** Harmonics of a defect order scored in the envelope spectrum. */
const DEFECT_HARMONICS = 3;

/** A frequency that other sources explain (mains, other shafts), with its tolerance in Hz. */
export interface MaskedLine {
  readonly frequencyHz: number;
  readonly toleranceHz: number;
  /**
   * Masked only where it would count against a candidate (between its harmonics): the line of a
   * slower shaft, which a faster shaft's harmonics may share (a 5 Hz and a 10 Hz screw).
   */
  readonly againstOnly?: boolean;
}

/** Kinematic orders of one shaft (multiples of its rate). */
export interface ShaftOrders {
  /** Exact orders seen in the line spectrum: gear mesh and 2× mesh. */
  readonly lineOrders: readonly number[];
  /** Defect orders seen in the envelope spectrum, each with harmonics 1–3. */
  readonly defectOrders: readonly number[];
}

export function toleranceHz(spectrum: SalienceSpectrum, frequencyHz: number, relative: number) {
  return Math.max(1.5 * spectrum.binWidthHz, relative * frequencyHz);
}

/** The largest salience within ±toleranceHz of frequencyHz; 0 outside the spectrum. */
export function salienceAt(spectrum: SalienceSpectrum, frequencyHz: number, tolHz: number): number {
  const { binWidthHz, salienceDb } = spectrum;
  const from = Math.max(0, Math.ceil((frequencyHz - tolHz) / binWidthHz));
  const to = Math.min(salienceDb.length - 1, Math.floor((frequencyHz + tolHz) / binWidthHz));
  let best = 0;
  for (let k = from; k <= to; k++) if (salienceDb[k] > best) best = salienceDb[k];
  return best;
}

export function isMasked(
  masks: readonly MaskedLine[],
  frequencyHz: number,
  against = false,
): boolean {
  return masks.some(
    (m) => (against || !m.againstOnly) && Math.abs(m.frequencyHz - frequencyHz) <= m.toleranceHz,
  );
}

/** Mean salience at `frequencies` (masked ones read 0); null when all are out of the band. */
function meanSalience(
  spectrum: SalienceSpectrum,
  frequencies: readonly number[],
  masks: readonly MaskedLine[],
  relative: number,
  against = false,
): number | null {
  const maxHz = (spectrum.salienceDb.length - 1) * spectrum.binWidthHz;
  let sum = 0;
  let count = 0;
  for (const hz of frequencies) {
    if (hz > maxHz) continue;
    // A masked place counts as empty, not as absent: a candidate whose harmonics other sources
    // explain must not win on the one or two places left to it.
    count++;
    if (!isMasked(masks, hz, against)) {
      sum += salienceAt(spectrum, hz, toleranceHz(spectrum, hz, relative));
    }
  }
  return count === 0 ? null : sum / count;
}

const harmonicsOf = (rateHz: number, offset = 0) =>
  Array.from({ length: MAX_HARMONIC }, (_, i) => (i + 1 - offset) * rateHz);

export function harmonicContrast(
  lines: SalienceSpectrum,
  rateHz: number,
  masks: readonly MaskedLine[],
): number {
  const on = meanSalience(lines, harmonicsOf(rateHz), masks, LINE_TOLERANCE) ?? 0;
  const between = meanSalience(lines, harmonicsOf(rateHz, 0.5), masks, LINE_TOLERANCE, true) ?? 0;
  return on - between;
}

/** Mean salience at the odd (or even) harmonics of rateHz: the explicit octave checks. */
export function parityMean(
  lines: SalienceSpectrum,
  rateHz: number,
  masks: readonly MaskedLine[],
  odd: boolean,
): number {
  const orders = [1, 2, 3, 4, 5, 6, 7, 8].filter((k) => (k % 2 === 1) === odd);
  return (
    meanSalience(
      lines,
      orders.map((k) => k * rateHz),
      masks,
      LINE_TOLERANCE,
    ) ?? 0
  );
}

/**
 * Σ s[n]·cos(2π·n·Δf/f) over the bins from half the rate up to MAX_HARMONIC + ½ harmonics,
 * divided by Σ s[n]: +1 when all salience sits on harmonics of f, −1 when all sits half-way.
 */
export function cepstrumAt(lines: SalienceSpectrum, rateHz: number): number {
  const { binWidthHz, salienceDb } = lines;
  const from = Math.max(1, Math.floor((0.5 * rateHz) / binWidthHz));
  const to = Math.min(
    salienceDb.length - 1,
    Math.ceil(((MAX_HARMONIC + 0.5) * rateHz) / binWidthHz),
  );
  const step = (2 * Math.PI * binWidthHz) / rateHz;
  let sum = 0;
  let total = 0;
  for (let n = from; n <= to; n++) {
    const s = salienceDb[n];
    if (s === 0) continue;
    sum += s * Math.cos(step * n);
    total += s;
  }
  return total === 0 ? 0 : sum / total;
}

/** Mean salience of the shaft's kinematic lines; null when the profile gives the shaft none. */
export function kinematicScore(
  lines: SalienceSpectrum,
  envelope: SalienceSpectrum | null,
  orders: ShaftOrders,
  rateHz: number,
  masks: readonly MaskedLine[],
): number | null {
  const parts: number[] = [];
  const mesh = meanSalience(
    lines,
    orders.lineOrders.map((o) => o * rateHz),
    masks,
    LINE_TOLERANCE,
  );
  if (mesh !== null) parts.push(mesh);
  if (envelope) {
    const shaft = meanSalience(
      envelope,
      [1, 2, 3].map((k) => k * rateHz),
      [],
      LINE_TOLERANCE,
    );
    if (shaft !== null) parts.push(shaft);
    for (const order of orders.defectOrders) {
      const family = Array.from({ length: DEFECT_HARMONICS }, (_, i) => (i + 1) * order * rateHz);
      const value = meanSalience(envelope, family, [], DEFECT_LINE_TOLERANCE);
      if (value !== null) parts.push(value);
    }
  }
  if (parts.length === 0) return null;
  // The strongest kinematic family decides: a healthy bearing's lines are rightly absent.
  return Math.max(...parts);
}
