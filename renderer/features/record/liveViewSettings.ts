/**
 * The person's settings of the live view (axis, frequency range, averaging, peak hold, level
 * range), checked when read back from localStorage: a view setting belongs to the person and the
 * browser, not to the library. Pure apart from the two storage functions.
 */
import { LOG_AXIS_MIN_HZ, USABLE_BAND_FRACTION } from '../../chart/frequencyAxis.ts';
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

const finiteOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/** Settings from stored JSON; anything missing or malformed takes its default. */
export function parseLiveView(text: string | null): LiveViewSettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === null ? null : JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
  } catch {
    return DEFAULT_LIVE_VIEW;
  }
  const levels = raw.levels as Record<string, unknown> | null | undefined;
  const minDb = finiteOrNull(levels?.minDb);
  const maxDb = finiteOrNull(levels?.maxDb);
  const averaging = AVERAGING_CHOICES_SECONDS.find((s) => s === raw.averagingSeconds);
  return {
    scale: raw.scale === 'linear' ? 'linear' : 'log',
    minHz: finiteOrNull(raw.minHz),
    maxHz: finiteOrNull(raw.maxHz),
    averagingSeconds: averaging ?? 0,
    peakHold: raw.peakHold === true,
    levels: minDb !== null && maxDb !== null && maxDb > minDb ? { minDb, maxDb } : null,
  };
}

/**
 * The axis the settings give at `sampleRateHz`: the range asked for, kept inside what the axis
 * can show (from 5 Hz on a log axis, 0 Hz on a linear one, up to 0.45 × the rate) and at least
 * a tenth of it wide; the whole band when the range makes no sense there.
 */
export function liveViewAxis(settings: LiveViewSettings, sampleRateHz: number): FrequencyAxis {
  const floorHz = settings.scale === 'log' ? LOG_AXIS_MIN_HZ : 0;
  const topHz = USABLE_BAND_FRACTION * sampleRateHz;
  const minHz = Math.min(Math.max(settings.minHz ?? floorHz, floorHz), topHz);
  const maxHz = Math.min(Math.max(settings.maxHz ?? topHz, floorHz), topHz);
  const wideEnough =
    settings.scale === 'log' ? maxHz >= minHz * 1.1 : maxHz - minHz >= (topHz - floorHz) / 1000;
  return wideEnough
    ? { scale: settings.scale, minHz, maxHz }
    : { scale: settings.scale, minHz: floorHz, maxHz: topHz };
}

export function loadLiveView(storage: Pick<Storage, 'getItem'> | undefined): LiveViewSettings {
  try {
    return parseLiveView(storage?.getItem(LIVE_VIEW_STORAGE_KEY) ?? null);
  } catch {
    // Storage refused (private mode, a policy): the defaults.
    return DEFAULT_LIVE_VIEW;
  }
}

export function saveLiveView(
  storage: Pick<Storage, 'setItem'> | undefined,
  settings: LiveViewSettings,
): void {
  try {
    storage?.setItem(LIVE_VIEW_STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Not remembered; the view still works.
  }
}
