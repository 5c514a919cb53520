/**
 * Structural modes found from a healthy spectrum (issue 9, docs/diagnosis.md "Chatter"): the random
 * knocks of normal work ring a machine's modes, so its healthy floor carries a hump at each. A hump
 * is measured as the floor smoothed over about a mode's width against the trend of the floor over
 * a third of an octave either side; shaft and mains lines are kept out of both.
 */
import { median } from '../features/levels.ts';
import { array, at, BaselineError, has, number } from './baselineJson.ts';
import type { JsonObject } from './baselineJson.ts';
import type { BaselineModel } from './model.ts';

export const MODE_SEARCH = {
  /** Machine-tool modes of interest start here; below, shaft lines crowd the floor. */
  fromHz: 300,
  /** Log-grid step of the search, octaves. */
  stepOctaves: 1 / 48,
  /**
   * Half-width of the floor's smoothing, fraction of f: a mode with Q ≈ 30 (the simulator's:
   * decays of 4, 2.5 and 1.8 ms) is 3.3 % wide at half power, so ±1.5 % keeps most of its hump.
   */
  smoothFraction: 0.015,
  /** Bins this far over their window's median are lines, not floor, dB. */
  lineDb: 6,
  /** Half-width of the trend a hump stands on, octaves. */
  trendOctaves: 1 / 3,
  /**
   * A hump counts from this height over the trend, dB: the healthy simulated lathe's modes stand
   * 1.2–2.6 dB over it, and the floor between them wanders by at most 0.6 dB (see the tests).
   */
  minHumpDb: 1,
  /** Humps closer than this fraction are one mode (the stronger kept). */
  separationFraction: 0.08,
  /** At most this many modes are kept, the strongest. */
  maxModes: 8,
} as const;

/** The floor around bin `centre`: mean dB of the bins within ±halfBins that are not lines. */
function smoothedFloorDb(levels: readonly number[], centre: number, halfBins: number): number {
  const first = Math.max(0, Math.floor(centre - halfBins));
  const last = Math.min(levels.length - 1, Math.ceil(centre + halfBins));
  const window = levels.slice(first, last + 1).filter(Number.isFinite);
  if (window.length === 0) return NaN;
  const mid = median(window);
  const floor = window.filter((v) => v <= mid + MODE_SEARCH.lineDb);
  return floor.reduce((s, v) => s + v, 0) / floor.length;
}

/** Each search point's frequency and hump height over the trend, dB. */
export function humpProfile(
  levelsDb: readonly number[],
  binWidthHz: number,
  toHz: number,
): { frequencyHz: number; humpDb: number }[] {
  const top = Math.min(toHz, (levelsDb.length - 1) * binWidthHz);
  const grid: number[] = [];
  for (let f = MODE_SEARCH.fromHz; f <= top / (1 + MODE_SEARCH.smoothFraction);) {
    grid.push(f);
    f *= 2 ** MODE_SEARCH.stepOctaves;
  }
  const floor = grid.map((f) =>
    smoothedFloorDb(levelsDb, f / binWidthHz, (MODE_SEARCH.smoothFraction * f) / binWidthHz),
  );
  const reach = Math.round(MODE_SEARCH.trendOctaves / MODE_SEARCH.stepOctaves);
  return grid.map((frequencyHz, i) => {
    const around = floor.slice(Math.max(0, i - reach), i + reach + 1).filter(Number.isFinite);
    const humpDb = floor[i] - median(around);
    return { frequencyHz, humpDb: Number.isFinite(humpDb) ? humpDb : 0 };
  });
}

/**
 * The structural modes a healthy spectrum shows, Hz, ascending (rounded to 0.1 Hz): local maxima
 * of the hump profile at least MODE_SEARCH.minHumpDb high, a third of an octave clear of either
 * end of the search (where the trend is one-sided).
 */
export function findStructuralModes(
  levelsDb: readonly number[],
  binWidthHz: number,
  toHz: number,
): number[] {
  const profile = humpProfile(levelsDb, binWidthHz, toHz);
  const edge = Math.round(MODE_SEARCH.trendOctaves / MODE_SEARCH.stepOctaves);
  const humps = profile.filter(
    (p, i) =>
      i >= edge &&
      i < profile.length - edge &&
      p.humpDb >= MODE_SEARCH.minHumpDb &&
      p.humpDb >= profile[i - 1].humpDb &&
      p.humpDb > profile[i + 1].humpDb,
  );
  const kept: { frequencyHz: number; humpDb: number }[] = [];
  for (const hump of [...humps].sort(
    (a, b) => b.humpDb - a.humpDb || a.frequencyHz - b.frequencyHz,
  )) {
    const near = kept.some(
      (k) =>
        Math.abs(k.frequencyHz - hump.frequencyHz) < MODE_SEARCH.separationFraction * k.frequencyHz,
    );
    if (!near && kept.length < MODE_SEARCH.maxModes) kept.push(hump);
  }
  return kept.map((k) => Math.round(k.frequencyHz * 10) / 10).sort((a, b) => a - b);
}

/** A stored baseline holds at most this many modes (the profile's limit too). */
const MAX_STORED_MODES = 32;

/**
 * The optional `structuralModesHz` of a stored baseline, refused item by item: each a frequency
 * inside the model's analysed band, strictly ascending. Absent stays absent (older baselines).
 */
export function parseStructuralModes(
  record: JsonObject,
  model: BaselineModel,
): { structuralModesHz?: readonly number[] } {
  if (!has(record, 'structuralModesHz')) return {};
  const path = 'structuralModesHz';
  const items = array(record.structuralModesHz, path, 0, MAX_STORED_MODES);
  const rule = {
    min: 0,
    max: model.analysedMaxHz,
    aboveMin: true,
    what: `a frequency above 0 and up to ${model.analysedMaxHz} Hz (the model's band)`,
  };
  const modes = items.map((v, i) => number(v, at(path, i), rule));
  modes.forEach((mode, i) => {
    if (i > 0 && mode <= modes[i - 1]) {
      throw new BaselineError(at(path, i), 'must be above the mode before it');
    }
  });
  return { structuralModesHz: modes };
}
