import { describe, expect, it } from 'vitest';
import { disableWasmFft, enableWasmFft } from '../../../shared/dsp/fft.ts';
import type { WelchOptions } from '../../../shared/dsp/welch.ts';
import {
  WelchAccumulator,
  mergeWelchPartials,
  welch,
  welchResult,
  welchSegmentCount,
  welchSegmentRange,
} from '../../../shared/dsp/welch.ts';
import { expectArraysClose, maxRelativeError } from '../../helpers/tolerance.ts';
import { gaussianNoise } from '../../helpers/signals.ts';

function peakOf(values: ArrayLike<number>): number {
  let peak = 0;
  for (let i = 0; i < values.length; i++) peak = Math.max(peak, Math.abs(values[i]));
  return peak;
}

/** Splits `signal` into consecutive blocks of pseudo-random lengths 0..maxLength. */
function randomBlocks(signal: Float64Array, maxLength: number, seed: number): Float64Array[] {
  const blocks: Float64Array[] = [];
  let state = seed;
  for (let start = 0; start < signal.length;) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const length = state % (maxLength + 1);
    blocks.push(signal.subarray(start, start + length));
    start += length;
  }
  return blocks;
}

describe('WelchAccumulator and partial results', () => {
  const samples = gaussianNoise(50_000, 77, 1);
  const options: WelchOptions = { segmentLength: 1024, overlap: 0.5, window: 'hann' };

  it.each([
    [1, 1],
    [1500, 2],
    [5000, 3],
  ])(
    'gives exactly the one-shot result when fed blocks of 0..%i samples (seed %i)',
    (maxLength, seed) => {
      const accumulator = new WelchAccumulator(1000, options);
      for (const block of randomBlocks(samples.subarray(0, 12_000), maxLength, seed)) {
        accumulator.push(block);
        expect(accumulator.bufferedSampleCount).toBeLessThan(1024);
      }
      const whole = welch(samples.subarray(0, 12_000), 1000, options);
      expect(accumulator.segmentCount).toBe(whole.segmentCount);
      expect(Array.from(accumulator.result().values)).toEqual(Array.from(whole.values));
    },
  );

  it('merges partials from segment ranges into the whole, within 1e-12', () => {
    const whole = welch(samples, 1000, options);
    const total = welchSegmentCount(samples.length, 1000, options);
    const first = welchSegmentRange(samples, 1000, options, 0, 30);
    const second = welchSegmentRange(samples, 1000, options, 30, 20);
    const third = welchSegmentRange(samples, 1000, options, 50, total - 50);
    const merged = welchResult(mergeWelchPartials(mergeWelchPartials(first, second), third));
    expect(merged.segmentCount).toBe(whole.segmentCount);
    expectArraysClose(merged.values, whole.values, 1e-12);
  });

  it('computes a range from a subarray that starts at a segment boundary', () => {
    const hop = 512;
    const fromWhole = welchSegmentRange(samples, 1000, options, 10, 5);
    const fromSlice = welchSegmentRange(samples.subarray(10 * hop), 1000, options, 0, 5);
    expect(Array.from(fromSlice.powerSum)).toEqual(Array.from(fromWhole.powerSum));
  });

  it('merges another accumulator into itself, median included', () => {
    const medianOptions: WelchOptions = { ...options, average: 'median' };
    const left = new WelchAccumulator(1000, medianOptions);
    const right = new WelchAccumulator(1000, medianOptions);
    left.push(samples.subarray(0, 20 * 512));
    // The left part's next segment starts at 19·hop, so the right part starts there.
    right.push(samples.subarray(19 * 512, 41 * 512));
    left.merge(right.partial());
    const whole = welch(samples.subarray(0, 41 * 512), 1000, medianOptions);
    expect(left.segmentCount).toBe(40);
    expect(whole.segmentCount).toBe(40);
    expectArraysClose(left.result().values, whole.values, 1e-12);
  });

  it('refuses to merge partials computed with different settings', () => {
    const a = welchSegmentRange(samples, 1000, options, 0, 2);
    const b = welchSegmentRange(samples, 1000, { ...options, window: 'hamming' }, 0, 2);
    expect(() => mergeWelchPartials(a, b)).toThrow(RangeError);
  });

  it('has no result before its first whole segment, and none after reset', () => {
    const accumulator = new WelchAccumulator(1000, options);
    accumulator.push(samples.subarray(0, 1023));
    expect(() => accumulator.result()).toThrow(RangeError);
    accumulator.push(samples.subarray(1023, 1024));
    expect(accumulator.result().segmentCount).toBe(1);
    accumulator.reset();
    expect(accumulator.segmentCount).toBe(0);
    expect(() => accumulator.result()).toThrow(RangeError);
  });

  it('keeps a partial unchanged by later pushes', () => {
    const accumulator = new WelchAccumulator(1000, options);
    accumulator.push(samples.subarray(0, 4096));
    const snapshot = accumulator.partial();
    const before = Array.from(snapshot.powerSum);
    accumulator.push(samples.subarray(4096, 8192));
    expect(Array.from(snapshot.powerSum)).toEqual(before);
  });
});

describe('welch with the WASM SIMD FFT', () => {
  it('matches the fft.js result within float32 precision', async () => {
    const samples = gaussianNoise(1 << 16, 23, 1);
    const options: WelchOptions = { segmentLength: 2048 };
    const reference = welch(samples, 48_000, options);
    expect(await enableWasmFft()).toBe(true);
    try {
      const accumulator = new WelchAccumulator(48_000, options);
      expect(accumulator.fftBackend).toBe('pffft-wasm-simd');
      accumulator.push(samples);
      const fast = accumulator.result();
      // float32 FFT: per-bin errors relative to the noise level, which every bin shares here.
      expect(
        maxRelativeError(fast.values, reference.values, peakOf(reference.values)),
      ).toBeLessThan(1e-5);
    } finally {
      disableWasmFft();
    }
  });
});
