/**
 * The person's spectrogram view on Review (log or linear frequency axis, a range to zoom to),
 * remembered by this browser in localStorage and checked when read back.
 */
import { LOG_AXIS_MIN_HZ } from '../../chart/frequencyAxis.ts';
import type { FrequencyAxis, FrequencyScale } from '../../chart/frequencyAxis.ts';

export interface SpectrogramViewSettings {
  readonly scale: FrequencyScale;
  /** Range asked for, Hz; null: the axis's own end. */
  readonly minHz: number | null;
  readonly maxHz: number | null;
}

export const SPECTROGRAM_VIEW_KEY = 'auscult.spectrogramView';
const DEFAULT_VIEW: SpectrogramViewSettings = { scale: 'log', minHz: null, maxHz: null };

const finite = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export function loadSpectrogramView(
  storage: Pick<Storage, 'getItem'> | undefined,
): SpectrogramViewSettings {
  try {
    const raw = JSON.parse(storage?.getItem(SPECTROGRAM_VIEW_KEY) ?? 'null') as Record<
      string,
      unknown
    > | null;
    if (raw === null || typeof raw !== 'object') return DEFAULT_VIEW;
    return {
      scale: raw.scale === 'linear' ? 'linear' : 'log',
      minHz: finite(raw.minHz),
      maxHz: finite(raw.maxHz),
    };
  } catch {
    return DEFAULT_VIEW;
  }
}

export function saveSpectrogramView(
  storage: Pick<Storage, 'setItem'> | undefined,
  view: SpectrogramViewSettings,
): void {
  try {
    storage?.setItem(SPECTROGRAM_VIEW_KEY, JSON.stringify(view));
  } catch {
    // Not remembered; the view still works.
  }
}

/**
 * The axis for a spectrogram up to `maxFrequencyHz`: the range asked for inside [5 Hz (log) or
 * 0 Hz (linear), maxFrequencyHz]; the whole band when the range is empty or reversed there.
 */
export function spectrogramAxis(
  view: SpectrogramViewSettings,
  maxFrequencyHz: number,
): FrequencyAxis {
  const floorHz = view.scale === 'log' ? LOG_AXIS_MIN_HZ : 0;
  const clamp = (hz: number) => Math.min(Math.max(hz, floorHz), maxFrequencyHz);
  const minHz = clamp(view.minHz ?? floorHz);
  const maxHz = clamp(view.maxHz ?? maxFrequencyHz);
  const usable = view.scale === 'log' ? maxHz >= minHz * 1.1 : maxHz > minHz;
  return usable
    ? { scale: view.scale, minHz, maxHz }
    : { scale: view.scale, minHz: floorHz, maxHz: maxFrequencyHz };
}
