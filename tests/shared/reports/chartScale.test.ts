import { describe, expect, it } from 'vitest';
import {
  axisFraction,
  frequencyLabel,
  linearTicks,
  logTicks,
  niceStep,
  paddedRange,
  thinSeries,
  xOf,
  yOf,
} from '../../../shared/reports/chartScale.ts';
import { defaultPaper, isPaperSize, PAPER_POINTS } from '../../../shared/reports/paper.ts';

describe('chart geometry', () => {
  it('places values on linear and log axes, clamped to the ends', () => {
    const linear = { min: -100, max: -40, log: false };
    expect(axisFraction(linear, -70)).toBeCloseTo(0.5, 12);
    expect(axisFraction(linear, 0)).toBe(1);
    const log = { min: 10, max: 1000, log: true };
    expect(axisFraction(log, 100)).toBeCloseTo(0.5, 12);
    expect(axisFraction(log, 0)).toBe(0);
    const box = { x: 40, y: 100, width: 200, height: 50 };
    expect(xOf(box, log, 100)).toBeCloseTo(140, 9);
    // Larger values higher: the top of the box is the axis' maximum.
    expect(yOf(box, linear, -40)).toBe(100);
    expect(yOf(box, linear, -100)).toBe(150);
  });

  it('picks 1, 2 or 5 times a power of ten for ticks', () => {
    expect(niceStep(60, 5)).toBe(10);
    expect(niceStep(60, 3)).toBe(20);
    expect(niceStep(0.9, 4)).toBe(0.2);
    expect(linearTicks(-97, -38, 5)).toEqual([-90, -80, -70, -60, -50, -40]);
    expect(logTicks(4.5, 5000)).toEqual([5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000]);
    expect([20, 500, 1000, 2500].map(frequencyLabel)).toEqual(['20', '500', '1k', '2.5k']);
  });

  it('pads a range and keeps the peak of each group when thinning a series', () => {
    expect(paddedRange([1, 3], 0.5)).toEqual([0, 4]);
    expect(paddedRange([NaN])).toEqual([0, 1]);
    expect(paddedRange([2, 2])).toEqual([1, 3]);
    const thin = thinSeries([1, 2, 3, 4, 5, 6], [0, 9, 1, 1, 7, 2], 2);
    expect(thin).toEqual({ xs: [2, 5], ys: [9, 7] });
  });

  it('knows the papers and their usual language', () => {
    expect(PAPER_POINTS.a4.widthPt / PAPER_POINTS.a4.heightPt).toBeCloseTo(210 / 297, 4);
    expect(PAPER_POINTS.letter).toEqual({ widthPt: 612, heightPt: 792 });
    expect([defaultPaper('en'), defaultPaper('zh-CN')]).toEqual(['letter', 'a4']);
    expect([isPaperSize('a4'), isPaperSize('A4'), isPaperSize('legal')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
