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

/** The timeline's label for `seconds`: "m:ss" from a minute on, else seconds with ≤ 2 decimals. */
export function formatTimelineSeconds(seconds: number): string {
  if (seconds >= 60) {
    const whole = Math.round(seconds);
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    if (minutes >= 60) {
      const hours = Math.floor(minutes / 60);
      return `${hours}:${String(minutes % 60).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
    }
    return `${minutes}:${String(rest).padStart(2, '0')}`;
  }
  return String(Math.round(seconds * 100) / 100);
}

/** Label steps of the timeline, seconds: 1-2-5 below a minute, then minutes and hours. */
const LABEL_STEPS = [
  0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
];
/** Labels need this much room, in pixels; notches this much. */
const LABEL_SPACING_PX = 70;
const NOTCH_SPACING_PX = 8;

export interface TimelineSteps {
  /** Seconds between notches. */
  readonly timeInterval: number;
  /** Seconds between labels (primary and secondary alike). */
  readonly primaryLabelInterval: number;
  readonly secondaryLabelInterval: number;
}

/**
 * Timeline notches and labels for a scale of `pxPerSecond`: labels at the smallest step that
 * leaves LABEL_SPACING_PX between them, notches at a fifth or a half of it when they fit.
 */
export function timelineSteps(pxPerSecond: number): TimelineSteps {
  const scale = pxPerSecond > 0 && Number.isFinite(pxPerSecond) ? pxPerSecond : 1;
  const label =
    LABEL_STEPS.find((step) => step * scale >= LABEL_SPACING_PX) ?? LABEL_STEPS.at(-1) ?? 3600;
  const notch = [label / 5, label / 2, label].find(
    (step) => step >= 0.01 && step * scale >= NOTCH_SPACING_PX,
  );
  return {
    timeInterval: notch ?? label,
    primaryLabelInterval: label,
    secondaryLabelInterval: label,
  };
}
