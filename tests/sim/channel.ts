/**
 * What lies between the machine and the file, and differs between healthy recordings without any
 * fault: microphone gain, a telephone line, the occasional click of normal work. (Sample rate and
 * shaft speed are options of simulateMachine: generating at the target rate is exact, where
 * resampling would add its own errors.)
 */
import { BUTTERWORTH_Q, designBiquad, filterBiquads } from '../../shared/simulation/biquad.ts';
import type { Biquad } from '../../shared/simulation/biquad.ts';
import { createRandom } from '../../shared/simulation/random.ts';

/** Returns a copy scaled by gainDb (20·log10 of the amplitude ratio). */
export function applyGainDb(samples: ArrayLike<number>, gainDb: number): Float64Array {
  if (!Number.isFinite(gainDb)) throw new RangeError('applyGainDb: gainDb must be a finite number');
  const gain = 10 ** (gainDb / 20);
  return Float64Array.from(samples, (v) => v * gain);
}

export const TELEPHONE_SAMPLE_RATE_HZ = 8000;
export const TELEPHONE_BAND_HZ = [300, 3400] as const;

/** Q of the two sections of a 4th-order Butterworth filter. */
const BUTTERWORTH4_Q = [1 / (2 * Math.cos(Math.PI / 8)), 1 / (2 * Math.cos((3 * Math.PI) / 8))];

/** The telephone band: 4th-order Butterworth high-pass at 300 Hz and low-pass at 3400 Hz. */
function telephoneSections(sampleRateHz: number): Biquad[] {
  const [low, high] = TELEPHONE_BAND_HZ;
  return [
    ...BUTTERWORTH4_Q.map((q) => designBiquad('highpass', low, sampleRateHz, q)),
    ...BUTTERWORTH4_Q.map((q) => designBiquad('lowpass', high, sampleRateHz, q)),
  ];
}

const MU = 255;

/** G.711 μ-law: compress, round to 8 bits (sign + 7), expand; clips at ±1 like the codec. */
function muLawRoundTrip(value: number): number {
  const x = Math.max(-1, Math.min(1, value));
  const compressed = (Math.sign(x) * Math.log1p(MU * Math.abs(x))) / Math.log1p(MU);
  const quantised = Math.round(compressed * 127) / 127;
  return (Math.sign(quantised) * ((1 + MU) ** Math.abs(quantised) - 1)) / MU;
}

/**
 * A telephone call: the 300–3400 Hz band of an 8 kHz signal and, by default, G.711 μ-law
 * quantisation. Generate the machine at 8 kHz first (simulateMachine's sampleRateHz); any other
 * rate throws RangeError naming sampleRateHz. Returns a new array.
 */
export function telephoneChannel(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  options: { readonly muLaw?: boolean } = {},
): Float64Array {
  if (sampleRateHz !== TELEPHONE_SAMPLE_RATE_HZ) {
    throw new RangeError(
      `telephoneChannel: sampleRateHz must be ${TELEPHONE_SAMPLE_RATE_HZ} (got ${sampleRateHz})`,
    );
  }
  const band = filterBiquads(samples, telephoneSections(sampleRateHz));
  return options.muLaw === false ? band : band.map(muLawRoundTrip);
}

export interface ClickOptions {
  readonly seed: number;
  /** How many clicks; default 1. */
  readonly count?: number;
  /** Peak amplitude of each click; default 0.3 (about 15× the healthy simulator's RMS). */
  readonly amplitude?: number;
}

/**
 * Adds the occasional click of normal work (a tool change, a door, a dropped part): a sharp
 * broadband crack with a short knock ringing at 600–1500 Hz, at random times away from the ends.
 * Returns the new samples and the click times in seconds.
 */
export function addClicks(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  options: ClickOptions,
): { samples: Float64Array; timesSeconds: number[] } {
  const count = options.count ?? 1;
  const amplitude = options.amplitude ?? 0.3;
  if (!(Number.isInteger(count) && count >= 0))
    throw new RangeError('addClicks: count must be a non-negative integer');
  if (!(sampleRateHz > 0)) throw new RangeError('addClicks: sampleRateHz must be positive');
  const random = createRandom(options.seed);
  const out = Float64Array.from(samples);
  const durationSeconds = out.length / sampleRateHz;
  const timesSeconds: number[] = [];
  for (let c = 0; c < count; c++) {
    const time = random.uniform(0.1, 0.9) * durationSeconds;
    timesSeconds.push(time);
    const knockHz = Math.min(random.uniform(600, 1500), 0.4 * sampleRateHz);
    const start = Math.round(time * sampleRateHz);
    const length = Math.min(out.length - start, Math.ceil(0.04 * sampleRateHz));
    for (let i = 0; i < length; i++) {
      const t = i / sampleRateHz;
      const crack = random.uniform(-1, 1) * Math.exp(-t / 0.0007);
      const knock = 0.6 * Math.sin(2 * Math.PI * knockHz * t) * Math.exp(-t / 0.008);
      out[start + i] += amplitude * (crack + knock);
    }
  }
  return { samples: out, timesSeconds };
}

/** A gentle high-pass at `cornerHz` (2nd-order Butterworth): a phone or laptop microphone's roll-off. */
export function microphoneRollOff(
  samples: ArrayLike<number>,
  sampleRateHz: number,
  cornerHz = 80,
): Float64Array {
  return filterBiquads(samples, [designBiquad('highpass', cornerHz, sampleRateHz, BUTTERWORTH_Q)]);
}
