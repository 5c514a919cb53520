/**
 * The modulation spectrum (shared/diagnosis/features/modulation.ts) on analytic signals: noise
 * whose level swells at a known rate shows that rate; the gain cancels; ranges cut anywhere add
 * up to one pass; a recording under one segment has none.
 */
import { describe, expect, it } from 'vitest';
import {
  addEnergy,
  energyFramesOf,
  mergeEnergyFrames,
  modulationFrameLength,
  modulationSpectrum,
} from '../../../shared/diagnosis/features/modulation.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

const SAMPLE_RATE_HZ = 16000;

/** Gaussian noise whose amplitude swells as 1 + depth·cos(2π·rateHz·t). */
function swellingNoise(seconds: number, rateHz: number, depth: number): Float64Array {
  const noise = gaussianNoise(Math.round(seconds * SAMPLE_RATE_HZ), 5);
  return noise.map(
    (v, i) => v * (1 + depth * Math.cos((2 * Math.PI * rateHz * i) / SAMPLE_RATE_HZ)),
  );
}

function spectrumOf(samples: Float64Array) {
  const frames = new Map<number, number>();
  addEnergy(frames, samples, 0, modulationFrameLength(SAMPLE_RATE_HZ));
  return modulationSpectrum(energyFramesOf(frames), SAMPLE_RATE_HZ);
}

function peakHz(spectrum: NonNullable<ReturnType<typeof spectrumOf>>): number {
  let best = 2;
  spectrum.levelsDb.forEach((v, k) => {
    if (k >= 2 && v > spectrum.levelsDb[best]) best = k;
  });
  return best * spectrum.binWidthHz;
}

describe('modulationSpectrum', () => {
  it.each([3.3, 12.5, 24.7])('finds noise swelling at %s Hz', (rateHz) => {
    const spectrum = spectrumOf(swellingNoise(12, rateHz, 0.5))!;
    expect(spectrum.binWidthHz).toBeCloseTo(100 / 256, 12);
    expect(Math.abs(peakHz(spectrum) - rateHz)).toBeLessThanOrEqual(spectrum.binWidthHz);
    const k = Math.round(rateHz / spectrum.binWidthHz);
    const sorted = [...spectrum.levelsDb.slice(2)].sort((a, b) => a - b);
    expect(spectrum.levelsDb[k] - sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(20);
  });

  it('is the same for a louder recording: the energy is divided by its mean', () => {
    const quiet = swellingNoise(6, 7, 0.3);
    const loud = quiet.map((v) => v * 31.6);
    const a = spectrumOf(quiet)!.levelsDb;
    const b = spectrumOf(loud)!.levelsDb;
    a.forEach((v, k) => expect(b[k]).toBeCloseTo(v, 9));
  });

  it('adds ranges cut inside a frame up to one pass', () => {
    const samples = swellingNoise(6, 7, 0.3);
    const frameLength = modulationFrameLength(SAMPLE_RATE_HZ);
    const whole = new Map<number, number>();
    addEnergy(whole, samples, 0, frameLength);
    const cut = 3 * SAMPLE_RATE_HZ + 57;
    const first = new Map<number, number>();
    const second = new Map<number, number>();
    addEnergy(first, samples.subarray(0, cut), 0, frameLength);
    addEnergy(second, samples.subarray(cut), cut, frameLength);
    const merged = mergeEnergyFrames(energyFramesOf(second), energyFramesOf(first));
    const one = energyFramesOf(whole);
    expect(merged.first).toBe(one.first);
    expect(merged.sums.length).toBe(one.sums.length);
    merged.sums.forEach((v, i) => expect(v).toBeCloseTo(one.sums[i], 9));
  });

  it('gives none for a recording shorter than one 2.56 s segment, or for silence', () => {
    expect(spectrumOf(swellingNoise(2.5, 7, 0.3))).toBeNull();
    expect(spectrumOf(new Float64Array(4 * SAMPLE_RATE_HZ))).toBeNull();
  });
});
