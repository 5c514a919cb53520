/**
 * Zoom arithmetic of the waveform, in pixels per second of audio, free of DOM so it is tested in
 * Node. "Fit" shows the whole recording in the visible width; zooming stops at
 * MAX_PX_PER_SECOND, where one pixel is a quarter of a millisecond.
 */

export const MAX_PX_PER_SECOND = 4000;
/** Each zoom button press doubles or halves the scale. */
export const ZOOM_STEP = 2;

/** The scale that shows `durationSeconds` in `widthPx` (0 for an empty view). */
export function fitPxPerSecond(widthPx: number, durationSeconds: number): number {
  if (!(widthPx > 0) || !(durationSeconds > 0)) return 0;
  return widthPx / durationSeconds;
}

/**
 * The next scale after one zoom step in `direction` (+1 in, -1 out) from `current`, kept between
 * the fit scale and MAX_PX_PER_SECOND (the fit scale may exceed it for a very short recording).
 */
export function stepZoom(current: number, direction: 1 | -1, fitScale: number): number {
  const base = Math.max(current, fitScale);
  const next = direction === 1 ? base * ZOOM_STEP : base / ZOOM_STEP;
  return Math.min(Math.max(next, fitScale), Math.max(MAX_PX_PER_SECOND, fitScale));
}

/** Whether another step in `direction` would change anything. */
export function canZoom(current: number, direction: 1 | -1, fitScale: number): boolean {
  return Math.abs(stepZoom(current, direction, fitScale) - Math.max(current, fitScale)) > 1e-9;
}

/**
 * The stretch of audio on screen from the scroll position: `contentPx` is the waveform's full
 * width, `viewportPx` the visible part, `scrollPx` how far it is scrolled.
 */
export function visibleRange(
  scrollPx: number,
  viewportPx: number,
  contentPx: number,
  durationSeconds: number,
): { startSeconds: number; endSeconds: number } {
  if (!(contentPx > 0) || !(durationSeconds > 0)) return { startSeconds: 0, endSeconds: 0 };
  const clamp = (s: number) => Math.min(durationSeconds, Math.max(0, s));
  const secondsPerPx = durationSeconds / Math.max(contentPx, viewportPx);
  return {
    startSeconds: clamp(scrollPx * secondsPerPx),
    endSeconds: clamp((scrollPx + viewportPx) * secondsPerPx),
  };
}
