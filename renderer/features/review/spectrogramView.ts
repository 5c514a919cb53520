/**
 * The person's spectrogram view on Review (log or linear frequency axis, a range to zoom to),
 * remembered by this browser (useStoredState) and checked when read back.
 */
import { storedNumber, storedObject } from '../../app/storedSetting.ts';
import { zoomedAxis } from '../../chart/frequencyAxis.ts';
import type { FrequencyAxis, FrequencyScale } from '../../chart/frequencyAxis.ts';

export interface SpectrogramViewSettings {
  readonly scale: FrequencyScale;
  /** Range asked for, Hz; null: the axis's own end. */
  readonly minHz: number | null;
  readonly maxHz: number | null;
}

export const SPECTROGRAM_VIEW_KEY = 'auscult.spectrogramView';

/** The view from stored JSON; anything missing or malformed gives the log axis's whole band. */
export function parseSpectrogramView(text: string | null): SpectrogramViewSettings {
  const raw = storedObject(text) ?? {};
  return {
    scale: raw.scale === 'linear' ? 'linear' : 'log',
    minHz: storedNumber(raw.minHz),
    maxHz: storedNumber(raw.maxHz),
  };
}

/** The axis for a spectrogram up to `maxFrequencyHz` (see zoomedAxis). */
export function spectrogramAxis(
  view: SpectrogramViewSettings,
  maxFrequencyHz: number,
): FrequencyAxis {
  return zoomedAxis(view.scale, view.minHz, view.maxHz, maxFrequencyHz);
}
