import { describe, expect, it } from 'vitest';
import {
  canZoom,
  fitPxPerSecond,
  MAX_PX_PER_SECOND,
  stepZoom,
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
