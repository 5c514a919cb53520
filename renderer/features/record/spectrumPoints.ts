/**
 * The live spectrum made ready to draw: reduced to at most a few thousand points (a screen is
 * narrower than that) and shifted to the baseline's level, since a live microphone's gain is
 * not the one the baseline's recordings were made with.
 */
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';

export interface SpectrumPoints {
  readonly frequenciesHz: Float32Array;
  readonly levelsDb: Float32Array;
}

/** As many points as the baseline view sends (node/api/spectrumView.ts), so both look alike. */
export const MAX_LIVE_POINTS = 2000;

/** The last bin at or below `maxHz`, plus one (bin 0 is never shown). */
function endBin(frequenciesHz: ArrayLike<number>, maxHz: number): number {
  let end = 1;
  while (end < frequenciesHz.length && frequenciesHz[end] <= maxHz) end++;
  return end;
}

/** Each group [starts[p], starts[p+1]) gives its loudest bin and that bin's frequency. */
function groupPeaks(
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
  starts: readonly number[],
): SpectrumPoints {
  const count = starts.length - 1;
  const out = { frequenciesHz: new Float32Array(count), levelsDb: new Float32Array(count) };
  for (let p = 0; p < count; p++) {
    let peak = starts[p];
    for (let k = starts[p] + 1; k < starts[p + 1]; k++) {
      if (levelsDb[k] > levelsDb[peak]) peak = k;
    }
    out.frequenciesHz[p] = frequenciesHz[peak];
    out.levelsDb[p] = levelsDb[peak];
  }
  return out;
}

function checkSpectrum(
  context: string,
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
): void {
  if (frequenciesHz.length !== levelsDb.length) {
    throw new RangeError(`${context}: frequenciesHz and levelsDb differ in length`);
  }
}

/**
 * Bins 1..(the last at or below `maxHz`) of a spectrum in dB, in groups of ⌈n/maxPoints⌉
 * consecutive bins; each group gives its loudest bin and that bin's frequency (a narrow line
 * stays visible). The 0 Hz bin is left out: a log axis cannot show it. The host reduces the
 * baseline's spectrum the same way (node/api/spectrumView.ts), so the two compare like with like.
 */
export function reduceSpectrum(
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
  maxHz: number,
  maxPoints = MAX_LIVE_POINTS,
): SpectrumPoints {
  checkSpectrum('reduceSpectrum', frequenciesHz, levelsDb);
  if (!Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new RangeError('reduceSpectrum: maxPoints must be a positive integer');
  }
  const end = endBin(frequenciesHz, maxHz);
  const groupSize = Math.max(1, Math.ceil((end - 1) / maxPoints));
  const starts: number[] = [];
  for (let k = 1; k < end; k += groupSize) starts.push(k);
  starts.push(end);
  return groupPeaks(frequenciesHz, levelsDb, end > 1 ? starts : [1]);
}

/**
 * The same for a logarithmic axis: every bin where bins are wider than `relativeWidth` of their
 * frequency (the low end, where a log axis spreads them out), and groups no wider than that above
 * (about 1700 points per decade-span of 20 kHz at the default 0.4 %).
 */
export function reduceSpectrumLog(
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
  maxHz: number,
  relativeWidth = 0.004,
): SpectrumPoints {
  checkSpectrum('reduceSpectrumLog', frequenciesHz, levelsDb);
  if (!(relativeWidth > 0)) throw new RangeError('reduceSpectrumLog: relativeWidth must be > 0');
  const end = endBin(frequenciesHz, maxHz);
  const starts: number[] = [];
  for (let k = 1; k < end;) {
    starts.push(k);
    const limitHz = frequenciesHz[k] * (1 + relativeWidth);
    k++;
    while (k < end && frequenciesHz[k] < limitHz) k++;
  }
  starts.push(end);
  return groupPeaks(frequenciesHz, levelsDb, end > 1 ? starts : [1]);
}

/** Bands for the level comparison: 1/6 octave wide (as the diagnosis's band grid), from 20 Hz. */
const BAND_LOW_HZ = 20;
const BAND_RATIO = 2 ** (1 / 6);

/**
 * Mean power level (dB) of the points in each band [edges[b], edges[b + 1]), null where a band
 * holds none; one pass, for frequencies in ascending order (as spectra and reduced points are).
 */
function bandMeansDb(
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
  edgesHz: readonly number[],
): (number | null)[] {
  const bands = edgesHz.length - 1;
  const sums = new Float64Array(Math.max(0, bands));
  const counts = new Int32Array(Math.max(0, bands));
  let b = 0;
  for (let i = 0; i < frequenciesHz.length && b < bands; i++) {
    const hz = frequenciesHz[i];
    if (hz < edgesHz[0]) continue;
    while (b < bands && hz >= edgesHz[b + 1]) b++;
    if (b < bands && Number.isFinite(levelsDb[i])) {
      sums[b] += 10 ** (levelsDb[i] / 10);
      counts[b]++;
    }
  }
  return Array.from(sums, (sum, k) => (counts[k] === 0 ? null : 10 * Math.log10(sum / counts[k])));
}

/** The band edges from BAND_LOW_HZ whose bands end at or below `topHz`. */
function bandEdges(topHz: number): number[] {
  const edges = [BAND_LOW_HZ];
  for (let low = BAND_LOW_HZ; low * BAND_RATIO <= topHz; low *= BAND_RATIO) {
    edges.push(low * BAND_RATIO);
  }
  return edges;
}

/**
 * The baseline's band levels, computed once per baseline (it comes ~10 times a second into the
 * comparison): the bands are the same at every call, only how many are shared changes.
 */
const baselineBands = new WeakMap<object, (number | null)[]>();

function baselineBandMeansDb(
  baseline: Pick<BaselineSpectrumView, 'frequenciesHz' | 'medianDb'>,
): (number | null)[] {
  let means = baselineBands.get(baseline);
  if (means === undefined) {
    const top = baseline.frequenciesHz[baseline.frequenciesHz.length - 1] ?? 0;
    means = bandMeansDb(baseline.frequenciesHz, baseline.medianDb, bandEdges(top));
    baselineBands.set(baseline, means);
  }
  return means;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * How many dB the live spectrum lies above the baseline's median: the median over 1/6-octave
 * bands (20 Hz up to the highest frequency both cover) of the difference of their mean power
 * levels (frequencies in ascending order). Robust to a few bands that differ (a fault, a new noise): those are what the chart
 * must show, not what the level shift should follow. Null when fewer than 3 bands are shared.
 */
export function baselineGainDb(
  live: SpectrumPoints,
  baseline: Pick<BaselineSpectrumView, 'frequenciesHz' | 'medianDb'>,
): number | null {
  const top = Math.min(
    live.frequenciesHz[live.frequenciesHz.length - 1] ?? 0,
    baseline.frequenciesHz[baseline.frequenciesHz.length - 1] ?? 0,
  );
  const edges = bandEdges(top);
  const liveDb = bandMeansDb(live.frequenciesHz, live.levelsDb, edges);
  const baseDb = baselineBandMeansDb(baseline);
  const differences: number[] = [];
  for (let b = 0; b < liveDb.length; b++) {
    const [l, r] = [liveDb[b], baseDb[b]];
    if (l !== null && r !== null) differences.push(l - r);
  }
  return differences.length < 3 ? null : median(differences);
}

/** The points with every level lowered by `gainDb` (a new object; the input is not changed). */
export function shiftLevels(points: SpectrumPoints, gainDb: number): SpectrumPoints {
  return {
    frequenciesHz: points.frequenciesHz,
    levelsDb: points.levelsDb.map((db) => db - gainDb),
  };
}
