/** Small pure helpers over level arrays (dB) shared by the baseline and the comparison. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Robust standard deviation: 1.4826 × the median absolute deviation (= σ for Gaussian data). */
export function robustSpread(values: readonly number[]): number {
  const centre = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - centre)));
}

/**
 * Levels on a grid of bins k·fromBinWidthHz resampled to `count` bins of toBinWidthHz by linear
 * interpolation in dB; bins beyond the source's end are NaN (not covered).
 */
export function regridLevels(
  levelsDb: readonly number[],
  fromBinWidthHz: number,
  toBinWidthHz: number,
  count: number,
): number[] {
  if (fromBinWidthHz === toBinWidthHz) {
    return Array.from({ length: count }, (_, k) => (k < levelsDb.length ? levelsDb[k] : NaN));
  }
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const position = (k * toBinWidthHz) / fromBinWidthHz;
    const i = Math.floor(position);
    if (i + 1 >= levelsDb.length) {
      out.push(i < levelsDb.length && position === i ? levelsDb[i] : NaN);
      continue;
    }
    const fraction = position - i;
    out.push(levelsDb[i] * (1 - fraction) + levelsDb[i + 1] * fraction);
  }
  return out;
}

/** Maximum of `levels` over [k - halfWidth(k), k + halfWidth(k)], ignoring NaN. */
export function windowMax(
  levels: readonly number[],
  centre: number,
  halfWidthBins: number,
): number {
  let best = -Infinity;
  const first = Math.max(0, Math.floor(centre - halfWidthBins));
  const last = Math.min(levels.length - 1, Math.ceil(centre + halfWidthBins));
  for (let k = first; k <= last; k++) if (levels[k] > best) best = levels[k];
  return best;
}

/** Per-position median, robust spread and maximum over several aligned level arrays. */
export function aggregateLevels(rows: readonly (readonly number[])[]): {
  medianDb: number[];
  spreadDb: number[];
  upperDb: number[];
} {
  const length = Math.min(...rows.map((r) => r.length));
  const medianDb: number[] = [];
  const spreadDb: number[] = [];
  const upperDb: number[] = [];
  for (let k = 0; k < length; k++) {
    const column = rows.map((r) => r[k]).filter((v) => Number.isFinite(v));
    medianDb.push(column.length ? median(column) : NaN);
    spreadDb.push(column.length ? robustSpread(column) : NaN);
    upperDb.push(column.length ? Math.max(...column) : NaN);
  }
  return { medianDb, spreadDb, upperDb };
}

/** Rounds for JSON: levels to 0.01 dB keep files small and output byte-stable. */
export function roundLevels(levels: readonly number[], digits = 2): number[] {
  const scale = 10 ** digits;
  return levels.map((v) => (Number.isFinite(v) ? Math.round(v * scale) / scale : -300));
}
