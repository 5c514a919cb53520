import { describe, expect, it } from 'vitest';
import { MARGIN, spectrumLayout } from '../../../renderer/chart/spectrumLayout.ts';
import { expectClose } from '../../helpers/tolerance.ts';

const series = {
  frequenciesHz: [0, 10, 100, 1000],
  medianDb: [0, -40, -50, -60],
  lowerDb: [0, -45, -55, -65],
  upperDb: [0, -35, -45, -55],
};

describe('spectrumLayout', () => {
  const layout = spectrumLayout(series, 600, 300);

  it('leaves out the 0 Hz bin a log axis cannot show', () => {
    expect(layout?.median).toHaveLength(3);
    expect(layout?.minHz).toBe(10);
  });

  it('spans the plot from the lowest to the highest frequency, equal steps per decade', () => {
    const xs = layout?.median.map(([x]) => x) ?? [];
    expectClose(xs[0], MARGIN.left, 1e-9);
    expectClose(xs[2], 600 - MARGIN.right, 1e-9);
    expectClose(xs[1] - xs[0], xs[2] - xs[1], 1e-9);
  });

  it('puts louder levels higher, on a dB axis rounded to 10 dB', () => {
    expect(layout?.levelTicks.map((t) => t.value)).toEqual([-70, -60, -50, -40, -30]);
    const ys = layout?.median.map(([, y]) => y) ?? [];
    expect(ys[0]).toBeLessThan(ys[1]);
    expectClose(layout?.levelTicks[0].position ?? NaN, 300 - MARGIN.bottom, 1e-9);
  });

  it('outlines the band along the upper edge and back along the lower edge', () => {
    const band = layout?.band ?? [];
    expect(band).toHaveLength(6);
    expect(band[0][0]).toBe(band[5][0]);
    expect(band[0][1]).toBeLessThan(band[5][1]);
  });

  it('has nothing to draw without two positive frequencies', () => {
    expect(
      spectrumLayout(
        { frequenciesHz: [0, 10], medianDb: [0, 0], lowerDb: [0, 0], upperDb: [0, 0] },
        600,
        300,
      ),
    ).toBeNull();
  });

  it('rejects series of different lengths', () => {
    expect(() => spectrumLayout({ ...series, medianDb: [1] }, 600, 300)).toThrow(RangeError);
  });
});

describe('spectrumLayout of a dense spectrum', () => {
  // 20 000 bins from 1 Hz to 20 kHz on a 400 px plot: most columns hold many bins.
  const n = 20_000;
  const frequenciesHz = Array.from({ length: n }, (_, i) => i + 1);
  const medianDb = frequenciesHz.map((_, i) => (i % 2 === 0 ? -40 : -50));
  const dense = {
    frequenciesHz,
    medianDb,
    lowerDb: medianDb.map((db) => db - 5),
    upperDb: medianDb.map((db) => db + 5),
  };
  const layout = spectrumLayout(dense, 400 + MARGIN.left + MARGIN.right, 300);

  it('draws at most one point per pixel column', () => {
    expect(layout?.median.length).toBeLessThanOrEqual(401);
    // Low frequencies spread over several pixels per bin: fewer points than columns there.
    expect(layout?.median.length).toBeGreaterThan(250);
  });

  it('keeps the extremes of the band and averages the median within a column', () => {
    const y = (db: number) => {
      const ticks = layout?.levelTicks ?? [];
      const [first, last] = [ticks[0], ticks[ticks.length - 1]];
      return (
        first.position +
        ((db - first.value) / (last.value - first.value)) * (last.position - first.position)
      );
    };
    // The column before the last (the last holds the 20 kHz bin alone, at the plot's edge).
    const count = layout?.median.length ?? 0;
    const j = count - 2;
    // ~250 bins there: an odd count moves the mean of −40/−50 dB by < 0.05 dB (< 0.25 px).
    expectClose(layout?.median[j][1] ?? NaN, y(-45), 0.25);
    expectClose(layout?.band[j][1] ?? NaN, y(-35), 1e-6);
    expectClose(layout?.band[2 * count - 1 - j][1] ?? NaN, y(-55), 1e-6);
  });
});
