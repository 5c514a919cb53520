import { describe, expect, it } from 'vitest';
import {
  averagingWeight,
  PeakHold,
  SpectrumAverager,
} from '../../../../renderer/features/record/liveAveraging.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

describe('averagingWeight', () => {
  it('is 1 without averaging and forgets at the same rate in seconds at any frame rate', () => {
    expect(averagingWeight(0.1, 0)).toBe(1);
    // After one time constant, 1/e of the old level is left, in 10 steps or in 100.
    const left = (steps: number) => (1 - averagingWeight(3 / steps, 3)) ** steps;
    expectClose(left(10), Math.exp(-1), 1e-12);
    expectClose(left(100), Math.exp(-1), 1e-12);
  });
});

describe('SpectrumAverager', () => {
  it('averages power, not dB, and moves a time constant’s worth towards a new level', () => {
    const averager = new SpectrumAverager();
    expect([...averager.push([-20, 0], 0.1, 1)]).toEqual([-20, 0]);
    // A step from 0 dB to −∞ (power 0): after τ the power is 1/e, −4.34 dB.
    let out = new Float64Array();
    for (let i = 0; i < 10; i++) out = averager.push([-20, -400], 0.1, 1);
    expectClose(out[0], -20, 1e-9);
    expectClose(out[1], 10 * Math.log10(Math.exp(-1)), 1e-6);
  });
});

describe('PeakHold', () => {
  it('keeps each bin’s highest level until reset', () => {
    const hold = new PeakHold();
    hold.push([-10, -30]);
    expect([...hold.push([-20, -5])]).toEqual([-10, -5]);
    hold.reset();
    expect([...hold.push([-40, -40])]).toEqual([-40, -40]);
  });
});
