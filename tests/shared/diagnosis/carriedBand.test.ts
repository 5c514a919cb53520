/**
 * The band a recording carries (shared/diagnosis/features/carriedBand.ts): a codec's low-pass
 * cliff is found where it is, and nothing else moves the top: flat noise, a steep but gradual
 * roll-off, a short excerpt.
 */
import { describe, expect, it } from 'vitest';
import { designButterworth } from '../../../shared/dsp/butterworth.ts';
import { sosfilt } from '../../../shared/dsp/sos.ts';
import { carriedBandTopHz } from '../../../shared/diagnosis/features/carriedBand.ts';
import { createRandom } from '../../../shared/simulation/random.ts';

const RATE_HZ = 48_000;
const TOP_HZ = 0.45 * RATE_HZ;

function noise(seconds: number, seed: number, scale = 1): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length: seconds * RATE_HZ }, () => scale * random.normal());
}

/**
 * What an encoder keeps: a dense spectrum that stops dead at `cutoffHz` (400 tones of random
 * frequency and phase below it; a transform codec zeroes whole bands), plus white spill
 * `spillDb` under it (level per bin) that reaches above.
 */
function codecLike(cutoffHz: number, spillDb: number, fromHz = 100): Float64Array {
  const random = createRandom(1);
  // The tones hold 400·0.1²/2 = 2 over fromHz–cutoffHz, so this much per 94 Hz bin; white noise
  // of variance v holds v/256 per bin.
  const tonesPerBin = (2 * (RATE_HZ / 512)) / (cutoffHz - fromHz);
  const out = noise(4, 2, Math.sqrt(tonesPerBin * 256) * 10 ** (spillDb / 20));
  for (let tone = 0; tone < 400; tone++) {
    const w = (2 * Math.PI * random.uniform(fromHz, cutoffHz)) / RATE_HZ;
    const phase = random.uniform(0, 2 * Math.PI);
    for (let i = 0; i < out.length; i++) out[i] += 0.1 * Math.sin(w * i + phase);
  }
  return out;
}

describe('carriedBandTopHz', () => {
  it.each([
    [17_000, -45],
    [17_000, -35],
    [12_000, -40],
    [8_000, -60],
  ])('finds an encoder’s low-pass at %i Hz (spill %i dB) within two bins', (cutoffHz, spillDb) => {
    const topHz = carriedBandTopHz(codecLike(cutoffHz, spillDb), RATE_HZ, 500, TOP_HZ);
    expect(Math.abs(topHz - cutoffHz)).toBeLessThan(200);
  });

  it('keeps the whole band of flat noise', () => {
    expect(carriedBandTopHz(noise(4, 3), RATE_HZ, 500, TOP_HZ)).toBe(TOP_HZ);
  });

  it('keeps the whole band of a roll-off that falls far but gradually (12 dB an octave)', () => {
    const rolled = sosfilt(
      designButterworth({ order: 2, type: 'lowpass', cutoffHz: 1000, sampleRateHz: RATE_HZ }),
      noise(4, 4),
    );
    expect(carriedBandTopHz(rolled, RATE_HZ, 500, TOP_HZ)).toBe(TOP_HZ);
  });

  it('keeps the whole band of a loud resonance that ends steeply over a floor 25 dB under', () => {
    // A machine's own cliff: 2–5 kHz ringing over its broadband noise, not an encoder's cut.
    const ringing = codecLike(5000, -25, 2000);
    expect(carriedBandTopHz(ringing, RATE_HZ, 500, TOP_HZ)).toBe(TOP_HZ);
  });

  it('keeps the whole band when the stop band is too narrow to matter', () => {
    const cut = codecLike(TOP_HZ - 300, -60);
    expect(carriedBandTopHz(cut, RATE_HZ, 500, TOP_HZ)).toBe(TOP_HZ);
  });

  it('keeps the whole band of an excerpt too short to tell', () => {
    const short = codecLike(17_000, -60).subarray(0, 1000);
    expect(carriedBandTopHz(short, RATE_HZ, 500, TOP_HZ)).toBe(TOP_HZ);
  });
});
