/**
 * The stretch of a recording analysed when the Review screen opens: the whole recording minus
 * its start and stop transients (a machine spinning up, a hand reaching for the recorder). Each
 * end loses 0.5 s or 5 % of the duration, whichever is smaller, so a 4 s recording keeps
 * 0.2–3.8 s and an hour keeps 0.5 s to 3599.5 s.
 */
import { ANALYSIS } from '../../../shared/diagnosis/features/settings.ts';

export const TRANSIENT_SECONDS = 0.5;
/** The shortest stretch the host analyses (review.selection refuses less). */
export const MIN_REGION_SECONDS = ANALYSIS.minDurationSeconds;
export const TRANSIENT_FRACTION = 0.05;

export interface TimeRange {
  readonly startSeconds: number;
  readonly endSeconds: number;
}

/** The default analysis region of a recording of `durationSeconds` (> 0). */
export function defaultRegion(durationSeconds: number): TimeRange {
  if (!(durationSeconds > 0) || !Number.isFinite(durationSeconds)) {
    throw new RangeError('defaultRegion: durationSeconds must be a positive finite number');
  }
  const trimSeconds = Math.min(TRANSIENT_SECONDS, TRANSIENT_FRACTION * durationSeconds);
  return { startSeconds: trimSeconds, endSeconds: durationSeconds - trimSeconds };
}

/**
 * A region clamped into [0, durationSeconds] with its ends in order and at least
 * `minimumSeconds` long where the recording allows; times rounded to 1 ms, so tiny drags of a
 * handle do not start a new analysis.
 */
export function normaliseRegion(
  region: TimeRange,
  durationSeconds: number,
  minimumSeconds = MIN_REGION_SECONDS,
): TimeRange {
  const round = (s: number) => Math.round(s * 1000) / 1000;
  let start = Math.max(0, Math.min(region.startSeconds, region.endSeconds));
  let end = Math.min(durationSeconds, Math.max(region.startSeconds, region.endSeconds));
  const minimum = Math.min(minimumSeconds, durationSeconds);
  if (end - start < minimum) {
    end = Math.min(durationSeconds, start + minimum);
    start = Math.max(0, end - minimum);
  }
  return { startSeconds: round(start), endSeconds: round(end) };
}
