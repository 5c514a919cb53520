import { describe, expect, it } from 'vitest';
import { welch } from '../../../../shared/dsp/welch.ts';
import {
  liveSpectrumSegmentLength,
  SlidingSpectrum,
} from '../../../../renderer/features/record/slidingSpectrum.ts';
import { gaussianNoise } from '../../../helpers/signals.ts';
import { expectArraysClose, expectClose } from '../../../helpers/tolerance.ts';

const RATE = 1000;

/** Feeds `signal` in blocks of irregular length, as a worklet's messages arrive. */
function feed(spectrum: SlidingSpectrum, signal: Float32Array): void {
  const sizes = [333, 17, 1024, 128, 500];
  for (let offset = 0, i = 0; offset < signal.length; i++) {
    const size = sizes[i % sizes.length];
    spectrum.push(signal.subarray(offset, offset + size));
    offset += size;
  }
}

describe('liveSpectrumSegmentLength', () => {
  it.each([
    [48_000, 32_768],
    [44_100, 32_768],
    [16_000, 16_384],
    [8000, 8192],
  ])('at %i Hz is the diagnosis segment of %i samples', (rate, length) => {
    expect(liveSpectrumSegmentLength(rate)).toBe(length);
  });
});

describe('SlidingSpectrum', () => {
  it('is Welch’s density over the last `frames` overlapping segments', () => {
    const signal = Float32Array.from(gaussianNoise(5000, 7, 0.1));
    const sliding = new SlidingSpectrum(RATE, 8, 1 / 8);
    feed(sliding, signal);
    const { segmentLength, hopSamples } = sliding;
    expect(segmentLength).toBe(1024);
    const lastStart = Math.floor((signal.length - segmentLength) / hopSamples) * hopSamples;
    const firstStart = lastStart - 7 * hopSamples;
    const reference = welch(signal.subarray(firstStart, lastStart + segmentLength), RATE, {
      segmentLength,
      overlapSamples: segmentLength - hopSamples,
      window: 'hann',
      detrend: 'constant',
      scaling: 'density',
    });
    expect(reference.segmentCount).toBe(8);
    const power = Array.from(sliding.levelsDb() ?? [], (db) => 10 ** (db / 10));
    expectArraysClose(power, reference.values, 1e-5, 1e-12);
    expectClose(sliding.windowSeconds, (segmentLength + 7 * hopSamples) / RATE, 1e-12);
  });

  it('reads a bin-centred sine of amplitude A as A²/2 over the Hann window’s bandwidth', () => {
    const sliding = new SlidingSpectrum(RATE);
    const binHz = RATE / sliding.segmentLength;
    const frequencyHz = 100 * binHz;
    const signal = Float32Array.from(
      { length: 4000 },
      (_, i) => 0.5 * Math.sin((2 * Math.PI * frequencyHz * i) / RATE),
    );
    sliding.push(signal);
    const levels = sliding.levelsDb() ?? new Float64Array(0);
    // Hann: equivalent noise bandwidth 1.5 bins.
    expectClose(levels[100], 10 * Math.log10(0.125 / (1.5 * binHz)), 0.01);
  });

  it('has nothing before the first whole segment, and says when something new came', () => {
    const sliding = new SlidingSpectrum(RATE);
    sliding.push(new Float32Array(1000));
    expect(sliding.hasNew).toBe(false);
    expect(sliding.levelsDb()).toBeNull();
    sliding.push(new Float32Array(100));
    expect(sliding.hasNew).toBe(true);
    expect(sliding.levelsDb()).not.toBeNull();
    expect(sliding.hasNew).toBe(false);
  });

  it.each([
    [0, 1 / 8],
    [8, 0],
    [8, 1.5],
  ])('rejects frames %f and hopFraction %f', (frames, hop) => {
    expect(() => new SlidingSpectrum(RATE, frames, hop)).toThrow(RangeError);
  });
});
