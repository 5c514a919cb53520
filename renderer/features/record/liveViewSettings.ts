/**
 * The person's settings of the live view (axis, frequency range, averaging, peak hold, level
 * range), remembered by this browser (useStoredState) and checked when read back. Pure.
 */
import { storedNumber, storedObject } from '../../app/storedSetting.ts';
import { USABLE_BAND_FRACTION, zoomedAxis } from '../../chart/frequencyAxis.ts';
import type { FrequencyAxis, FrequencyScale } from '../../chart/frequencyAxis.ts';
import type { LevelRange } from '../../chart/liveSpectrumLayout.ts';
import { AVERAGING_CHOICES_SECONDS } from './liveAveraging.ts';

export interface LiveViewSettings {
  readonly scale: FrequencyScale;
  /** Frequency range asked for, Hz; null: the axis's own end. */
  readonly minHz: number | null;
  readonly maxHz: number | null;
  /** Time constant of the spectrum's exponential average, seconds; 0: off. */
  readonly averagingSeconds: number;
  readonly peakHold: boolean;
  /** Fixed level range, dB; null: the axis follows the levels. */
  readonly levels: LevelRange | null;
}

export const DEFAULT_LIVE_VIEW: LiveViewSettings = {
  scale: 'log',
  minHz: null,
  maxHz: null,
  averagingSeconds: 0,
  peakHold: false,
  levels: null,
};

export const LIVE_VIEW_STORAGE_KEY = 'auscult.liveView';

/** Settings from stored JSON; anything missing or malformed takes its default. */
export function parseLiveView(text: string | null): LiveViewSettings {
  const raw = storedObject(text);
  if (raw === null) return DEFAULT_LIVE_VIEW;
  const levels = raw.levels as Record<string, unknown> | null | undefined;
  const minDb = storedNumber(levels?.minDb);
  const maxDb = storedNumber(levels?.maxDb);
  const averaging = AVERAGING_CHOICES_SECONDS.find((s) => s === raw.averagingSeconds);
  return {
    scale: raw.scale === 'linear' ? 'linear' : 'log',
    minHz: storedNumber(raw.minHz),
    maxHz: storedNumber(raw.maxHz),
    averagingSeconds: averaging ?? 0,
    peakHold: raw.peakHold === true,
    levels: minDb !== null && maxDb !== null && maxDb > minDb ? { minDb, maxDb } : null,
  };
}

/** The axis the settings give at `sampleRateHz`: up to 0.45 × the rate (see zoomedAxis). */
export function liveViewAxis(settings: LiveViewSettings, sampleRateHz: number): FrequencyAxis {
  const topHz = USABLE_BAND_FRACTION * sampleRateHz;
  return zoomedAxis(settings.scale, settings.minHz, settings.maxHz, topHz);
}
