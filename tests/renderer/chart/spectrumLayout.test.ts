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
