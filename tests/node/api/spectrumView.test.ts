import { describe, expect, it } from 'vitest';
import { baselineSpectrumView, MAX_SPECTRUM_POINTS } from '../../../node/api/spectrumView.ts';
import { expectArraysClose } from '../../helpers/tolerance.ts';

/** A flat −40 dB spectrum (spread 1 dB, maximum +3 dB) with one narrow +30 dB line. */
function flatWithLine(binCount: number, lineBin: number, binWidthHz = 1) {
  const medianDb = Array.from({ length: binCount }, (_, k) => (k === lineBin ? -10 : -40));
  return {
    binWidthHz,
    medianDb,
    spreadDb: medianDb.map(() => 1),
    upperDb: medianDb.map((m) => m + 3),
  };
}

describe('baselineSpectrumView', () => {
  it('keeps every bin but DC when there are few, with lower = median − 2·spread', () => {
    const view = baselineSpectrumView('b', flatWithLine(11, 4, 2.5));
    expectArraysClose(view.frequenciesHz, [2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5, 25], 1e-12);
    expect(view.medianDb).toEqual([-40, -40, -40, -10, -40, -40, -40, -40, -40, -40]);
    expect(view.lowerDb).toEqual([-42, -42, -42, -12, -42, -42, -42, -42, -42, -42]);
    expect(view.upperDb).toEqual([-37, -37, -37, -7, -37, -37, -37, -37, -37, -37]);
    expect(view.baselineId).toBe('b');
  });

  it.each([
    [10_001, 5000],
    [29_500, 7331],
    [2001, 1999],
  ])(
    'decimates %i bins to at most 2000 points and keeps the narrow line at bin %i',
    (bins, line) => {
      const view = baselineSpectrumView('b', flatWithLine(bins, line));
      expect(view.frequenciesHz.length).toBeLessThanOrEqual(MAX_SPECTRUM_POINTS);
      expect(view.frequenciesHz.length).toBeGreaterThanOrEqual(MAX_SPECTRUM_POINTS / 2);
      expect(Math.max(...view.medianDb)).toBe(-10);
      expect(view.frequenciesHz[view.medianDb.indexOf(-10)]).toBe(line);
      expect(Math.max(...view.upperDb)).toBe(-7);
      expect(Math.min(...view.lowerDb)).toBe(-42);
      for (let i = 1; i < view.frequenciesHz.length; i++) {
        expect(view.frequenciesHz[i]).toBeGreaterThan(view.frequenciesHz[i - 1]);
      }
    },
  );

  it.each([0, -1, 1.5])('refuses maxPoints %s', (maxPoints) => {
    expect(() => baselineSpectrumView('b', flatWithLine(10, 3), maxPoints)).toThrow(
      /maxPoints must be a positive integer/,
    );
  });
});
