import { describe, expect, it } from 'vitest';
import { expectClose } from '../helpers/tolerance.ts';
import { rms } from './probe.ts';
import { VARIATIONS, VARIATION_NAMES, withGain } from './variations.ts';
import type { SimulatedRecording, VariationName } from './variations.ts';

const options = { durationSeconds: 0.5, seed: 11 };
const made = new Map<VariationName, SimulatedRecording>();
const record = (name: VariationName) => {
  if (!made.has(name)) made.set(name, VARIATIONS[name](options));
  return made.get(name) as SimulatedRecording;
};
const reference = record('laptop-48k');

describe('VARIATIONS', () => {
  it.each(VARIATION_NAMES)('%s gives a finite recording of the stated length', (name) => {
    const recording = record(name);
    expect(recording.samples.length).toBe(Math.round(0.5 * recording.sampleRateHz));
    expect(recording.samples.every(Number.isFinite)).toBe(true);
    expect(rms(recording.samples)).toBeGreaterThan(0.002);
  });

  it.each([
    ['gain+10dB', 10],
    ['gain-10dB', -10],
  ] as const)('%s changes the level by %i dB', (name, db) => {
    expectClose(20 * Math.log10(rms(record(name).samples) / rms(reference.samples)), db, 1e-9);
  });

  it.each([
    ['rate-12k', 12000],
    ['rate-44.1k', 44100],
    ['telephone', 8000],
  ] as const)('%s is recorded at %i Hz', (name, rate) => {
    expect(record(name).sampleRateHz).toBe(rate);
  });

  it('withGain scales a recording and keeps its rate', () => {
    const louder = withGain(reference, 6);
    expect(louder.sampleRateHz).toBe(48000);
    expectClose(rms(louder.samples) / rms(reference.samples), 10 ** (6 / 20), 1e-12);
  });
});
