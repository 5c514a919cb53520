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
  /**
   * Fixed level ranges, one per unit (a missing one: the axis follows the levels). Per unit, as
   * the numbers mean nothing in the other: −140…−40 dBFS/Hz read as dB SPL/Hz lies below any
   * sound, so a calibration showed an empty chart. The person's range for the uncalibrated
   * microphone comes back when the calibration goes.
   */
  readonly levelsByUnit: LevelsByUnit;
}

/** The live spectrum's level units (a baseline-matched one is in dBFS/Hz). */
export type LiveLevelUnit = 'dBFS/Hz' | 'dB SPL/Hz';
const LEVEL_UNITS: readonly LiveLevelUnit[] = ['dBFS/Hz', 'dB SPL/Hz'];

export type LevelsByUnit = Readonly<Partial<Record<LiveLevelUnit, LevelRange>>>;

/** Where a fixed level range starts, by unit: a machine's PSD in dBFS/Hz, or in dB SPL/Hz. */
export const FIXED_LEVELS_START: Readonly<Record<LiveLevelUnit, LevelRange>> = {
  'dBFS/Hz': { minDb: -140, maxDb: -40 },
  'dB SPL/Hz': { minDb: -20, maxDb: 80 },
};

/** The fixed level range for `unit`, or null: automatic. */
export function fixedLevels(view: LiveViewSettings, unit: LiveLevelUnit): LevelRange | null {
  return view.levelsByUnit[unit] ?? null;
}

/** The settings with `unit`'s range fixed to `range` (null: automatic); other units kept. */
export function withFixedLevels(
  view: LiveViewSettings,
  unit: LiveLevelUnit,
  range: LevelRange | null,
): LiveViewSettings {
  const levelsByUnit: Partial<Record<LiveLevelUnit, LevelRange>> = { ...view.levelsByUnit };
  if (range === null) delete levelsByUnit[unit];
  else levelsByUnit[unit] = range;
  return { ...view, levelsByUnit };
}

export const DEFAULT_LIVE_VIEW: LiveViewSettings = {
  scale: 'log',
  minHz: null,
  maxHz: null,
  averagingSeconds: 0,
  peakHold: false,
  levelsByUnit: {},
};

export const LIVE_VIEW_STORAGE_KEY = 'auscult.liveView';

/** Settings from stored JSON; anything missing or malformed takes its default. */
export function parseLiveView(text: string | null): LiveViewSettings {
  const raw = storedObject(text);
  if (raw === null) return DEFAULT_LIVE_VIEW;
  const averaging = AVERAGING_CHOICES_SECONDS.find((s) => s === raw.averagingSeconds);
  return {
    scale: raw.scale === 'linear' ? 'linear' : 'log',
    minHz: storedNumber(raw.minHz),
    maxHz: storedNumber(raw.maxHz),
    averagingSeconds: averaging ?? 0,
    peakHold: raw.peakHold === true,
    levelsByUnit: storedLevels(raw),
  };
}

/** A stored range, if it is one (both ends, in order). */
function storedRange(value: unknown): LevelRange | null {
  const range = value as Record<string, unknown> | null | undefined;
  const minDb = storedNumber(range?.minDb);
  const maxDb = storedNumber(range?.maxDb);
  return minDb !== null && maxDb !== null && maxDb > minDb ? { minDb, maxDb } : null;
}

/** The stored ranges by unit; one saved before ranges had units (`levels`) was in dBFS/Hz. */
function storedLevels(raw: Record<string, unknown>): LevelsByUnit {
  const byUnit = (raw.levelsByUnit ?? { 'dBFS/Hz': raw.levels }) as Record<string, unknown>;
  const levels: Partial<Record<LiveLevelUnit, LevelRange>> = {};
  for (const unit of LEVEL_UNITS) {
    const range = storedRange(byUnit?.[unit]);
    if (range) levels[unit] = range;
  }
  return levels;
}

/** The axis the settings give at `sampleRateHz`: up to 0.45 × the rate (see zoomedAxis). */
export function liveViewAxis(settings: LiveViewSettings, sampleRateHz: number): FrequencyAxis {
  const topHz = USABLE_BAND_FRACTION * sampleRateHz;
  return zoomedAxis(settings.scale, settings.minHz, settings.maxHz, topHz);
}
