/**
 * The input check on analytic signals, each made to show one problem (or none): digital
 * silence, −90 dBFS noise, clipped sines, an offset, dropouts, automatic gain riding on bursts,
 * and a recording too short for its baseline's resolution. PCM signals are quantised to 16 bit
 * as a WAV file would hold them.
 */
import { describe, expect, it } from 'vitest';
import { buildBaselineModel } from '../../../shared/diagnosis/baseline/model.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { checkInput, resolutionProblems } from '../../../shared/diagnosis/inputCheck.ts';
import type { InputCheck } from '../../../shared/diagnosis/inputCheck.ts';
import { surveySignal } from '../../../shared/diagnosis/signalSurvey.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const RATE = 48000;

function pcm16(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples, (x) =>
    Math.max(-1, Math.min(32767 / 32768, Math.round(x * 32768) / 32768)),
  );
}

function check(samples: ArrayLike<number>, rate = RATE): InputCheck {
  return checkInput(surveySignal(pcm16(samples), rate, 16));
}

function sine(seconds: number, frequencyHz: number, amplitude: number, rate = RATE): Float64Array {
  return Float64Array.from(
    { length: Math.round(seconds * rate) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / rate),
  );
}

/** A steady machine-like signal: a tone in noise at about −23 dBFS. */
function steady(seconds: number, seed = 3): Float64Array {
  const noise = gaussianNoise(Math.round(seconds * RATE), seed, 0.05);
  const tone = sine(seconds, 120, 0.05);
  return noise.map((x, i) => x + tone[i]);
}

const codes = (c: InputCheck) => c.problems.map((p) => `${p.code}:${p.severity}`);

describe('input check', () => {
  it('passes a steady signal without a word', () => {
    expect(check(steady(5))).toEqual({ usable: true, problems: [] });
  });

  it('calls five seconds of digital silence unusable, and a constant value too', () => {
    const silence = check(new Float64Array(5 * RATE));
    expect(silence.usable).toBe(false);
    expect(silence.problems).toEqual([
      { code: 'digital-silence', severity: 'unusable', params: { durationSeconds: 5 } },
    ]);
    expect(codes(check(new Float64Array(RATE).fill(0.25)))).toEqual(['digital-silence:unusable']);
  });

  it('calls −90 dBFS noise a dead microphone', () => {
    const result = check(gaussianNoise(5 * RATE, 7, 10 ** (-90 / 20)));
    expect(codes(result)).toEqual(['dead-microphone:unusable']);
    const { levelDb } = result.problems[0].params as { levelDb: number };
    // Quantised to 16 bit, the noise keeps its level within a dB or two.
    expect(levelDb).toBeGreaterThan(-92);
    expect(levelDb).toBeLessThan(-88);
  });

  it('calls −75 dBFS noise too quiet for 16-bit PCM but fine as float', () => {
    const noise = gaussianNoise(5 * RATE, 8, 10 ** (-75 / 20));
    expect(codes(check(noise))).toEqual(['too-quiet:unusable']);
    expect(checkInput(surveySignal(noise, RATE, null)).problems).toEqual([]);
  });

  it('calls a sine driven far past full scale unusable, one overload a warning', () => {
    expect(codes(check(sine(5, 440, 2)))).toEqual(['clipping:unusable']);
    const signal = sine(5, 100, 0.5);
    // 20 ms of overload in 5 s: about 0.25 % of the samples sit at the rail.
    for (let i = RATE; i < RATE + 0.02 * RATE; i++) signal[i] *= 4;
    const result = check(signal);
    expect(codes(result)).toEqual(['clipping:warning']);
    expect(result.usable).toBe(true);
  });

  it('does not call an unclipped sine clipped, at full scale or holding a slow crest', () => {
    expect(check(sine(5, 50, 0.999)).problems).toEqual([]);
    // Quantised, a 20 Hz crest holds its value for several samples, like a rail would.
    expect(check(sine(5, 20, 0.5)).problems).toEqual([]);
  });

  it('warns of a DC offset larger than the signal, and still diagnoses', () => {
    const signal = sine(5, 440, 0.1).map((x) => x + 0.3);
    const result = check(signal);
    expect(codes(result)).toEqual(['dc-offset:warning']);
    expect(result.usable).toBe(true);
  });

  it('finds dropouts inside the signal, not pauses at its ends', () => {
    const one = steady(5);
    one.fill(0, 2 * RATE, 2 * RATE + 0.02 * RATE);
    expect(check(one).problems).toEqual([
      { code: 'dropouts', severity: 'warning', params: { count: 1, longestSeconds: 0.02 } },
    ]);
    const three = steady(5);
    for (const at of [1, 2, 3]) three.fill(0, at * RATE, at * RATE + 0.03 * RATE);
    expect(codes(check(three))).toEqual(['dropouts:unusable']);
    const paused = steady(5);
    paused.fill(0, 0, 0.3 * RATE);
    paused.fill(0, 4.7 * RATE);
    expect(check(paused).problems).toEqual([]);
  });

  it('finds automatic gain pumping on bursts, not the same bursts recorded as they are', () => {
    // Steady noise with a loud 0.2 s burst every 4 s.
    const seconds = 16;
    const raw = gaussianNoise(seconds * RATE, 9, 0.02);
    for (let t = 1; t < seconds; t += 4) {
      for (let i = t * RATE; i < (t + 0.2) * RATE; i++) raw[i] *= 10;
    }
    expect(check(raw).problems).toEqual([]);
    // An AGC: a level follower with a fast attack (5 ms) and a slow release (1 s) sets the gain
    // that brings the level to a target, as phones and voice apps do.
    const attack = Math.exp(-1 / (0.005 * RATE));
    const release = Math.exp(-1 / RATE);
    let level = 0.02;
    const pumped = raw.map((x) => {
      const a = Math.abs(x);
      level = a > level ? attack * level + (1 - attack) * a : release * level + (1 - release) * a;
      return (0.2 * x) / Math.max(level, 1e-4);
    });
    const result = check(pumped);
    expect(codes(result)).toEqual(['automatic-gain:unusable']);
  });

  it('calls a recording far coarser than its baseline too short', () => {
    const model = buildBaselineModel([1, 2].map((seed) => extractFeatures(steady(4, seed), RATE)));
    expect(resolutionProblems(extractFeatures(steady(4, 5), RATE), model)).toEqual([]);
    const short = resolutionProblems(extractFeatures(steady(0.6, 5), RATE), model);
    expect(short).toEqual([
      {
        code: 'too-short',
        severity: 'unusable',
        params: { durationSeconds: 0.6, minSeconds: expect.any(Number) as number },
      },
    ]);
    const { minSeconds } = short[0].params as { minSeconds: number };
    expect(minSeconds).toBeGreaterThan(0.6);
    expect(minSeconds).toBeLessThanOrEqual(4);
  });
});
