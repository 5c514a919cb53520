/**
 * A frequency axis that is either logarithmic or linear, free of DOM so the live spectrum, the
 * live spectrogram (drawn in a worker's cells) and their tests share one mapping.
 */
import { linearPosition, linearTicks, logPosition, logTicks } from './scales.ts';

export type FrequencyScale = 'log' | 'linear';

export interface FrequencyAxis {
  readonly scale: FrequencyScale;
  /** Left end of the axis, Hz (> 0 on a log axis). */
  readonly minHz: number;
  /** Right end of the axis, Hz. */
  readonly maxHz: number;
}

/** Lowest frequency a live log axis shows: below the slowest shaft's fundamental of interest. */
export const LOG_AXIS_MIN_HZ = 5;

/** Live charts show up to this fraction of the sample rate (below the anti-alias roll-off). */
export const USABLE_BAND_FRACTION = 0.45;

/**
 * The axis live charts use at `sampleRateHz`: 5 Hz (log) or 0 Hz (linear) up to 0.45 × the
 * sample rate, the band the diagnosis analyses too.
 */
export function liveFrequencyAxis(scale: FrequencyScale, sampleRateHz: number): FrequencyAxis {
  if (!(sampleRateHz > 0)) throw new RangeError('liveFrequencyAxis: sampleRateHz must be > 0');
  if (scale !== 'log' && scale !== 'linear') {
    throw new RangeError("liveFrequencyAxis: scale must be 'log' or 'linear'");
  }
  return {
    scale,
    minHz: scale === 'log' ? LOG_AXIS_MIN_HZ : 0,
    maxHz: USABLE_BAND_FRACTION * sampleRateHz,
  };
}

/**
 * The axis for a range a person asked for (null: that end of the axis), kept inside what the
 * axis can show (from 5 Hz on a log axis, 0 Hz on a linear one, up to `topHz`) and wide enough
 * to read (on a log axis max ≥ 1.1 × min, on a linear one a thousandth of the band); the whole
 * band when the range makes no sense there (empty or reversed).
 */
export function zoomedAxis(
  scale: FrequencyScale,
  minHz: number | null,
  maxHz: number | null,
  topHz: number,
): FrequencyAxis {
  const floorHz = scale === 'log' ? LOG_AXIS_MIN_HZ : 0;
  const clamp = (hz: number) => Math.min(Math.max(hz, floorHz), topHz);
  const low = clamp(minHz ?? floorHz);
  const high = clamp(maxHz ?? topHz);
  const wideEnough = scale === 'log' ? high >= low * 1.1 : high - low >= (topHz - floorHz) / 1000;
  return wideEnough ? { scale, minHz: low, maxHz: high } : { scale, minHz: floorHz, maxHz: topHz };
}

/** Position of `frequencyHz` on the axis: 0 at minHz, 1 at maxHz (outside: below 0, above 1). */
export function frequencyPosition(frequencyHz: number, axis: FrequencyAxis): number {
  return axis.scale === 'log'
    ? logPosition(frequencyHz, axis.minHz, axis.maxHz)
    : linearPosition(frequencyHz, axis.minHz, axis.maxHz);
}

/** The frequency at `position` (0..1) of the axis: the inverse of frequencyPosition. */
export function frequencyAt(position: number, axis: FrequencyAxis): number {
  return axis.scale === 'log'
    ? axis.minHz * (axis.maxHz / axis.minHz) ** position
    : axis.minHz + position * (axis.maxHz - axis.minHz);
}

/** Tick values of the axis: 1-2-5 per decade (log) or round steps (linear). */
export function frequencyTicks(axis: FrequencyAxis, maxTicks = 12): number[] {
  return axis.scale === 'log'
    ? logTicks(axis.minHz, axis.maxHz, maxTicks)
    : linearTicks(axis.minHz, axis.maxHz, Math.min(maxTicks, 10));
}

/**
 * For each of `slots` equal slots of `axis` (slot 0 at its low end), the first and last bin it
 * covers, as [first, last] pairs. `bins` says what a bin is: 'points' — bin k is the frequency
 * k·binWidthHz (an FFT's bins: a slot narrower than a bin takes the bin nearest its centre);
 * 'intervals' — bin k covers [k, k + 1)·binWidthHz (a spectrogram's pooled cells: every slot
 * overlaps at least one).
 */
export function axisBinRanges(
  axis: FrequencyAxis,
  slots: number,
  binWidthHz: number,
  binCount: number,
  bins: 'points' | 'intervals',
): Int32Array {
  const out = new Int32Array(2 * slots);
  const clamp = (k: number) => Math.min(binCount - 1, Math.max(0, k));
  for (let s = 0; s < slots; s++) {
    const lowHz = frequencyAt(s / slots, axis);
    const highHz = frequencyAt((s + 1) / slots, axis);
    let first = bins === 'points' ? Math.ceil(lowHz / binWidthHz) : Math.floor(lowHz / binWidthHz);
    let last = Math.ceil(highHz / binWidthHz) - 1;
    if (last < first) first = last = Math.round((lowHz + highHz) / 2 / binWidthHz);
    out[2 * s] = clamp(first);
    out[2 * s + 1] = clamp(last);
  }
  return out;
}
