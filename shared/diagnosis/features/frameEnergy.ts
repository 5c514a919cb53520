/**
 * How short-time energies above the impulsiveness high-pass are distributed (issue 9): upper
 * quantiles over the median, for ~10 ms frames (the modulation's own) and ~2.5 ms frames. A work
 * cycle's knocks fill a share of the 10 ms frames; skipped beats empty part of that share and its
 * quantile falls. A rattle's bursts of short knocks fill a few per cent of the 2.5 ms frames and
 * lift their upper quantiles, long before they move the spectrum's level or the median kurtosis
 * of whole pieces. One sort of each frame sequence: cheap beside the spectra.
 */
import type { EnergyFrames } from './modulation.ts';

/** Rate of the short frames, Hz: a knock ringing for ~6 ms fills one or two of them. */
export const SHORT_FRAME_RATE_HZ = 400;
/** The stored quantiles' probabilities: the third quartile (the bulk), then the upper tail. */
export const FRAME_QUANTILE_PROBABILITIES = [0.75, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998] as const;
/** Fewer 10 ms frames than this (1 s) put the upper quantiles on a handful of frames. */
const MIN_FRAMES = 100;

/** Samples per short energy frame at this sample rate. */
export function shortFrameLength(sampleRateHz: number): number {
  return Math.max(1, Math.round(sampleRateHz / SHORT_FRAME_RATE_HZ));
}

/**
 * Energy sums of the short frames of samples [startSample, endSample), in a dense array: four
 * times as many frames as the modulation's, too many for a Map of boxed numbers (it cost 0.4 s
 * more on a 10-minute file). Frames are aligned to absolute sample indices, as the modulation's,
 * so ranges of a recording merge into one pass (mergeEnergyFrames).
 */
export function createShortEnergy(startSample: number, endSample: number, frameLength: number) {
  const first = Math.floor(startSample / frameLength);
  const count = Math.max(0, Math.ceil(endSample / frameLength) - first);
  const sums = new Float64Array(count);
  return {
    /** Adds the squares of `samples`, the first at absolute sample `start`, into their frames. */
    add(samples: ArrayLike<number>, start: number): void {
      for (let i = 0; i < samples.length;) {
        const index = Math.floor((start + i) / frameLength);
        const stop = Math.min(samples.length, (index + 1) * frameLength - start);
        let sum = 0;
        for (; i < stop; i++) sum += samples[i] * samples[i];
        sums[index - first] += sum;
      }
    },
    frames(): EnergyFrames {
      return { first, sums: Array.from(sums) };
    },
  };
}

export interface TemporalFeatures {
  /** Quantiles of the ~10 ms frame energies over their median, dB (FRAME_QUANTILE_PROBABILITIES). */
  readonly frameQuantilesDb: readonly number[];
  /** The same for ~2.5 ms frames. */
  readonly shortFrameQuantilesDb: readonly number[];
}

/** The quantile at probability `p` of sorted values (linear between order statistics). */
function quantileOf(sorted: Float64Array, p: number): number {
  const position = p * (sorted.length - 1);
  const i = Math.floor(position);
  const j = Math.min(sorted.length - 1, i + 1);
  return sorted[i] + (sorted[j] - sorted[i]) * (position - i);
}

/** The quantiles over the median of the complete frames (null: too few, or a silent median). */
function quantilesOverMedianDb(frames: EnergyFrames, minFrames: number): number[] | null {
  // Complete frames only: the last one may be cut short by the recording's end.
  const count = frames.sums.length - 1;
  if (count < minFrames) return null;
  const sorted = new Float64Array(count);
  for (let i = 0; i < count; i++) sorted[i] = frames.sums[i];
  sorted.sort();
  const middle = quantileOf(sorted, 0.5);
  if (!(middle > 0)) return null;
  return FRAME_QUANTILE_PROBABILITIES.map((p) => 10 * Math.log10(quantileOf(sorted, p) / middle));
}

/** Both frame lengths' quantiles; null for a recording under 1 s or a silent high band. */
export function temporalFeatures(
  frames: EnergyFrames,
  shortFrames: EnergyFrames,
  sampleRateHz: number,
): TemporalFeatures | null {
  const shortPerFrame = Math.round(sampleRateHz / 100) / shortFrameLength(sampleRateHz);
  const frameQuantilesDb = quantilesOverMedianDb(frames, MIN_FRAMES);
  const shortFrameQuantilesDb = quantilesOverMedianDb(shortFrames, MIN_FRAMES * shortPerFrame);
  if (!frameQuantilesDb || !shortFrameQuantilesDb) return null;
  return { frameQuantilesDb, shortFrameQuantilesDb };
}
