import { describe, expect, it } from 'vitest';
import type uPlot from 'uplot';
import { plotOptions } from '../../../renderer/chart/plotOptions.ts';

const u = {} as uPlot;
const format = (hz: number) => hz.toFixed(1);

function frequencyAxis(log: boolean): uPlot.Axis {
  const options = plotOptions(
    { width: 800, height: 300 },
    log,
    { frequency: 'Frequency (Hz)', level: 'Level (dB)' },
    format,
    {},
  );
  return (options.axes ?? [])[0];
}

/** The labels the frequency axis writes when its scale shows min..max Hz. */
function labels(min: number, max: number): string[] {
  const axis = frequencyAxis(true);
  const splits = (axis.splits as (u: uPlot, i: number, min: number, max: number) => number[])(
    u,
    0,
    min,
    max,
  );
  const kept = (axis.filter as (u: uPlot, s: number[], i: number) => (number | null)[])(
    u,
    splits,
    0,
  );
  const values = axis.values as (u: uPlot, s: (number | null)[]) => string[];
  return values(u, kept).filter((label) => label !== '');
}

describe('the log frequency axis of the spectrum plot', () => {
  it('labels 1-2-5 values over the whole band, not only the decades', () => {
    expect(labels(4.8, 21_600)).toEqual(
      [5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000].map(format),
    );
  });

  it.each([
    [110, 180],
    [141.5, 142.4],
    [2100, 2900],
  ])('keeps at least three labelled ticks zoomed in to %d..%d Hz', (min, max) => {
    const written = labels(min, max);
    expect(written.length).toBeGreaterThanOrEqual(3);
    for (const label of written) {
      expect(Number(label)).toBeGreaterThanOrEqual(min);
      expect(Number(label)).toBeLessThanOrEqual(max);
    }
  });

  it('leaves a linear axis to uPlot, labelling every split it gives', () => {
    const axis = frequencyAxis(false);
    expect(axis.splits).toBeUndefined();
    expect((axis.values as (u: uPlot, s: number[]) => string[])(u, [0, 500])).toEqual([
      '0.0',
      '500.0',
    ]);
  });
});
