/**
 * Baselines that span speeds (docs/diagnosis.md, "Baselines over several speeds"): the healthy
 * recordings are grouped by the speed of one reference shaft, each group keeps a model of its
 * own, and a recording is compared with the model of what is normal at ITS speed — interpolated
 * between the two nearest groups, once with frequencies held fixed (structure, mains, broadband)
 * and once with frequencies scaled as orders of the shaft (shaft, gear, bearing and envelope
 * lines); a healthy level is one either view expects.
 */
import type { RecordingFeatures } from '../features/types.ts';
import { shaftRpm } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import type { ShaftSpeedEstimate } from '../speed/estimate.ts';
import { chooseShaftSpeeds } from '../speed/speedsUsed.ts';
import { median } from '../features/levels.ts';
import type { BaselineModel, LevelStatistics } from './model.ts';
import { buildBaselineModel } from './model.ts';
import type { TemporalModel } from './temporal.ts';

export const SPEED_SPAN = {
  /**
   * Recordings within this relative distance of a group's slowest are one speed: speed
   * estimates are within 1 % and a running machine wanders a few tenths of a percent.
   */
  groupWidthFraction: 0.02,
  /**
   * A recording this far beyond the slowest or fastest group is still inside the baseline: the
   * comparison already tolerates 3.5 % of speed drift around every line (comparisonSettings.ts),
   * and the estimate's own error is under 1 %. Further out, nothing measured says what is normal.
   */
  rangeMarginFraction: 0.03,
} as const;

export interface SpeedGroup {
  /** The group's speed: the median of its recordings' speeds, rpm. */
  readonly rpm: number;
  readonly model: BaselineModel;
}

/** What a baseline over several speeds stores beside its all-speed model. */
export interface BaselineSpeeds {
  /** The reference shaft whose speed groups the recordings; the others scale with it. */
  readonly shaftId: string;
  /** Each healthy item's speed of that shaft, rpm, in item order. */
  readonly itemRpm: readonly number[];
  /** Slowest first; at least two. */
  readonly groups: readonly SpeedGroup[];
}

/** Items' indices grouped by speed, slowest group first. */
export function speedGroupIndices(rpms: readonly number[]): number[][] {
  const order = rpms.map((_, i) => i).sort((a, b) => rpms[a] - rpms[b] || a - b);
  const groups: number[][] = [];
  for (const i of order) {
    const current = groups[groups.length - 1];
    const start = current ? rpms[current[0]] : 0;
    if (current && rpms[i] <= start * (1 + SPEED_SPAN.groupWidthFraction)) current.push(i);
    else groups.push([i]);
  }
  return groups;
}

/** One model per speed group of `items` at `rpms` (at least one), slowest first. */
export function speedGroupsOf(
  items: readonly RecordingFeatures[],
  rpms: readonly number[],
): SpeedGroup[] {
  return speedGroupIndices(rpms).map((group) => ({
    rpm: Math.round(median(group.map((i) => rpms[i])) * 10) / 10,
    model: buildBaselineModel(group.map((i) => items[i])),
  }));
}

/** The speeds a baseline covers, rpm: its groups' range widened by the margin. */
export function speedRangeRpm(groups: readonly SpeedGroup[]): [number, number] {
  const low = groups[0].rpm * (1 - SPEED_SPAN.rangeMarginFraction);
  const high = groups[groups.length - 1].rpm * (1 + SPEED_SPAN.rangeMarginFraction);
  return [Math.round(low), Math.round(high)];
}

/** Level of `levels` at fractional bin `position` (linear in dB); NaN beyond the ends. */
function levelAt(levels: readonly number[], position: number): number {
  const i = Math.floor(position);
  if (i < 0 || i >= levels.length) return NaN;
  if (i + 1 >= levels.length) return position === i ? levels[i] : NaN;
  const fraction = position - i;
  return levels[i] * (1 - fraction) + levels[i + 1] * fraction;
}

/**
 * Per-position blend of the two neighbours' statistics at weight w (0: a, 1: b). `withDoubt`: the
 * spread also holds the interpolation's own doubt, up to half the neighbours' difference midway.
 */
function blend(
  a: (k: number, key: keyof LevelStatistics) => number,
  b: (k: number, key: keyof LevelStatistics) => number,
  count: number,
  w: number,
  withDoubt = true,
): LevelStatistics {
  const medianDb: number[] = [];
  const spreadDb: number[] = [];
  const upperDb: number[] = [];
  const doubt = withDoubt ? 2 * w * (1 - w) : 0;
  for (let k = 0; k < count; k++) {
    const ma = a(k, 'medianDb');
    const mb = b(k, 'medianDb');
    medianDb.push(ma * (1 - w) + mb * w);
    upperDb.push(a(k, 'upperDb') * (1 - w) + b(k, 'upperDb') * w);
    spreadDb.push(Math.max(a(k, 'spreadDb'), b(k, 'spreadDb'), doubt * Math.abs(ma - mb)));
  }
  return { medianDb, spreadDb, upperDb };
}

/**
 * Per position, the view that expects the higher level (NaN-safe): a level is healthy if either
 * view expects it, and that view's spread is the scale — the other view's doubt at a line that
 * is not its own would otherwise blunt every z-score around it.
 */
function either(x: LevelStatistics, y: LevelStatistics): LevelStatistics {
  const takeY = x.upperDb.map((v, k) => Number.isFinite(y.upperDb[k]) && !(v >= y.upperDb[k]));
  const pick = (p: readonly number[], q: readonly number[]) =>
    p.map((v, k) => (takeY[k] ? q[k] : v));
  return {
    medianDb: pick(x.medianDb, y.medianDb),
    spreadDb: pick(x.spreadDb, y.spreadDb),
    upperDb: pick(x.upperDb, y.upperDb),
  };
}

type Grid = LevelStatistics & { readonly binWidthHz: number };

/** A line spectrum's statistics at speed `rpm`: fixed and order-scaled views of a and b. */
function gridAt(a: Grid, ra: number, b: Grid, rb: number, rpm: number, w: number): Grid {
  const binWidthHz = Math.min(a.binWidthHz, b.binWidthHz);
  const count = Math.floor(
    Math.min((a.medianDb.length - 1) * a.binWidthHz, (b.medianDb.length - 1) * b.binWidthHz) /
      binWidthHz,
  );
  // Fixed: the same frequency in both. Orders: bin k at `rpm` is bin k·r/rpm at speed r. No
  // doubt term here: in the view a line does not belong to, the neighbours disagree beside every
  // line by its full height, and that doubt would swamp the right view's spread at the line.
  const at = (g: Grid, scale: number) => (k: number, key: keyof LevelStatistics) =>
    levelAt(g[key], (k * binWidthHz * scale) / g.binWidthHz);
  const fixed = blend(at(a, 1), at(b, 1), count + 1, w, false);
  const orders = blend(at(a, ra / rpm), at(b, rb / rpm), count + 1, w, false);
  return { ...either(fixed, orders), binWidthHz };
}

function scalarBlend(a: number, b: number, w: number): number {
  return a * (1 - w) + b * w;
}

/**
 * The healthy model at speed `rpm` (inside the groups' range with its margin; beyond the ends
 * the nearest group is used, its orders scaled). Pure and deterministic.
 */
export function modelAtSpeed(groups: readonly SpeedGroup[], rpm: number): BaselineModel {
  let upper = groups.findIndex((g) => g.rpm >= rpm);
  if (upper < 0) upper = groups.length - 1;
  const lower = groups[upper].rpm <= rpm || upper === 0 ? upper : upper - 1;
  const a = groups[lower];
  const b = groups[upper];
  const w = a === b ? 0 : (rpm - a.rpm) / (b.rpm - a.rpm);
  const am = a.model;
  const bm = b.model;
  const bandCount = Math.min(am.bands.medianDb.length, bm.bands.medianDb.length);
  const band = (m: BaselineModel) => (k: number, key: keyof LevelStatistics) => m.bands[key][k];
  const doubt = 2 * w * (1 - w);
  return {
    sampleRateHz: Math.min(am.sampleRateHz, bm.sampleRateHz),
    analysedMaxHz: Math.min(am.analysedMaxHz, bm.analysedMaxHz),
    bands: blend(band(am), band(bm), bandCount, w),
    spectrum: gridAt(am.spectrum, a.rpm, bm.spectrum, b.rpm, rpm, w),
    envelope: gridAt(am.envelope, a.rpm, bm.envelope, b.rpm, rpm, w),
    impulsiveness: {
      kurtosis: scalarBlend(am.impulsiveness.kurtosis, bm.impulsiveness.kurtosis, w),
      spread: Math.max(
        am.impulsiveness.spread,
        bm.impulsiveness.spread,
        doubt * Math.abs(am.impulsiveness.kurtosis - bm.impulsiveness.kurtosis),
      ),
    },
    itemCount: a === b ? am.itemCount : am.itemCount + bm.itemCount,
  };
}

/**
 * Each healthy recording's speed of the profile's first shaft (the one the others follow), from
 * its trusted estimate, else the profile's own speed; undefined without shafts. `perRecording[i]`
 * holds recording i's estimates, `recordingOfItem[j]` the recording item j came from.
 */
export function itemSpeedsOf(
  profile: MachineProfile | null,
  perRecording: readonly (readonly ShaftSpeedEstimate[])[],
  recordingOfItem: readonly number[],
): { shaftId: string; itemRpm: number[] } | undefined {
  const shaft = profile?.shafts[0];
  if (!profile || !shaft) return undefined;
  const rpms = perRecording.map(
    (estimates) =>
      chooseShaftSpeeds(profile, {}, estimates).rpmOverrides[shaft.id] ??
      shaftRpm(profile, shaft.id),
  );
  return { shaftId: shaft.id, itemRpm: recordingOfItem.map((i) => rpms[i]) };
}

/**
 * A model at one speed with the short-time energy statistics of every speed (temporal.ts): the
 * loudest frames' share does not move with speed the way lines do, and a group of two or three
 * recordings has no spread to judge it by.
 */
export function withTemporal(model: BaselineModel, temporal?: TemporalModel): BaselineModel {
  return temporal ? { ...model, temporal } : model;
}
