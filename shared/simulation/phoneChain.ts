/**
 * What a phone does to a machine's sound before Auscult hears it (issue 9, "Through a phone"):
 * the voice band (300–3400 Hz, or 50–7000 Hz wideband), resampling to 8 kHz (16 kHz), a slow
 * automatic gain control, a fast dynamic-range compressor and the artefacts of a lossy codec.
 * Pure and deterministic: the same samples and options give the same output, bit for bit.
 */
import { designButterworth } from '../dsp/butterworth.ts';
import { resample } from '../dsp/resample.ts';
import { sosfilt } from '../dsp/sos.ts';
import type { SampleArray } from '../dsp/types.ts';
import { createRandom } from './random.ts';

export type PhoneBand = 'narrowband' | 'wideband';

/** A level follower: how fast it rises to a louder sound and falls back after it. */
export interface FollowerTimes {
  readonly attackSeconds: number;
  readonly releaseSeconds: number;
}

export interface PhoneChainOptions {
  /** narrowband: 300–3400 Hz at 8 kHz (calls, AMR-NB); wideband: 50–7000 Hz at 16 kHz. */
  readonly band?: PhoneBand;
  /** Slow AGC towards `agcTargetDb` (RMS, dBFS); null turns it off. */
  readonly agc?: (FollowerTimes & { readonly targetDb: number; readonly maxGainDb: number }) | null;
  /** Fast compressor above `thresholdDb` (dBFS) by `ratio`; null turns it off. */
  readonly compressor?:
    (FollowerTimes & { readonly thresholdDb: number; readonly ratio: number }) | null;
  /**
   * Codec artefacts: 'mu-law' is G.711 (the telephone network's 8-bit companding);
   * 'frame-noise' adds, per 20 ms frame, noise at `codecSnrDb` below the frame's level (what a
   * speech codec's quantisation leaves); 'none' leaves the samples as they are.
   */
  readonly codec?: 'none' | 'mu-law' | 'frame-noise';
  readonly codecSnrDb?: number;
  /** Seed of the codec noise. */
  readonly seed?: number;
}

export const PHONE_BANDS: Readonly<
  Record<PhoneBand, { lowHz: number; highHz: number; sampleRateHz: number }>
> = {
  narrowband: { lowHz: 300, highHz: 3400, sampleRateHz: 8000 },
  wideband: { lowHz: 50, highHz: 7000, sampleRateHz: 16000 },
};

/** A phone's defaults: AGC on (as most voice apps leave it), a compressor, μ-law. */
export const PHONE_DEFAULTS = {
  agc: { targetDb: -20, maxGainDb: 30, attackSeconds: 0.05, releaseSeconds: 1.5 },
  compressor: { thresholdDb: -24, ratio: 3, attackSeconds: 0.003, releaseSeconds: 0.08 },
  codec: 'mu-law',
  codecSnrDb: 20,
} as const;

const FRAME_SECONDS = 0.02;
const MU = 255;

/** One-pole smoothing coefficient for a time constant. */
function coefficient(seconds: number, sampleRateHz: number): number {
  return Math.exp(-1 / (Math.max(seconds, 1e-6) * sampleRateHz));
}

/**
 * Gain per sample from a follower of the signal's power: `gainFor(levelDb)` in dB. The follower
 * rises with the attack time constant and falls with the release one, as a phone's does.
 */
function followGain(
  samples: Float64Array,
  sampleRateHz: number,
  times: FollowerTimes,
  gainFor: (levelDb: number) => number,
  startPower: number,
): Float64Array {
  const attack = coefficient(times.attackSeconds, sampleRateHz);
  const release = coefficient(times.releaseSeconds, sampleRateHz);
  const out = new Float64Array(samples.length);
  let power = startPower;
  for (let i = 0; i < samples.length; i++) {
    const x2 = samples[i] * samples[i];
    const c = x2 > power ? attack : release;
    power = c * power + (1 - c) * x2;
    const levelDb = 10 * Math.log10(power + 1e-20);
    out[i] = samples[i] * 10 ** (gainFor(levelDb) / 20);
  }
  return out;
}

/** Mean power of the first 50 ms: the follower starts settled, as after a call's first second. */
function openingPower(samples: Float64Array, sampleRateHz: number): number {
  const n = Math.max(1, Math.min(samples.length, Math.round(0.05 * sampleRateHz)));
  let sum = 0;
  for (let i = 0; i < n; i++) sum += samples[i] * samples[i];
  return sum / n;
}

/** G.711 μ-law: 8-bit companded quantisation, round trip. */
function muLaw(x: number): number {
  const clipped = Math.max(-1, Math.min(1, x));
  const y = (Math.sign(clipped) * Math.log1p(MU * Math.abs(clipped))) / Math.log1p(MU);
  const q = Math.round(y * 127) / 127;
  return (Math.sign(q) * ((1 + MU) ** Math.abs(q) - 1)) / MU;
}

/** Noise at `snrDb` below each 20 ms frame's own level: a codec's quantisation, frame by frame. */
function frameNoise(samples: Float64Array, sampleRateHz: number, snrDb: number, seed: number) {
  const random = createRandom(seed);
  const frame = Math.max(1, Math.round(FRAME_SECONDS * sampleRateHz));
  const out = Float64Array.from(samples);
  for (let start = 0; start < out.length; start += frame) {
    const end = Math.min(out.length, start + frame);
    let power = 0;
    for (let i = start; i < end; i++) power += out[i] * out[i];
    const scale = Math.sqrt(power / (end - start)) * 10 ** (-snrDb / 20);
    for (let i = start; i < end; i++) out[i] += scale * random.normal();
  }
  return out;
}

/**
 * A recording at `sampleRateHz` as a phone would deliver it: band-passed (4th-order Butterworth,
 * causal as in the phone), resampled to the band's rate, then AGC, compressor and codec.
 * Returns the samples and their rate. Throws RangeError for a rate below the band's.
 */
export function phoneChain(
  samples: SampleArray,
  sampleRateHz: number,
  options: PhoneChainOptions = {},
): { samples: Float64Array; sampleRateHz: number } {
  const band = PHONE_BANDS[options.band ?? 'narrowband'];
  if (sampleRateHz < band.sampleRateHz) {
    throw new RangeError(`phoneChain: sampleRateHz must be at least ${band.sampleRateHz}`);
  }
  const sos = designButterworth({
    order: 4,
    type: 'bandpass',
    cutoffHz: [band.lowHz, band.highHz],
    sampleRateHz,
  });
  const limited = sosfilt(sos, samples);
  let out =
    sampleRateHz === band.sampleRateHz
      ? limited
      : resample(limited, sampleRateHz, band.sampleRateHz).samples;
  const rate = band.sampleRateHz;
  const agc = options.agc === undefined ? PHONE_DEFAULTS.agc : options.agc;
  if (agc) {
    out = followGain(
      out,
      rate,
      agc,
      (levelDb) => Math.min(agc.maxGainDb, agc.targetDb - levelDb),
      openingPower(out, rate),
    );
  }
  const comp = options.compressor === undefined ? PHONE_DEFAULTS.compressor : options.compressor;
  if (comp) {
    const reduction = (levelDb: number) =>
      levelDb > comp.thresholdDb ? (comp.thresholdDb - levelDb) * (1 - 1 / comp.ratio) : 0;
    out = followGain(out, rate, comp, reduction, openingPower(out, rate));
  }
  const codec = options.codec ?? PHONE_DEFAULTS.codec;
  if (codec === 'mu-law') out = out.map(muLaw);
  if (codec === 'frame-noise') {
    out = frameNoise(out, rate, options.codecSnrDb ?? PHONE_DEFAULTS.codecSnrDb, options.seed ?? 1);
  }
  return { samples: out, sampleRateHz: rate };
}
