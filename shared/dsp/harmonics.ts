/**
 * Families of spectral lines: the harmonics k·f0 of a fundamental (unbalance 1x, misalignment 2x,
 * looseness many harmonics, bearing defect frequencies in the envelope spectrum) and sidebands
 * carrier ± k·spacing (gear mesh with shaft sidebands, inner-race defects modulated by the shaft).
 *
 * Each expected line is searched within a tolerance, located by Gaussian interpolation, and
 * measured against the local floor: the median of the dB values within ± floorHalfWidthHz of the
 * line, leaving out the search window and the peak's main lobe. A median ignores a few other
 * lines in that stretch, so the floor is the noise, not the neighbours.
 */
import { checkSpectrum, interpolatePeak, toDb } from './peaks.ts';
import type { ValueScale } from './peaks.ts';
import type { FrequencySeries } from './types.ts';

export interface LineSearchOptions {
  /** Default 'amplitude'. Levels come back in the units of `values`, floors in dB. */
  readonly valueScale?: ValueScale;
  /** Absolute search tolerance in Hz. Default: one bin. */
  readonly toleranceHz?: number;
  /**
   * Tolerance as a fraction of the expected frequency (speed drifts 1–5 %, real bearing lines sit
   * 1–2 % off). Default 0.02. The larger of the two applies, capped at half the line spacing.
   */
  readonly toleranceRelative?: number;
  /** A line counts as present when it is a local maximum this far over the floor. Default 6 dB. */
  readonly minProminenceDb?: number;
  /** Half-width of the floor's stretch. Default: half the line spacing, at least tolerance + 5 bins. */
  readonly floorHalfWidthHz?: number;
}

/** One expected line, found or not. */
export interface LineMatch {
  /** Harmonic number k (1..K), or the signed sideband order (−K..K, 0 = the carrier). */
  readonly order: number;
  readonly expectedHz: number;
  /**
   * Whether a local maximum, interpolated to within the tolerance of expectedHz, stands at least
   * minProminenceDb over the floor.
   */
  readonly present: boolean;
  /** Interpolated frequency of the strongest local maximum in the window (else the expected one). */
  readonly frequencyHz: number;
  /** Level in the units of `values` (interpolated when a local maximum was found). */
  readonly level: number;
  readonly levelDb: number;
  /** Local floor: median dB around the line. */
  readonly floorDb: number;
  /** levelDb − floorDb: the line's prominence over the local floor. */
  readonly prominenceDb: number;
}

/** Summary of a family's present lines. */
export interface FamilyStrength {
  readonly count: number;
  readonly presentCount: number;
  readonly presentFraction: number;
  /** Mean prominence over the floor of the present lines, dB (0 when none). */
  readonly meanProminenceDb: number;
  /** 10·log10 Σ 10^(prominenceDb/10) over the present lines, dB (0 when none). */
  readonly strengthDb: number;
}

export interface HarmonicFamily extends FamilyStrength {
  readonly fundamentalHz: number;
  /** Orders 1..count, in order. */
  readonly harmonics: readonly LineMatch[];
  /** Present harmonics counted from order 1 until the first missing one (1x, 2x, 3x ...). */
  readonly consecutiveCount: number;
}

export interface SidebandFamily extends FamilyStrength {
  readonly carrierHz: number;
  readonly spacingHz: number;
  readonly carrier: LineMatch;
  /** Orders −1..−count (carrier − k·spacing), nearest first. */
  readonly lower: readonly LineMatch[];
  /** Orders 1..count (carrier + k·spacing), nearest first. */
  readonly upper: readonly LineMatch[];
  /** k for which both carrier ± k·spacing are present. */
  readonly pairCount: number;
}

interface Context {
  readonly spectrum: FrequencySeries;
  readonly db: Float64Array;
  readonly binWidthHz: number;
  readonly valueScale: ValueScale;
  readonly options: LineSearchOptions;
}

/** First index with frequenciesHz[i] >= f (frequencies ascending). */
function lowerBound(frequenciesHz: Float64Array, f: number): number {
  let lo = 0;
  let hi = frequenciesHz.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (frequenciesHz[mid] < f) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = values.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function isLocalMax(db: Float64Array, i: number): boolean {
  return (
    i > 0 &&
    i < db.length - 1 &&
    db[i] >= db[i - 1] &&
    db[i] >= db[i + 1] &&
    db[i] > Math.min(db[i - 1], db[i + 1])
  );
}

/** Measures one expected line; `spacingHz` caps the tolerance and sizes the floor. */
function measureLine(
  ctx: Context,
  order: number,
  expectedHz: number,
  spacingHz: number,
): LineMatch {
  const { spectrum, db, binWidthHz, options } = ctx;
  const f = spectrum.frequenciesHz;
  const tolerance = Math.min(
    Math.max(options.toleranceHz ?? binWidthHz, (options.toleranceRelative ?? 0.02) * expectedHz),
    spacingHz / 2,
  );
  const lo = Math.min(lowerBound(f, expectedHz - tolerance), f.length - 1);
  const hi = Math.max(lowerBound(f, expectedHz + tolerance + 1e-9 * binWidthHz) - 1, lo);
  let best = -1;
  for (let i = lo; i <= hi; i++) if (isLocalMax(db, i) && (best < 0 || db[i] > db[best])) best = i;
  const nearest = Math.min(f.length - 1, Math.max(0, Math.round((expectedHz - f[0]) / binWidthHz)));
  const line = best >= 0 ? interpolatePeak(spectrum, db, best, ctx.valueScale) : null;
  const centre = best >= 0 ? best : nearest;
  const halfWidth = options.floorHalfWidthHz ?? Math.max(spacingHz / 2, tolerance + 5 * binWidthHz);
  const floorBins: number[] = [];
  const from = lowerBound(f, expectedHz - halfWidth);
  const to = lowerBound(f, expectedHz + halfWidth);
  for (let i = from; i < to; i++) {
    const inWindow = i >= lo - 2 && i <= hi + 2;
    if (!inWindow && Math.abs(i - centre) > 2) floorBins.push(db[i]);
  }
  const floorDb = median(floorBins);
  const levelDb = line ? line.levelDb : db[nearest];
  const prominenceDb = levelDb - floorDb;
  return {
    order,
    expectedHz,
    present:
      line !== null &&
      Math.abs(line.frequencyHz - expectedHz) <= tolerance &&
      prominenceDb >= (options.minProminenceDb ?? 6),
    frequencyHz: line ? line.frequencyHz : expectedHz,
    level: line ? line.level : spectrum.values[nearest],
    levelDb,
    floorDb,
    prominenceDb,
  };
}

function strength(lines: readonly LineMatch[]): FamilyStrength {
  const present = lines.filter((l) => l.present);
  const sum = present.reduce((s, l) => s + 10 ** (l.prominenceDb / 10), 0);
  return {
    count: lines.length,
    presentCount: present.length,
    presentFraction: lines.length ? present.length / lines.length : 0,
    meanProminenceDb: present.length
      ? present.reduce((s, l) => s + l.prominenceDb, 0) / present.length
      : 0,
    strengthDb: present.length ? 10 * Math.log10(sum) : 0,
  };
}

function makeContext(
  spectrum: FrequencySeries,
  options: LineSearchOptions,
  where: string,
): Context {
  checkSpectrum(spectrum, where);
  const n = spectrum.values.length;
  if (n < 3) throw new RangeError(`${where}: spectrum must hold at least 3 bins`);
  for (const name of [
    'toleranceHz',
    'toleranceRelative',
    'floorHalfWidthHz',
    'minProminenceDb',
  ] as const) {
    const value = options[name];
    if (value !== undefined && !(value >= 0)) {
      throw new RangeError(`${where}: options.${name} must be >= 0, got ${value}`);
    }
  }
  const valueScale = options.valueScale ?? 'amplitude';
  const binWidthHz = (spectrum.frequenciesHz[n - 1] - spectrum.frequenciesHz[0]) / (n - 1);
  return { spectrum, db: toDb(spectrum.values, valueScale), binWidthHz, valueScale, options };
}

function checkCount(count: number, where: string): void {
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new RangeError(`${where}: options.count must be an integer >= 1, got ${count}`);
  }
}

/**
 * Which harmonics 1..count of `fundamentalHz` stand out in the spectrum, each with its level and
 * prominence over the local floor, and the family's strength. Harmonics above the spectrum's last
 * frequency are left out. Throws RangeError for a non-positive fundamental or bad options.
 */
export function findHarmonics(
  spectrum: FrequencySeries,
  fundamentalHz: number,
  options: LineSearchOptions & { readonly count?: number } = {},
): HarmonicFamily {
  const ctx = makeContext(spectrum, options, 'findHarmonics');
  if (!(Number.isFinite(fundamentalHz) && fundamentalHz > 0)) {
    throw new RangeError(`findHarmonics: fundamentalHz must be positive, got ${fundamentalHz}`);
  }
  const count = options.count ?? 5;
  checkCount(count, 'findHarmonics');
  const top = spectrum.frequenciesHz[spectrum.frequenciesHz.length - 1];
  const harmonics: LineMatch[] = [];
  for (let k = 1; k <= count && k * fundamentalHz <= top; k++) {
    harmonics.push(measureLine(ctx, k, k * fundamentalHz, fundamentalHz));
  }
  let consecutiveCount = 0;
  while (consecutiveCount < harmonics.length && harmonics[consecutiveCount].present)
    consecutiveCount++;
  return { fundamentalHz, harmonics, consecutiveCount, ...strength(harmonics) };
}

/**
 * Sidebands carrier ± k·spacing (k = 1..count) around a carrier, e.g. gear mesh ± shaft speed.
 * Strength sums the sidebands only (not the carrier). Sidebands outside the spectrum are left out.
 */
export function findSidebands(
  spectrum: FrequencySeries,
  carrierHz: number,
  spacingHz: number,
  options: LineSearchOptions & { readonly count?: number } = {},
): SidebandFamily {
  const ctx = makeContext(spectrum, options, 'findSidebands');
  if (!(Number.isFinite(carrierHz) && carrierHz > 0)) {
    throw new RangeError(`findSidebands: carrierHz must be positive, got ${carrierHz}`);
  }
  if (!(Number.isFinite(spacingHz) && spacingHz > 0)) {
    throw new RangeError(`findSidebands: spacingHz must be positive, got ${spacingHz}`);
  }
  const count = options.count ?? 3;
  checkCount(count, 'findSidebands');
  const f = spectrum.frequenciesHz;
  const inside = (hz: number) => hz >= f[0] && hz <= f[f.length - 1];
  const lower: LineMatch[] = [];
  const upper: LineMatch[] = [];
  for (let k = 1; k <= count; k++) {
    const below = carrierHz - k * spacingHz;
    const above = carrierHz + k * spacingHz;
    if (inside(below)) lower.push(measureLine(ctx, -k, below, spacingHz));
    if (inside(above)) upper.push(measureLine(ctx, k, above, spacingHz));
  }
  const carrier = measureLine(ctx, 0, carrierHz, spacingHz);
  const pairCount = upper.filter(
    (u) => u.present && lower.some((l) => l.order === -u.order && l.present),
  ).length;
  return {
    carrierHz,
    spacingHz,
    carrier,
    lower,
    upper,
    pairCount,
    ...strength([...lower, ...upper]),
  };
}
