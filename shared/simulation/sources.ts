/**
 * Sound sources of the machine simulator: tones locked to shaft rotation, impacts ringing the
 * structure's modes, and broadband noise. Every source is defined in continuous time and sampled
 * at the requested rate, so the same machine sounds the same at 8 kHz and at 96 kHz (below their
 * Nyquist frequencies); anything above 0.45 × the sample rate is left out, as a recorder's
 * anti-alias filter would.
 */
import { BUTTERWORTH_Q, designBiquad, filterBiquads } from './biquad.ts';
import type { Random } from './random.ts';

/** A structural mode: a damped sine rung by every impact. */
export interface StructuralMode {
  readonly frequencyHz: number;
  readonly decaySeconds: number;
  readonly gain: number;
}

/** What every source needs to know about the recording being made. */
export interface SimContext {
  readonly sampleRateHz: number;
  readonly out: Float64Array;
  /**
   * Shaft-locked time: a shaft at nominal f Hz has turned f × warp[i] revolutions at sample i.
   * It drifts from clock time by the slow speed wander of a real drive.
   */
  readonly warp: Float64Array;
  /** The same shaft-locked time at any instant (for impact times between samples). */
  readonly warpAt: (timeSeconds: number) => number;
  /** Instantaneous speed relative to nominal (1 + wander) at a time in seconds. */
  readonly speedAt: (timeSeconds: number) => number;
  readonly modes: readonly StructuralMode[];
}

/** Highest frequency rendered, as a fraction of the sample rate. */
export const NYQUIST_FRACTION = 0.45;

function audible(ctx: SimContext, frequencyHz: number): boolean {
  return frequencyHz > 0 && frequencyHz < NYQUIST_FRACTION * ctx.sampleRateHz;
}

/** An amplitude modulation (1 + depth·cos(2π f t + phase)) applied to a tone. */
export interface Modulation {
  readonly frequencyHz: number;
  readonly depth: number;
  readonly phase: number;
}

export interface ToneSpec {
  readonly frequencyHz: number;
  readonly amplitude: number;
  readonly phase: number;
  /** Locked to the mains clock instead of to shaft rotation (hum, electrical lines). */
  readonly clock?: boolean;
  readonly modulations?: readonly Modulation[];
}

/** Adds amplitude·(1 + Σ modulations)·sin(2π f t + phase), t being shaft time unless `clock`. */
export function addTone(ctx: SimContext, tone: ToneSpec): void {
  if (!audible(ctx, tone.frequencyHz) || tone.amplitude === 0) return;
  const { out, warp, sampleRateHz } = ctx;
  const w = 2 * Math.PI * tone.frequencyHz;
  const mods = tone.modulations ?? [];
  for (let i = 0; i < out.length; i++) {
    const t = tone.clock ? i / sampleRateHz : warp[i];
    let gain = 1;
    for (const m of mods) gain += m.depth * Math.cos(2 * Math.PI * m.frequencyHz * t + m.phase);
    out[i] += tone.amplitude * gain * Math.sin(w * t + tone.phase);
  }
}

export interface Impact {
  readonly timeSeconds: number;
  readonly amplitude: number;
}

/**
 * Rings every audible mode at each impact: amplitude·gain·e^(−t/τ)·sin(2π f t), evaluated at the
 * exact (sub-sample) impact time by a complex rotation, over 7 decay times.
 */
export function addImpacts(ctx: SimContext, impacts: readonly Impact[], modes = ctx.modes): void {
  const { out, sampleRateHz } = ctx;
  for (const mode of modes) {
    if (!audible(ctx, mode.frequencyHz)) continue;
    const w = (2 * Math.PI * mode.frequencyHz) / sampleRateHz;
    const decay = Math.exp(-1 / (mode.decaySeconds * sampleRateHz));
    const stepRe = decay * Math.cos(w);
    const stepIm = decay * Math.sin(w);
    const span = Math.ceil(7 * mode.decaySeconds * sampleRateHz);
    for (const impact of impacts) {
      const first = Math.ceil(impact.timeSeconds * sampleRateHz);
      const lag = first / sampleRateHz - impact.timeSeconds;
      const a = impact.amplitude * mode.gain * Math.exp(-lag / mode.decaySeconds);
      let re = a * Math.cos(2 * Math.PI * mode.frequencyHz * lag);
      let im = a * Math.sin(2 * Math.PI * mode.frequencyHz * lag);
      const last = Math.min(out.length, first + span);
      for (let i = Math.max(first, 0); i < last; i++) {
        out[i] += im;
        const r = re * stepRe - im * stepIm;
        im = re * stepIm + im * stepRe;
        re = r;
      }
    }
  }
}

/**
 * Impact times at `rateHz` (at nominal speed) that follow the shaft's speed wander, each interval
 * stretched by a random (1 + jitter·N(0,1)): the slip of rolling elements.
 */
export function periodicImpactTimes(
  ctx: SimContext,
  rateHz: number,
  jitterFraction: number,
  random: Random,
): number[] {
  const end = ctx.out.length / ctx.sampleRateHz;
  const times: number[] = [];
  let t = random.uniform(0, 1 / rateHz);
  while (t < end) {
    times.push(t);
    const interval = (1 + jitterFraction * random.normal()) / (rateHz * ctx.speedAt(t));
    t += Math.max(interval, 0.1 / rateHz);
  }
  return times;
}

/** Poisson arrivals: irregular impacts with exponential waiting times of mean 1/rateHz. */
export function poissonImpactTimes(ctx: SimContext, rateHz: number, random: Random): number[] {
  const end = ctx.out.length / ctx.sampleRateHz;
  const times: number[] = [];
  for (let t = random.exponential(1 / rateHz); t < end; t += random.exponential(1 / rateHz)) {
    times.push(t);
  }
  return times;
}

/**
 * White Gaussian noise whose one-sided power spectral density is `densityPerHz` (unit²/Hz) at any
 * sample rate: the variance grows with the rate, so the level in a given band does not change.
 */
export function whiteNoise(
  length: number,
  sampleRateHz: number,
  densityPerHz: number,
  random: Random,
): Float64Array {
  const sigma = Math.sqrt((densityPerHz * sampleRateHz) / 2);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) out[i] = sigma * random.normal();
  return out;
}

/** Corner frequencies of the one-pole sections whose sum approximates a 1/f spectrum. */
const PINK_CORNERS_HZ = [40, 160, 640, 2560, 10240];

/**
 * Pinkish noise: a sum of one-pole low-passes of white noise, section k with plateau density
 * `level / corner_k`, so the density falls roughly as 1/f between 40 Hz and 10 kHz (±1.5 dB).
 */
export function pinkNoise(
  length: number,
  sampleRateHz: number,
  level: number,
  random: Random,
): Float64Array {
  const out = new Float64Array(length);
  for (const corner of PINK_CORNERS_HZ) {
    const a = Math.exp((-2 * Math.PI * corner) / sampleRateHz);
    const white = whiteNoise(length, sampleRateHz, level / corner, random);
    let y = 0;
    for (let i = 0; i < length; i++) {
      y = a * y + (1 - a) * white[i];
      out[i] += y;
    }
  }
  return out;
}

/** White noise above `cornerHz` (4th-order Butterworth high-pass): a raised high-frequency floor. */
export function highFrequencyNoise(
  length: number,
  sampleRateHz: number,
  densityPerHz: number,
  cornerHz: number,
  random: Random,
): Float64Array {
  const white = whiteNoise(length, sampleRateHz, densityPerHz, random);
  if (cornerHz >= NYQUIST_FRACTION * sampleRateHz) return new Float64Array(length);
  const section = designBiquad('highpass', cornerHz, sampleRateHz, BUTTERWORTH_Q);
  return filterBiquads(white, [section, section]);
}

/** White noise through each audible mode's resonance: the structure coloured by friction. */
export function modeNoise(ctx: SimContext, densityPerHz: number, random: Random): Float64Array {
  const out = new Float64Array(ctx.out.length);
  for (const mode of ctx.modes) {
    if (!audible(ctx, mode.frequencyHz)) continue;
    const q = Math.PI * mode.frequencyHz * mode.decaySeconds;
    const section = designBiquad('bandpass', mode.frequencyHz, ctx.sampleRateHz, q);
    const white = whiteNoise(out.length, ctx.sampleRateHz, densityPerHz * mode.gain ** 2, random);
    const rung = filterBiquads(white, [section]);
    for (let i = 0; i < out.length; i++) out[i] += rung[i];
  }
  return out;
}

/** Adds `source`·gain into the context's output. */
export function mix(ctx: SimContext, source: ArrayLike<number>, gain = 1): void {
  for (let i = 0; i < ctx.out.length; i++) ctx.out[i] += gain * source[i];
}
