/**
 * Peaks of a spectrum: local maxima above a level and a prominence, at least a distance apart,
 * optionally the N strongest, each located between bins by a parabola through the three
 * log-magnitude values around it (Gaussian interpolation). With a Hann window that puts a clean
 * tone within 0.02 bin of its true frequency; a parabola through linear magnitudes can miss by
 * 0.05 bin. Selection follows scipy.signal.find_peaks (plateaus, prominence), except that the
 * distance rule runs after the prominence rule, so a non-prominent shoulder cannot hide a peak.
 */
import type { FrequencySeries } from './types.ts';

/** How `values` relate to decibels: 20·log10 (amplitude), 10·log10 (power), or already dB. */
export type ValueScale = 'amplitude' | 'power' | 'db';

export interface PeakOptions {
  /** Default 'amplitude'. Prominences and interpolation are computed in dB. */
  readonly valueScale?: ValueScale;
  /** Minimum peak value, in the units of `values`. Default: none. */
  readonly minLevel?: number;
  /** Minimum prominence in dB (scipy's prominence, on the dB values). Default 0. */
  readonly minProminenceDb?: number;
  /** Lower peaks closer than this to a kept higher peak are dropped (scipy's distance). */
  readonly minDistanceHz?: number;
  /** Keep only the N highest peaks. */
  readonly maxPeaks?: number;
  readonly minFrequencyHz?: number;
  readonly maxFrequencyHz?: number;
  /**
   * Limits the search for a prominence's bases to ± this many Hz (scipy's wlen); default: the
   * whole spectrum. Bounds the cost on long spectra with many peaks.
   */
  readonly prominenceWindowHz?: number;
  /** Order of the result: by frequency (default) or by level, highest first. */
  readonly sortBy?: 'frequency' | 'level';
}

/** An interpolated peak location and level. */
export interface InterpolatedPeak {
  /** Index of the local maximum in `values`. */
  readonly bin: number;
  /** bin + the interpolated offset in [-0.5, 0.5]. */
  readonly fractionalBin: number;
  readonly frequencyHz: number;
  /** Interpolated peak value, in the units of `values`. */
  readonly level: number;
  readonly levelDb: number;
}

export interface SpectralPeak extends InterpolatedPeak {
  /** Height above the higher of the two bases (scipy.signal.peak_prominences), in dB. */
  readonly prominenceDb: number;
}

const TINY_DB = -3000;

/** values → dB per the value scale; zeros become a very low finite level. */
export function toDb(
  values: ArrayLike<number>,
  valueScale: ValueScale = 'amplitude',
): Float64Array {
  const out = new Float64Array(values.length);
  const factor = valueScale === 'amplitude' ? 20 : 10;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = valueScale === 'db' ? v : v > 0 ? factor * Math.log10(v) : TINY_DB;
  }
  return out;
}

export function fromDb(levelDb: number, valueScale: ValueScale): number {
  if (valueScale === 'db') return levelDb;
  return 10 ** (levelDb / (valueScale === 'amplitude' ? 20 : 10));
}

export function checkSpectrum(spectrum: FrequencySeries, where: string): void {
  if (!spectrum || spectrum.frequenciesHz.length !== spectrum.values.length) {
    throw new RangeError(
      `${where}: spectrum.frequenciesHz and spectrum.values must have equal length`,
    );
  }
}

function frequencyAt(frequenciesHz: Float64Array, fractionalBin: number): number {
  const last = frequenciesHz.length - 1;
  const lower = Math.max(0, Math.min(last - 1, Math.floor(fractionalBin)));
  const t = fractionalBin - lower;
  return frequenciesHz[lower] + t * (frequenciesHz[lower + 1] - frequenciesHz[lower]);
}

/**
 * Parabolic interpolation on dB values around `bin` (Gaussian interpolation on magnitudes).
 * `db` is the spectrum in dB (see `toDb`). At the spectrum's ends the bin itself is returned.
 */
export function interpolatePeak(
  spectrum: FrequencySeries,
  db: Float64Array,
  bin: number,
  valueScale: ValueScale = 'amplitude',
): InterpolatedPeak {
  let offset = 0;
  let levelDb = db[bin];
  if (bin > 0 && bin < db.length - 1) {
    const [a, b, c] = [db[bin - 1], db[bin], db[bin + 1]];
    const curvature = a - 2 * b + c;
    if (curvature < 0 && Number.isFinite(curvature)) {
      offset = Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / curvature));
      levelDb = b - 0.25 * (a - c) * offset;
    }
  }
  const fractionalBin = bin + offset;
  return {
    bin,
    fractionalBin,
    frequencyHz:
      spectrum.frequenciesHz.length > 1
        ? frequencyAt(spectrum.frequenciesHz, fractionalBin)
        : spectrum.frequenciesHz[0],
    level: fromDb(levelDb, valueScale),
    levelDb,
  };
}

/** Local maxima, plateaus reported at their middle, ends excluded (scipy _local_maxima_1d). */
export function localMaxima(x: ArrayLike<number>): number[] {
  const peaks: number[] = [];
  let i = 1;
  const last = x.length - 1;
  while (i < last) {
    if (x[i - 1] < x[i]) {
      let ahead = i + 1;
      while (ahead < last && x[ahead] === x[i]) ahead++;
      if (x[ahead] < x[i]) {
        peaks.push((i + ahead - 1) >> 1);
        i = ahead;
      }
    }
    i++;
  }
  return peaks;
}

/** scipy.signal.peak_prominences for one peak, with an optional half-window in bins. */
export function prominence(x: ArrayLike<number>, peak: number, halfWindow = Infinity): number {
  const top = x[peak];
  const from = Math.max(0, peak - halfWindow);
  const to = Math.min(x.length - 1, peak + halfWindow);
  let leftMin = top;
  for (let j = peak - 1; j >= from && x[j] <= top; j--) leftMin = Math.min(leftMin, x[j]);
  let rightMin = top;
  for (let j = peak + 1; j <= to && x[j] <= top; j++) rightMin = Math.min(rightMin, x[j]);
  return top - Math.max(leftMin, rightMin);
}

/** Drops lower peaks within `distanceHz` of a higher kept one (scipy's _select_by_peak_distance). */
function selectByDistance(peaks: SpectralPeak[], distanceHz: number): SpectralPeak[] {
  const keep = new Array<boolean>(peaks.length).fill(true);
  const byLevel = peaks.map((_, i) => i).sort((a, b) => peaks[b].levelDb - peaks[a].levelDb);
  for (const i of byLevel) {
    if (!keep[i]) continue;
    const f = peaks[i].frequencyHz;
    for (let j = i - 1; j >= 0 && f - peaks[j].frequencyHz < distanceHz; j--) keep[j] = false;
    for (let j = i + 1; j < peaks.length && peaks[j].frequencyHz - f < distanceHz; j++) {
      keep[j] = false;
    }
  }
  return peaks.filter((_, i) => keep[i]);
}

function checkPeakOptions(options: PeakOptions): void {
  const nonNegative = ['minProminenceDb', 'minDistanceHz', 'prominenceWindowHz'] as const;
  for (const name of nonNegative) {
    const value = options[name];
    if (value !== undefined && !(value >= 0)) {
      throw new RangeError(`findPeaks: options.${name} must be >= 0, got ${value}`);
    }
  }
  const { maxPeaks, valueScale } = options;
  if (maxPeaks !== undefined && !(Number.isInteger(maxPeaks) && maxPeaks >= 1)) {
    throw new RangeError(`findPeaks: options.maxPeaks must be an integer >= 1, got ${maxPeaks}`);
  }
  if (valueScale !== undefined && !['amplitude', 'power', 'db'].includes(valueScale)) {
    throw new RangeError(`findPeaks: options.valueScale must be amplitude, power or db`);
  }
}

/**
 * Peaks of a spectrum, interpolated (see the module comment), ordered by frequency unless
 * `sortBy` is 'level'. Filters in this order: level and frequency range, prominence, distance,
 * maxPeaks. Throws RangeError for mismatched arrays or bad options.
 */
export function findPeaks(spectrum: FrequencySeries, options: PeakOptions = {}): SpectralPeak[] {
  checkSpectrum(spectrum, 'findPeaks');
  checkPeakOptions(options);
  const valueScale = options.valueScale ?? 'amplitude';
  const { values, frequenciesHz } = spectrum;
  const db = toDb(values, valueScale);
  const binWidthHz =
    values.length > 1
      ? (frequenciesHz[values.length - 1] - frequenciesHz[0]) / (values.length - 1)
      : 1;
  const halfWindow =
    options.prominenceWindowHz === undefined
      ? Infinity
      : Math.ceil(options.prominenceWindowHz / binWidthHz);
  const minFrequencyHz = options.minFrequencyHz ?? -Infinity;
  const maxFrequencyHz = options.maxFrequencyHz ?? Infinity;
  let peaks: SpectralPeak[] = [];
  for (const bin of localMaxima(values)) {
    if (options.minLevel !== undefined && !(values[bin] >= options.minLevel)) continue;
    const f = frequenciesHz[bin];
    if (f < minFrequencyHz || f > maxFrequencyHz) continue;
    const prominenceDb = prominence(db, bin, halfWindow);
    if (prominenceDb < (options.minProminenceDb ?? 0)) continue;
    peaks.push({ ...interpolatePeak(spectrum, db, bin, valueScale), prominenceDb });
  }
  if (options.minDistanceHz) peaks = selectByDistance(peaks, options.minDistanceHz);
  if (options.maxPeaks !== undefined && peaks.length > options.maxPeaks) {
    peaks = peaks
      .sort((a, b) => b.levelDb - a.levelDb)
      .slice(0, options.maxPeaks)
      .sort((a, b) => a.frequencyHz - b.frequencyHz);
  }
  if (options.sortBy === 'level') return peaks.sort((a, b) => b.levelDb - a.levelDb);
  return peaks;
}
