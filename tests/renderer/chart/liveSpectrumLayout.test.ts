import { describe, expect, it } from 'vitest';
import {
  liveLevelRange,
  liveSpectrumLayout,
  MAX_SPAN_DB,
  widenRange,
} from '../../../renderer/chart/liveSpectrumLayout.ts';
import { MARGIN } from '../../../renderer/chart/spectrumLayout.ts';
import { expectClose } from '../../helpers/tolerance.ts';

const log = { scale: 'log', minHz: 10, maxHz: 1000 } as const;
const linear = { scale: 'linear', minHz: 0, maxHz: 1000 } as const;
const live = { frequenciesHz: [5, 10, 100, 1000, 2000], levelsDb: [0, -40, -50, -60, 99] };
const baseline = {
  frequenciesHz: [10, 100, 1000],
  medianDb: [-45, -55, -65],
  lowerDb: [-50, -60, -70],
  upperDb: [-40, -50, -60],
};

describe('liveLevelRange', () => {
  it('spans the live line and the band inside the axis only', () => {
    expect(liveLevelRange(live, baseline, log)).toEqual({ minDb: -70, maxDb: -40 });
  });

  it('reaches no deeper than MAX_SPAN_DB below the top', () => {
    const deep = { frequenciesHz: [10, 100], levelsDb: [-10, -300] };
    expect(liveLevelRange(deep, null, log)).toEqual({ minDb: -10 - MAX_SPAN_DB, maxDb: -10 });
  });

  it('is null with nothing to show', () => {
    expect(liveLevelRange(null, null, log)).toBeNull();
  });
});

describe('widenRange', () => {
  it.each([
    [null, { minDb: -5, maxDb: 5 }, { minDb: -5, maxDb: 5 }],
    [{ minDb: -5, maxDb: 5 }, null, { minDb: -5, maxDb: 5 }],
    [
      { minDb: -5, maxDb: 5 },
      { minDb: -2, maxDb: 9 },
      { minDb: -5, maxDb: 9 },
    ],
  ])('widens %o by %o to %o', (previous, next, expected) => {
    expect(widenRange(previous, next)).toEqual(expected);
  });
});

describe('liveSpectrumLayout', () => {
  const levels = { minDb: -70, maxDb: -40 };

  it('spreads decades evenly on a log axis and leaves out what lies outside it', () => {
    const layout = liveSpectrumLayout({ axis: log, levels, live, baseline }, 600, 300);
    const xs = layout.live.map(([x]) => x);
    expect(xs).toHaveLength(3);
    expectClose(xs[0], MARGIN.left, 1e-9);
    expectClose(xs[2], 600 - MARGIN.right, 1e-9);
    expectClose(xs[1] - xs[0], xs[2] - xs[1], 1e-9);
  });

  it('spaces frequencies in proportion on a linear axis', () => {
    const layout = liveSpectrumLayout({ axis: linear, levels, live, baseline }, 600, 300);
    const xs = layout.live.map(([x]) => x);
    const width = 600 - MARGIN.left - MARGIN.right;
    // 5 Hz is inside a linear axis that starts at 0 Hz; 2000 Hz is beyond its end.
    expect(xs).toHaveLength(4);
    expectClose(xs[0], MARGIN.left + width * 0.005, 1e-9);
    expectClose(xs[2], MARGIN.left + width * 0.1, 1e-9);
    expectClose(xs[3], MARGIN.left + width, 1e-9);
  });

  it('draws louder levels higher, on 10 dB ticks', () => {
    const layout = liveSpectrumLayout({ axis: log, levels, live, baseline }, 600, 300);
    expect(layout.levelTicks.map((t) => t.value)).toEqual([-70, -60, -50, -40]);
    const ys = layout.live.map(([, y]) => y);
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
  });

  it('outlines the band along the upper edge and back along the lower one', () => {
    const layout = liveSpectrumLayout({ axis: log, levels, live: null, baseline }, 600, 300);
    expect(layout.band).toHaveLength(6);
    expect(layout.band[0][0]).toBe(layout.band[5][0]);
    expect(layout.band[0][1]).toBeLessThan(layout.band[5][1]);
    expect(layout.median).toHaveLength(3);
    expect(layout.live).toEqual([]);
  });

  it('keeps the loudest live point of a pixel column', () => {
    const dense = { frequenciesHz: [100, 100.01, 100.02], levelsDb: [-60, -45, -55] };
    const layout = liveSpectrumLayout({ axis: log, levels, live: dense, baseline: null }, 600, 300);
    expect(layout.live).toHaveLength(1);
    const y = (db: number) =>
      300 - MARGIN.bottom - ((db + 70) / 30) * (300 - MARGIN.bottom - MARGIN.top);
    expectClose(layout.live[0][1], y(-45), 1e-9);
  });
});
