/**
 * The modulation spectrum (issue 9): how the energy above the impulsiveness high-pass (1 kHz)
 * rises and falls at 0.4–50 Hz. A changed rhythm (a work cycle at another period, a skipped
 * beat) or a rub swelling once per turn moves energy in time without moving the spectrum's level;
 * this sees it. The energy is summed in frames of about 10 ms (a rate of ~100 Hz), aligned to
 * absolute sample indices so that ranges of a recording add up to one pass.
 */

import { realFftPlan } from '../../dsp/fft.ts';

/** Frame rate of the energy sequence, Hz (50 Hz modulation needs 100 Hz). */
export const FRAME_RATE_HZ = 100;
/** Frames per Welch segment: 2.56 s at 100 Hz, bins of 0.39 Hz. */
export const MODULATION_SEGMENT_FRAMES = 256;
/** Highest modulation frequency kept, Hz. */
export const MODULATION_MAX_HZ = 50;

/** Samples per energy frame at this sample rate. */
export function modulationFrameLength(sampleRateHz: number): number {
  return Math.max(1, Math.round(sampleRateHz / FRAME_RATE_HZ));
}

/** Energy sums per frame of one range: frame `first + i` holds `sums[i]`. */
export interface EnergyFrames {
  readonly first: number;
  readonly sums: readonly number[];
}

/** Adds the squares of `samples` (starting at absolute sample `start`) into `frames`. */
export function addEnergy(
  frames: Map<number, number>,
  samples: ArrayLike<number>,
  start: number,
  frameLength: number,
): void {
  for (let i = 0; i < samples.length;) {
    const index = Math.floor((start + i) / frameLength);
    const stop = Math.min(samples.length, (index + 1) * frameLength - start);
    let sum = 0;
    for (; i < stop; i++) sum += samples[i] * samples[i];
    frames.set(index, (frames.get(index) ?? 0) + sum);
  }
}

/** The frames of a map, as a dense run from its lowest index. */
export function energyFramesOf(frames: ReadonlyMap<number, number>): EnergyFrames {
  if (frames.size === 0) return { first: 0, sums: [] };
  // A loop, not Math.min(...keys): a long recording's short frames outnumber a call's arguments.
  let first = Infinity;
  let last = -Infinity;
  for (const index of frames.keys()) {
    if (index < first) first = index;
    if (index > last) last = index;
  }
  const sums = new Array<number>(last - first + 1).fill(0);
  for (const [index, sum] of frames) sums[index - first] += sum;
  return { first, sums };
}

/** Merges two ranges' frames (a frame cut by a range boundary is the sum of both parts). */
export function mergeEnergyFrames(a: EnergyFrames, b: EnergyFrames): EnergyFrames {
  if (a.sums.length === 0) return b;
  if (b.sums.length === 0) return a;
  const [lo, hi] = a.first <= b.first ? [a, b] : [b, a];
  const end = Math.max(lo.first + lo.sums.length, hi.first + hi.sums.length);
  const sums = new Array<number>(end - lo.first).fill(0);
  lo.sums.forEach((v, i) => (sums[i] += v));
  hi.sums.forEach((v, i) => (sums[hi.first - lo.first + i] += v));
  return { first: lo.first, sums };
}

export interface ModulationSpectrum {
  readonly binWidthHz: number;
  /** PSD of the energy relative to its mean (a modulation index), dB, bins 0..maxHz. */
  readonly levelsDb: readonly number[];
}

/**
 * The Welch spectrum (Hann, 50 % overlap) of the frame energies divided by their mean, so the
 * microphone's gain cancels. Null with fewer frames than one segment (a piece under 2.6 s):
 * such a recording simply has no modulation feature.
 */
export function modulationSpectrum(
  frames: EnergyFrames,
  sampleRateHz: number,
): ModulationSpectrum | null {
  // Complete frames only: the last one may be cut short by the recording's end.
  const sums = frames.sums.slice(0, -1);
  const n = MODULATION_SEGMENT_FRAMES;
  if (sums.length < n) return null;
  const mean = sums.reduce((s, v) => s + v, 0) / sums.length;
  if (!(mean > 0)) return null;
  const frameRateHz = sampleRateHz / modulationFrameLength(sampleRateHz);
  const binWidthHz = frameRateHz / n;
  const bins = Math.min(n / 2, Math.floor(MODULATION_MAX_HZ / binWidthHz)) + 1;
  const window = Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n));
  const windowPower = window.reduce((s, w) => s + w * w, 0);
  // fft.js whatever the process's backend: float64 throughout, the same bytes everywhere.
  const plan = realFftPlan(n, 'fft.js');
  const input = new Float64Array(n);
  const re = new Float64Array(n / 2 + 1);
  const im = new Float64Array(n / 2 + 1);
  const power = new Array<number>(bins).fill(0);
  let segments = 0;
  for (let at = 0; at + n <= sums.length; at += n / 2, segments++) {
    for (let i = 0; i < n; i++) input[i] = window[i] * (sums[at + i] / mean - 1);
    plan.forward(input, re, im);
    for (let k = 0; k < bins; k++) {
      power[k] += (re[k] * re[k] + im[k] * im[k]) / (windowPower * frameRateHz);
    }
  }
  return {
    binWidthHz,
    levelsDb: power.map((p) => 10 * Math.log10(Math.max(p / segments, 1e-20))),
  };
}
