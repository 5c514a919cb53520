/**
 * Ticks of a time axis, free of DOM so they are tested in Node: steps that keep labels apart at
 * any zoom, the ticks of a visible stretch, and labels as seconds, m:ss or h:mm:ss.
 */

/** Label steps, seconds: 1-2-5 below a minute, then minutes and hours. */
const LABEL_STEPS = [
  0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
];
/** Labels need this much room, in pixels; ticks this much. */
const LABEL_SPACING_PX = 70;
const TICK_SPACING_PX = 8;

export interface TimeSteps {
  /** Seconds between ticks; a whole fraction (1, 1/2 or 1/5) of labelSeconds. */
  readonly tickSeconds: number;
  /** Seconds between labels. */
  readonly labelSeconds: number;
  /** Labels per tick step: labelSeconds / tickSeconds (1, 2 or 5). */
  readonly ticksPerLabel: number;
}

/**
 * Steps for a scale of `pxPerSecond`: labels at the smallest step that leaves 70 px between
 * them, ticks at a fifth or a half of it when they stay 8 px apart.
 */
export function timeSteps(pxPerSecond: number): TimeSteps {
  const scale = pxPerSecond > 0 && Number.isFinite(pxPerSecond) ? pxPerSecond : 1;
  const labelSeconds = LABEL_STEPS.find((step) => step * scale >= LABEL_SPACING_PX) ?? 7200;
  const ticksPerLabel =
    [5, 2].find((n) => labelSeconds / n >= 0.01 && (labelSeconds / n) * scale >= TICK_SPACING_PX) ??
    1;
  return { tickSeconds: labelSeconds / ticksPerLabel, labelSeconds, ticksPerLabel };
}

/** Decimals a label needs for a step of `stepSeconds`: 0 from 1 s, 1 from 0.1 s, else 2. */
export function decimalsFor(stepSeconds: number): number {
  return stepSeconds >= 1 ? 0 : stepSeconds >= 0.1 ? 1 : 2;
}

/** `seconds` as "12.5", "1:02.5" or "1:00:02" with `decimals` decimals of a second. */
export function formatTime(seconds: number, decimals = 0): string {
  if (!Number.isFinite(seconds)) return '—';
  const scale = 10 ** decimals;
  const total = Math.round(Math.max(0, seconds) * scale) / scale;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = (total % 60).toFixed(decimals);
  if (hours === 0 && minutes === 0) return rest;
  const paddedRest = rest.padStart(decimals > 0 ? 3 + decimals : 2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${paddedRest}`
    : `${minutes}:${paddedRest}`;
}

export interface TimeTick {
  readonly seconds: number;
  /** Position in CSS pixels from the left edge. */
  readonly x: number;
  /** The label, or null for a tick without one. */
  readonly label: string | null;
}

/** The ticks of [startSeconds, endSeconds] drawn `widthPx` wide. */
export function timeTicks(startSeconds: number, endSeconds: number, widthPx: number): TimeTick[] {
  const span = endSeconds - startSeconds;
  if (!(span > 0) || !(widthPx > 0)) return [];
  const steps = timeSteps(widthPx / span);
  const decimals = decimalsFor(steps.labelSeconds);
  const ticks: TimeTick[] = [];
  const first = Math.ceil(startSeconds / steps.tickSeconds - 1e-9);
  const last = Math.floor(endSeconds / steps.tickSeconds + 1e-9);
  for (let k = first; k <= last; k++) {
    // From the label step, so 0.1-second ticks stay exact (k × 0.02 would drift).
    const seconds = (k * steps.labelSeconds) / steps.ticksPerLabel;
    ticks.push({
      seconds,
      x: ((seconds - startSeconds) / span) * widthPx,
      label: k % steps.ticksPerLabel === 0 ? formatTime(seconds, decimals) : null,
    });
  }
  return ticks;
}
