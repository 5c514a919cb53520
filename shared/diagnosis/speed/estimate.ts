/**
 * Each shaft's speed from the sound (docs/diagnosis.md, "Speed from the sound"): the evidence of
 * evidence.ts scored over a fine grid of candidate rates inside the shaft's range, combined into
 * one score, checked explicitly against half and double, refined on the harmonics' interpolated
 * peaks, and given a confidence from the winner's prominence over the best rival.
 */
import { shaftRpm } from '../profile.ts';
import type { MachineProfile } from '../profile.ts';
import type { SampleArray } from '../../dsp/types.ts';
import { candidateScores } from './scores.ts';
import type { CandidateScores } from './scores.ts';
import { mainsMasks, shaftMasks, shaftOrders, speedRangeRpm } from './orders.ts';
import type { MaskedLine, ShaftOrders } from './evidence.ts';
import { refineRate } from './refine.ts';
import { speedSpectra } from './spectra.ts';
import type { SpeedSpectra } from './spectra.ts';

export interface ShaftSpeedEstimate {
  readonly shaftId: string;
  readonly rpm: number;
  /** 0–1: how clearly the winner stands above any rival that is not its half or double. */
  readonly confidence: number;
  readonly nominalRpm: number;
  /** The range searched, rpm. */
  readonly minRpm: number;
  readonly maxRpm: number;
}

/**
 * Diagnosis uses an estimate from this confidence on, else the profile's speed. On the simulator
 * (0.85–1.15×, ten fault kinds) the spindle scores 0.48–0.80 and the CWRU records 0.56–0.74,
 * while wrong estimates (a screw whose harmonics another shaft's share) stay at or under 0.31.
 */
export const MIN_TRUSTED_CONFIDENCE = 0.4;

/** Rivals within this relative distance of the winner (or of its half or double) are its own. */
const RIVAL_EXCLUSION = 0.03;
/** Support from this many salient lines that no other source explains is full support. */
const FULL_SUPPORT_LINES = 6;

function bestIndex(scores: Float64Array): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

/** The best score among candidates that are neither the winner nor its half or double. */
function rivalScore(grid: CandidateScores, winnerHz: number): number {
  const own = [winnerHz, winnerHz / 2, winnerHz * 2];
  let rival = 0;
  grid.ratesHz.forEach((hz, i) => {
    if (own.some((o) => Math.abs(hz / o - 1) <= RIVAL_EXCLUSION)) return;
    rival = Math.max(rival, grid.scores[i]);
  });
  return rival;
}

function estimateShaft(
  spectra: SpeedSpectra,
  profile: MachineProfile,
  shaftId: string,
  orders: ShaftOrders,
  masks: readonly MaskedLine[],
): ShaftSpeedEstimate {
  const nominalRpm = shaftRpm(profile, shaftId);
  const [minRpm, maxRpm] = speedRangeRpm(profile, shaftId);
  const grid = candidateScores(spectra, orders, masks, minRpm / 60, maxRpm / 60);
  const coarseHz = grid.octaveChecked(grid.ratesHz[bestIndex(grid.scores)]);
  const refined = refineRate(spectra.lines, coarseHz, orders, masks);
  const winner = grid.scoreAt(coarseHz);
  const prominence = winner > 0 ? Math.max(0, 1 - rivalScore(grid, coarseHz) / winner) : 0;
  const support = Math.min(1, refined.supportCount / FULL_SUPPORT_LINES);
  // √ so that a clear family with a close rival still reads as fairly sure.
  const confidence = Math.sqrt(prominence) * support;
  return {
    shaftId,
    rpm: refined.rateHz * 60,
    confidence: Math.round(confidence * 1000) / 1000,
    nominalRpm,
    minRpm,
    maxRpm,
  };
}

/** Masks for scoring `shaft` given the other shafts' current rates (see `MaskedLine`). */
function masksFor(
  shaftId: string,
  rates: ReadonlyMap<string, number>,
  allOrders: ReadonlyMap<string, ShaftOrders>,
  base: readonly MaskedLine[],
  binWidthHz: number,
): MaskedLine[] {
  const own = rates.get(shaftId) as number;
  const masks = [...base];
  for (const [otherId, rateHz] of rates) {
    if (otherId === shaftId) continue;
    const orders = allOrders.get(otherId) as ShaftOrders;
    masks.push(...shaftMasks(rateHz, orders, binWidthHz, rateHz < own));
  }
  return masks;
}

/**
 * Estimates every shaft of the profile from its spectra, jointly: mains lines are masked for
 * all; a faster shaft's lines (harmonics, half orders, mesh) are masked for a slower one, and a
 * slower shaft's lines do not count against a faster one whose harmonics they share. Shafts are
 * first estimated fastest first (each with the faster ones' estimates), then once more each with
 * every other shaft's estimate. Results in profile order.
 */
export function estimateSpeedsFromSpectra(
  spectra: SpeedSpectra,
  profile: MachineProfile,
): ShaftSpeedEstimate[] {
  const { binWidthHz, salienceDb } = spectra.lines;
  const base = mainsMasks(profile.lineFrequencyHz, salienceDb.length * binWidthHz, binWidthHz);
  const ids = profile.shafts.map((s) => s.id);
  const allOrders = new Map(ids.map((id) => [id, shaftOrders(profile, id)]));
  const fastestFirst = [...ids].sort((a, b) => shaftRpm(profile, b) - shaftRpm(profile, a));
  const rates = new Map<string, number>();
  const results = new Map<string, ShaftSpeedEstimate>();
  for (const pass of [0, 1]) {
    for (const id of fastestFirst) {
      if (pass === 0) rates.set(id, shaftRpm(profile, id) / 60);
      const masks = masksFor(id, rates, allOrders, base, binWidthHz).filter(
        (m) => pass === 1 || !m.againstOnly,
      );
      const estimate = estimateShaft(spectra, profile, id, allOrders.get(id) as ShaftOrders, masks);
      results.set(id, estimate);
      rates.set(id, estimate.rpm / 60);
    }
  }
  return ids.map((id) => results.get(id) as ShaftSpeedEstimate);
}

/** `estimateSpeedsFromSpectra` of a recording's samples (mono, any rate). */
export function estimateShaftSpeeds(
  samples: SampleArray,
  sampleRateHz: number,
  profile: MachineProfile,
): ShaftSpeedEstimate[] {
  if (profile.shafts.length === 0) return [];
  return estimateSpeedsFromSpectra(speedSpectra(samples, sampleRateHz), profile);
}
