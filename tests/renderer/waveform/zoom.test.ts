import { describe, expect, it } from 'vitest';
import {
  canZoom,
  fitPxPerSecond,
  formatTimelineSeconds,
  MAX_PX_PER_SECOND,
  stepZoom,
  timelineSteps,
  visibleRange,
} from '../../../renderer/waveform/zoom.ts';
import { expectClose } from '../../helpers/tolerance.ts';

describe('zoom steps', () => {
  const fit = fitPxPerSecond(1200, 3600);

  it('fits an hour in 1200 px at a third of a pixel per second', () => {
    expectClose(fit, 1 / 3, 1e-12);
    expect(fitPxPerSecond(0, 10)).toBe(0);
  });

  it('doubles and halves, from the fit scale when the waveform is fitted (0)', () => {
    expectClose(stepZoom(0, 1, fit), 2 / 3, 1e-12);
    expect(stepZoom(100, 1, fit)).toBe(200);
    expect(stepZoom(100, -1, fit)).toBe(50);
  });

  it('stops at the fit scale and at the maximum', () => {
    expectClose(stepZoom(0.5, -1, fit), fit, 1e-12);
    expect(stepZoom(MAX_PX_PER_SECOND, 1, fit)).toBe(MAX_PX_PER_SECOND);
    expect(canZoom(MAX_PX_PER_SECOND, 1, fit)).toBe(false);
    expect(canZoom(0, -1, fit)).toBe(false);
    expect(canZoom(0, 1, fit)).toBe(true);
  });

  it('never zooms out past the fit scale of a very short recording', () => {
    const shortFit = fitPxPerSecond(1200, 0.1);
    expect(stepZoom(0, 1, shortFit)).toBe(shortFit);
    expect(canZoom(0, 1, shortFit)).toBe(false);
  });
});

describe('visibleRange', () => {
  it.each([
    [0, 1000, 1000, 4, 0, 4],
    [500, 1000, 4000, 4, 0.5, 1.5],
    [3000, 1000, 4000, 4, 3, 4],
    [0, 1000, 800, 4, 0, 4],
  ])(
    'scrolled %d px with %d of %d px on screen shows %d s from %d to %d s',
    (scroll, viewport, content, duration, start, end) => {
      const range = visibleRange(scroll, viewport, content, duration);
      expectClose(range.startSeconds, start, 1e-12);
      expectClose(range.endSeconds, end, 1e-12);
    },
  );
});

describe('formatTimelineSeconds', () => {
  it.each([
    [0, '0'],
    [1.256, '1.26'],
    [59.4, '59.4'],
    [61, '1:01'],
    [3599.6, '1:00:00'],
    [3725, '1:02:05'],
  ])('writes %d s as %j', (seconds, text) => {
    expect(formatTimelineSeconds(seconds)).toBe(text);
  });
});

describe('timelineSteps', () => {
  it.each([
    [310, 0.5, 0.1],
    [1240, 0.1, 0.02],
    [0.34, 300, 60],
    [4000, 0.02, 0.01],
    [40, 2, 0.4],
  ])('at %d px/s labels every %d s with notches every %d s', (scale, label, notch) => {
    const steps = timelineSteps(scale);
    expect(steps.primaryLabelInterval).toBe(label);
    expect(steps.secondaryLabelInterval).toBe(label);
    expectClose(steps.timeInterval, notch, 1e-12);
  });

  it('leaves at least 70 px between labels', () => {
    for (const scale of [0.01, 0.3, 3, 30, 300, 3000]) {
      const { primaryLabelInterval } = timelineSteps(scale);
      expect(primaryLabelInterval * scale).toBeGreaterThanOrEqual(70);
    }
  });
});
