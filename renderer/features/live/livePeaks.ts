/**
 * The strongest lines of the received live spectrum, for the expert's peak list (and the tests,
 * which read it from the page rather than from pixels). Peaks must stand out from their
 * surroundings (prominence) so that the slope of the noise floor does not count as a line.
 */
import { splOffsetDb } from '../../../shared/audio/calibration/micCalibration.ts';
import type { MicCalibration } from '../../../shared/audio/calibration/micCalibration.ts';
import { findPeaks } from '../../../shared/dsp/peaks.ts';
import type { LiveSpectrum } from '../record/liveMessages.ts';

export interface LivePeak {
  readonly frequencyHz: number;
  readonly levelDb: number;
}

/** Lines listed at most. */
export const LIVE_PEAK_COUNT = 8;
/** How far a line must rise above the valleys on either side, dB. */
const MIN_PROMINENCE_DB = 6;

/**
 * The `count` highest prominent peaks of `spectrum`, loudest first: on the spectrum's own scale,
 * or through the technician's microphone `calibration` in dB SPL/Hz (the baseline match undone,
 * the calibration's offset at each peak's frequency added, as the live chart draws them).
 */
export function livePeaks(
  spectrum: LiveSpectrum,
  calibration: MicCalibration | null = null,
  count = LIVE_PEAK_COUNT,
): LivePeak[] {
  const series = {
    frequenciesHz: Float64Array.from(spectrum.frequenciesHz),
    values: Float64Array.from(spectrum.levelsDb),
  };
  if (series.values.length < 3) return [];
  return findPeaks(series, {
    valueScale: 'db',
    minProminenceDb: MIN_PROMINENCE_DB,
    maxPeaks: count,
    sortBy: 'level',
  }).map(({ frequencyHz, levelDb }) => ({
    frequencyHz,
    levelDb: calibration
      ? levelDb + (spectrum.gainDb ?? 0) + splOffsetDb(calibration, frequencyHz)
      : levelDb,
  }));
}
