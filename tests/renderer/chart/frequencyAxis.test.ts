import { describe, expect, it } from 'vitest';
import {
  frequencyAt,
  frequencyPosition,
  frequencyTicks,
  liveFrequencyAxis,
} from '../../../renderer/chart/frequencyAxis.ts';
import { linearTicks } from '../../../renderer/chart/scales.ts';
import { expectClose } from '../../helpers/tolerance.ts';

describe('liveFrequencyAxis', () => {
  it.each([
    ['log', 48_000, 5, 21_600],
    ['linear', 48_000, 0, 21_600],
    ['log', 44_100, 5, 19_845],
  ] as const)('a %s axis at %i Hz runs from %f Hz to %f Hz', (scale, rate, minHz, maxHz) => {
    const axis = liveFrequencyAxis(scale, rate);
    expectClose(axis.minHz, minHz, 1e-9);
    expectClose(axis.maxHz, maxHz, 1e-9);
  });

  it('rejects a sample rate that is not positive', () => {
    expect(() => liveFrequencyAxis('log', 0)).toThrow(RangeError);
  });
});

describe('frequencyPosition and frequencyAt', () => {
  const log = { scale: 'log', minHz: 10, maxHz: 10_000 } as const;
  const linear = { scale: 'linear', minHz: 0, maxHz: 20_000 } as const;

  it.each([
    [log, 100, 1 / 3],
    [log, 1000, 2 / 3],
    [linear, 5000, 0.25],
    [linear, 20_000, 1],
  ] as const)('puts %o %f Hz at %f of the way', (axis, hz, position) => {
    expectClose(frequencyPosition(hz, axis), position, 1e-12);
  });

  it.each([[log], [linear]] as const)('inverts its position on a %o axis', (axis) => {
    for (const position of [0, 0.1, 0.5, 0.77, 1]) {
      expectClose(frequencyPosition(frequencyAt(position, axis), axis), position, 1e-12);
    }
  });
});

describe('linearTicks', () => {
  it.each([
    [0, 21_600, [0, 5000, 10_000, 15_000, 20_000]],
    [0, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [13, 47, [15, 20, 25, 30, 35, 40, 45]],
  ])('puts round ticks between %f and %f', (min, max, ticks) => {
    expect(linearTicks(min, max, 10)).toEqual(ticks);
  });

  it('never gives more ticks than asked for', () => {
    for (const max of [7, 93, 1234, 19_845, 96_000]) {
      expect(linearTicks(0, max, 8).length).toBeLessThanOrEqual(8);
    }
  });

  it('rejects an empty range', () => {
    expect(() => linearTicks(5, 5)).toThrow(RangeError);
  });
});

describe('frequencyTicks', () => {
  it('gives 1-2-5 ticks on a log axis and round steps on a linear one', () => {
    expect(frequencyTicks({ scale: 'log', minHz: 5, maxHz: 100 })).toEqual([5, 10, 20, 50, 100]);
    expect(frequencyTicks({ scale: 'linear', minHz: 0, maxHz: 100 })).toEqual([
      0, 20, 40, 60, 80, 100,
    ]);
  });
});
