import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/tolerance.ts';
import { designBiquad, filterBiquads } from '../../shared/simulation/biquad.ts';
import { addClicks, applyGainDb, microphoneRollOff, telephoneChannel } from './channel.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { bandPower, kurtosis, rms, toDb } from './probe.ts';
import { createRandom } from '../../shared/simulation/random.ts';

function sine(
  frequencyHz: number,
  sampleRateHz: number,
  length: number,
  amplitude = 0.1,
): Float64Array {
  return Float64Array.from(
    { length },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz),
  );
}

function whiteNoise(length: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => 0.1 * random.normal());
}

/** Gain of a filter at one frequency, in dB, measured on a sine after its transient. */
function gainDb(
  filter: (x: Float64Array) => Float64Array,
  frequencyHz: number,
  sampleRateHz: number,
): number {
  const input = sine(frequencyHz, sampleRateHz, 4 * sampleRateHz);
  const settled = (x: Float64Array) => x.subarray(sampleRateHz);
  return 20 * Math.log10(rms(settled(filter(input))) / rms(settled(input)));
}

describe('designBiquad', () => {
  it.each([
    ['lowpass', 10, 0],
    ['lowpass', 1000, -3.01],
    ['highpass', 1000, -3.01],
    ['highpass', 3990, 0],
    ['bandpass', 1000, 0],
  ] as const)('gives a %s at 1 kHz a gain of %i Hz → %f dB', (type, frequencyHz, expectedDb) => {
    const section = designBiquad(type, 1000, 8000, Math.SQRT1_2);
    expectClose(
      gainDb((x) => filterBiquads(x, [section]), frequencyHz, 8000),
      expectedDb,
      0.05,
    );
  });

  it('rejects a corner at or above Nyquist', () => {
    expect(() => designBiquad('lowpass', 4000, 8000, 1)).toThrow(/frequencyHz 4000 must lie in/);
  });
});

describe('applyGainDb', () => {
  it.each([-10, -3, 0, 10])('scales the level by %i dB and leaves the input alone', (db) => {
    const input = whiteNoise(1000, 1);
    const copy = Float64Array.from(input);
    expectClose(20 * Math.log10(rms(applyGainDb(input, db)) / rms(input)), db, 1e-9);
    expect(input).toEqual(copy);
  });
});

describe('telephoneChannel', () => {
  const noise = whiteNoise(32768, 2);

  it.each([
    [100, -20],
    [3900, -14],
  ])('cuts %i Hz by more than %i dB', (frequencyHz, maximumDb) => {
    expect(
      gainDb((x) => telephoneChannel(x, 8000, { muLaw: false }), frequencyHz, 8000),
    ).toBeLessThan(maximumDb);
  });

  it.each([500, 1000, 3000])('passes %i Hz within 1 dB', (frequencyHz) => {
    expectClose(
      gainDb((x) => telephoneChannel(x, 8000, { muLaw: false }), frequencyHz, 8000),
      0,
      1,
    );
  });

  it('keeps the band 300–3400 Hz and little else of white noise', () => {
    const phone = telephoneChannel(noise, 8000);
    const inBand = bandPower(phone, 8000, 400, 3200) / 2800;
    const below = bandPower(phone, 8000, 20, 150) / 130;
    expect(toDb(inBand / below)).toBeGreaterThan(30);
  });

  it('quantises like G.711 μ-law: a small error, but not none', () => {
    const band = telephoneChannel(noise, 8000, { muLaw: false });
    const coded = telephoneChannel(noise, 8000);
    const error = coded.map((v, i) => v - band[i]);
    expect(rms(error)).toBeGreaterThan(0);
    expect(20 * Math.log10(rms(band) / rms(error))).toBeGreaterThan(30);
  });

  it('refuses a signal that is not at 8 kHz', () => {
    expect(() => telephoneChannel(noise, 16000)).toThrow(/sampleRateHz must be 8000/);
  });

  it('carries a simulated machine recorded at 8 kHz', () => {
    const machine = simulateMachine({ sampleRateHz: 8000, durationSeconds: 1, seed: 3 });
    const phone = telephoneChannel(machine, 8000);
    expect(bandPower(phone, 8000, 20, 150)).toBeLessThan(0.01 * bandPower(machine, 8000, 20, 150));
    expect(rms(phone)).toBeGreaterThan(0.1 * rms(machine));
  });
});

describe('addClicks', () => {
  const input = whiteNoise(16000, 4).map((v) => v / 5);

  it('adds the requested clicks at the times it reports, leaving the input alone', () => {
    const copy = Float64Array.from(input);
    const { samples, timesSeconds } = addClicks(input, 16000, { seed: 5, count: 2 });
    expect(input).toEqual(copy);
    expect(timesSeconds).toHaveLength(2);
    for (const t of timesSeconds) {
      const at = Math.round(t * 16000);
      const peak = Math.max(...samples.subarray(at, at + 80).map(Math.abs));
      expect(peak).toBeGreaterThan(0.1);
    }
    expect(kurtosis(samples)).toBeGreaterThan(3 * kurtosis(input));
  });

  it('is deterministic for a seed', () => {
    expect(addClicks(input, 16000, { seed: 6 })).toEqual(addClicks(input, 16000, { seed: 6 }));
    expect(addClicks(input, 16000, { seed: 6 }).timesSeconds).not.toEqual(
      addClicks(input, 16000, { seed: 7 }).timesSeconds,
    );
  });

  it('rejects a fractional count', () => {
    expect(() => addClicks(input, 16000, { seed: 1, count: 1.5 })).toThrow(/count must be/);
  });
});

describe('microphoneRollOff', () => {
  it('cuts 20 Hz and keeps 1 kHz', () => {
    expect(gainDb((x) => microphoneRollOff(x, 8000, 80), 20, 8000)).toBeLessThan(-20);
    expectClose(
      gainDb((x) => microphoneRollOff(x, 8000, 80), 1000, 8000),
      0,
      0.1,
    );
  });
});
