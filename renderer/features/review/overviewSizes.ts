/**
 * How much of a recording's overview the Review screen asks the host for: waveform peak buckets
 * and spectrogram columns, within the API's limits (shared/api/limits.ts).
 */
import { MAX_PEAK_BUCKETS, MAX_SPECTROGRAM_COLUMNS } from '../../../shared/api/limits.ts';

/**
 * Peak buckets asked of the host: one per millisecond, at least 2000 and at most
 * MAX_PEAK_BUCKETS, so a short recording stays detailed when zoomed and an hour costs little.
 */
export function peakCount(durationSeconds: number): number {
  const wanted = Number.isFinite(durationSeconds) ? Math.ceil(durationSeconds * 1000) : 0;
  return Math.min(MAX_PEAK_BUCKETS, Math.max(2000, wanted));
}

/** Columns of the first spectrogram: about the width of the page's waveform. */
export const OVERVIEW_COLUMNS = 1200;
/** Columns asked for once the view is zoomed far in (see needsDetail): the host's maximum. */
export const DETAIL_COLUMNS = MAX_SPECTROGRAM_COLUMNS;

/**
 * Whether the overview is too coarse for what is on screen: fewer than one column per four
 * pixels. Then one finer spectrogram is fetched, once; zooming itself never waits for the host.
 */
export function needsDetail(
  columnCount: number,
  durationSeconds: number,
  visibleSeconds: number,
  widthPx: number,
): boolean {
  if (!(durationSeconds > 0) || !(visibleSeconds > 0) || !(widthPx > 0)) return false;
  return columnCount * (visibleSeconds / durationSeconds) < widthPx / 4;
}
