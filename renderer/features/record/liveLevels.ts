/**
 * What unit the live spectrum's levels are in, and the conversion for a calibrated input device.
 * The analyser measures power spectral densities in dBFS/Hz and, with a baseline, lowers them by
 * the gain that matches them to the baseline's median (spectrumPoints.ts, baselineGainDb): the
 * numbers are then on the baseline's scale, relative. Through a calibrated microphone the chart
 * shows absolute levels instead, as Review does: the live spectrum back on its own level and in
 * dB SPL/Hz, and the baseline's curves moved by the same gain and calibration, so what stands
 * above the normal band is unchanged (docs/formats.md, "Microphone calibration"). Pure.
 */
import { splOffsetDb } from '../../../shared/audio/calibration/micCalibration.ts';
import type { MicCalibration } from '../../../shared/audio/calibration/micCalibration.ts';
import type { LiveSeries } from '../../chart/liveSpectrumLayout.ts';
import type { SpectrumSeries } from '../../chart/spectrumLayout.ts';

/** 'baseline': dBFS/Hz lowered onto the baseline's scale; else the unit of absolute levels. */
export type LiveLevelScale = 'baseline' | 'dBFS/Hz' | 'dB SPL/Hz';

export function liveLevelScale(matched: boolean, calibrated: boolean): LiveLevelScale {
  if (calibrated) return 'dB SPL/Hz';
  return matched ? 'baseline' : 'dBFS/Hz';
}

function shifted(
  frequenciesHz: ArrayLike<number>,
  levelsDb: ArrayLike<number>,
  shiftDb: (frequencyHz: number) => number,
): number[] {
  return Array.from(levelsDb, (levelDb, i) => levelDb + shiftDb(frequenciesHz[i]));
}

/**
 * The live series (lowered by `gainDb`, 0 when not matched) in dB SPL/Hz: the gain undone, then
 * the calibration's offset at each frequency. A new series; the input is not changed.
 */
export function calibratedLiveSeries(
  series: LiveSeries,
  calibration: MicCalibration,
  gainDb: number,
): LiveSeries {
  const shiftDb = (frequencyHz: number) => gainDb + splOffsetDb(calibration, frequencyHz);
  const { frequenciesHz, levelsDb, peakDb } = series;
  return {
    frequenciesHz,
    levelsDb: shifted(frequenciesHz, levelsDb, shiftDb),
    peakDb: peakDb ? shifted(frequenciesHz, peakDb, shiftDb) : (peakDb ?? null),
  };
}

/** The baseline's curves moved exactly as calibratedLiveSeries moves the live levels. */
export function calibratedBaseline(
  baseline: SpectrumSeries,
  calibration: MicCalibration,
  gainDb: number,
): SpectrumSeries {
  const shiftDb = (frequencyHz: number) => gainDb + splOffsetDb(calibration, frequencyHz);
  const { frequenciesHz } = baseline;
  return {
    frequenciesHz,
    medianDb: shifted(frequenciesHz, baseline.medianDb, shiftDb),
    lowerDb: shifted(frequenciesHz, baseline.lowerDb, shiftDb),
    upperDb: shifted(frequenciesHz, baseline.upperDb, shiftDb),
  };
}
