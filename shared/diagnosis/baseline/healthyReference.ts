/**
 * The healthy machine's levels near a frequency, read from a baseline model's grid. Recordings
 * are measured on their own (often finer) grid and compared with this, so a narrow line is never
 * smeared by resampling it onto the baseline's bins.
 */
import { median, windowMax } from '../features/levels.ts';

export interface HealthyLevels {
  readonly medianDb: readonly number[];
  readonly spreadDb: readonly number[];
  readonly upperDb: readonly number[];
  readonly binWidthHz: number;
}

export interface HealthyAt {
  /** Highest healthy level within the window, dB. */
  readonly upperDb: number;
  /** Largest robust spread within the window, dB. */
  readonly spreadDb: number;
  /** upperDb over the median healthy level around the window, dB. */
  readonly prominenceDb: number;
}

const FLOOR_HALF_WIDTH_BINS = 12;

/** Healthy levels within frequencyHz ± halfWidthHz (at least one bin each side). */
export function healthyAt(
  healthy: HealthyLevels,
  frequencyHz: number,
  halfWidthHz: number,
): HealthyAt {
  const centre = frequencyHz / healthy.binWidthHz;
  const halfWidth = Math.max(1, halfWidthHz / healthy.binWidthHz);
  const upperDb = windowMax(healthy.upperDb, centre, halfWidth);
  const spreadDb = windowMax(healthy.spreadDb, centre, halfWidth);
  const floorHalf = Math.max(FLOOR_HALF_WIDTH_BINS, Math.ceil(halfWidth) + 4);
  const k = Math.round(centre);
  const around = healthy.medianDb.slice(Math.max(0, k - floorHalf), k + floorHalf + 1);
  return { upperDb, spreadDb, prominenceDb: upperDb - median(around.filter(Number.isFinite)) };
}
