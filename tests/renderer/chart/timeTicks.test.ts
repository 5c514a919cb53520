import { describe, expect, it } from 'vitest';
import {
  decimalsFor,
  formatTime,
  timeSteps,
  timeTicks,
} from '../../../renderer/chart/timeTicks.ts';
import { expectClose } from '../../helpers/tolerance.ts';

describe('timeSteps', () => {
  it.each([
    [310, 0.5, 0.1],
    [1240, 0.1, 0.02],
    [0.34, 300, 60],
    [4000, 0.02, 0.01],
    [40, 2, 0.4],
  ])('at %d px/s labels every %d s with ticks every %d s', (scale, label, tick) => {
    const steps = timeSteps(scale);
    expect(steps.labelSeconds).toBe(label);
    expectClose(steps.tickSeconds, tick, 1e-12);
    expectClose(steps.tickSeconds * steps.ticksPerLabel, label, 1e-12);
  });

  it('leaves at least 70 px between labels at any scale', () => {
    for (const scale of [0.01, 0.3, 3, 30, 300, 3000]) {
      expect(timeSteps(scale).labelSeconds * scale).toBeGreaterThanOrEqual(70);
    }
  });
});

describe('formatTime', () => {
  it.each([
    [0, 0, '0'],
    [1.256, 2, '1.26'],
    [59.4, 1, '59.4'],
    [61, 0, '1:01'],
    [62.5, 1, '1:02.5'],
    [3599.6, 0, '1:00:00'],
    [3725, 0, '1:02:05'],
    [3725.25, 2, '1:02:05.25'],
  ])('writes %d s with %d decimals as %j', (seconds, decimals, text) => {
    expect(formatTime(seconds, decimals)).toBe(text);
  });

  it.each([
    [5, 0],
    [0.5, 1],
    [0.02, 2],
  ])('gives a %d s step %d decimals', (step, decimals) => {
    expect(decimalsFor(step)).toBe(decimals);
  });
});

describe('timeTicks', () => {
  it('labels a 4 s recording on 1240 px every half second from 0', () => {
    const labelled = timeTicks(0, 4, 1240).filter((tick) => tick.label !== null);
    expect(labelled.map((tick) => tick.label)).toEqual([
      '0.0',
      '0.5',
      '1.0',
      '1.5',
      '2.0',
      '2.5',
      '3.0',
      '3.5',
      '4.0',
    ]);
    expectClose(labelled[2].x, 310, 1e-9);
  });

  it('labels a zoomed stretch deep in an hour with minutes and tenths', () => {
    const ticks = timeTicks(1800.05, 1801.05, 1000);
    const labelled = ticks.filter((tick) => tick.label !== null);
    expect(labelled[0].label).toBe('30:00.1');
    expect(ticks.every((tick) => tick.x >= 0 && tick.x <= 1000)).toBe(true);
  });

  it('has no tick for an empty stretch or width', () => {
    expect(timeTicks(1, 1, 500)).toEqual([]);
    expect(timeTicks(0, 1, 0)).toEqual([]);
  });
});
