import { describe, expect, it } from 'vitest';
import {
  dbAxis,
  linearPosition,
  logPosition,
  logTicks,
  positiveRange,
} from '../../../renderer/chart/scales.ts';
import { expectClose } from '../../helpers/tolerance.ts';

describe('logPosition', () => {
  it.each([
    [10, 0],
    [100, 0.5],
    [1000, 1],
    [31.622776601683793, 0.25],
  ])('puts %d Hz at %d on a 10 Hz to 1 kHz axis', (hz, position) => {
    expectClose(logPosition(hz, 10, 1000), position, 1e-12);
  });

  it.each([
    [0, 10],
    [10, 10],
    [-1, 10],
  ])('rejects the range %d..%d', (min, max) => {
    expect(() => logPosition(5, min, max)).toThrow(RangeError);
  });
});

describe('linearPosition', () => {
  it('puts the middle of -80..-20 dB at 0.5', () => {
    expectClose(linearPosition(-50, -80, -20), 0.5, 1e-12);
  });
});

describe('logTicks', () => {
  it('gives 1-2-5 ticks inside the range', () => {
    expect(logTicks(15, 2500)).toEqual([20, 50, 100, 200, 500, 1000, 2000]);
  });

  it('gives exact values below 1 Hz', () => {
    expect(logTicks(0.15, 2.5)).toEqual([0.2, 0.5, 1, 2]);
  });

  // Zoomed in on a log axis: 1-2-5 leaves the axis with fewer than three ticks or none.
  it.each([
    [0.15, 0.6, [0.2, 0.3, 0.4, 0.5, 0.6]],
    [250, 480, [250, 300, 350, 400, 450]],
    [110, 180, [120, 140, 160, 180]],
    [141.5, 142.4, [141.6, 141.8, 142, 142.2, 142.4]],
  ])('keeps at least three ticks zoomed in to %d..%d Hz', (min, max, ticks) => {
    expect(logTicks(min, max)).toEqual(ticks);
  });

  it('never leaves a zoomed range bare', () => {
    for (let min = 1; min < 20_000; min *= 1.37) {
      for (const span of [1.01, 1.2, 1.9, 3]) {
        const ticks = logTicks(min, min * span);
        expect(ticks.length, `${min}..${min * span}`).toBeGreaterThanOrEqual(2);
        expect(ticks.every((t) => t >= min * 0.999 && t <= min * span * 1.001)).toBe(true);
      }
    }
  });

  it('falls back to decades when 1-2-5 would crowd the axis', () => {
    expect(logTicks(1, 100_000, 8)).toEqual([1, 10, 100, 1000, 10_000, 100_000]);
  });
});

describe('dbAxis', () => {
  it('rounds outwards to 10 dB', () => {
    expect(dbAxis(-73.2, -12.5)).toEqual({
      min: -80,
      max: -10,
      ticks: [-80, -70, -60, -50, -40, -30, -20, -10],
    });
  });

  it('widens a flat range', () => {
    expect(dbAxis(-20, -20)).toEqual({ min: -30, max: -10, ticks: [-30, -20, -10] });
  });

  it('rejects a range given backwards', () => {
    expect(() => dbAxis(0, -10)).toThrow(RangeError);
  });
});

describe('positiveRange', () => {
  it('skips zero, negative and non-finite frequencies', () => {
    expect(positiveRange([0, -1, 5, NaN, 200, Infinity])).toEqual({ min: 5, max: 200 });
  });

  it('finds nothing to show in a single positive frequency', () => {
    expect(positiveRange([0, 5])).toBeNull();
  });
});
