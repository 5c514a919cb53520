/**
 * Local maxima of a level array (dB) that stand out of their neighbourhood's median level.
 * A median floor, unlike scipy's prominence, is not fooled by the deep dips of a noisy spectrum.
 */
import { median } from '../features/levels.ts';

export interface LocalPeak {
  readonly frequencyHz: number;
  /** Parabola-interpolated level, dB. */
  readonly levelDb: number;
  /** Height over the median of the surrounding ±floorHalfWidthBins bins, dB. */
  readonly prominenceDb: number;
}

const FLOOR_HALF_WIDTH_BINS = 12;
const MAX_PEAKS = 60;

/** Peaks of `levels` (bins k·binWidthHz) within `rangeHz`, the most prominent first. */
export function localPeaks(
  levels: readonly number[],
  binWidthHz: number,
  rangeHz: readonly [number, number],
  minProminenceDb: number,
): LocalPeak[] {
  const first = Math.max(1, Math.ceil(rangeHz[0] / binWidthHz));
  const last = Math.min(levels.length - 2, Math.floor(rangeHz[1] / binWidthHz));
  const peaks: LocalPeak[] = [];
  for (let k = first; k <= last; k++) {
    const y = levels[k];
    if (!(y > levels[k - 1] && y >= levels[k + 1])) continue;
    const lo = Math.max(0, k - FLOOR_HALF_WIDTH_BINS);
    const hi = Math.min(levels.length, k + FLOOR_HALF_WIDTH_BINS + 1);
    const floor = median(levels.slice(lo, hi).filter(Number.isFinite));
    if (!(y - floor >= minProminenceDb)) continue;
    const a = levels[k - 1];
    const c = levels[k + 1];
    const curvature = a - 2 * y + c;
    const offset = curvature < 0 ? (0.5 * (a - c)) / curvature : 0;
    const levelDb = y - 0.25 * (a - c) * offset;
    peaks.push({ frequencyHz: (k + offset) * binWidthHz, levelDb, prominenceDb: levelDb - floor });
  }
  peaks.sort((p, q) => q.prominenceDb - p.prominenceDb || p.frequencyHz - q.frequencyHz);
  return peaks.slice(0, MAX_PEAKS);
}
