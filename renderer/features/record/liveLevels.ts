/**
 * What unit the live spectrum's levels are in, and the conversion for a calibrated input device.
 * The analyser measures power spectral densities in dBFS/Hz and, with a baseline, lowers them by
 * the gain that matches them to the baseline's median (spectrumPoints.ts, baselineGainDb): the
 * numbers are then on the baseline's scale, relative. Through a calibrated microphone the chart
 * shows absolute levels instead, as Review does: the live spectrum back on its own level and in
 * dB SPL/Hz, and the baseline's curves moved by the same gain and calibration, so what stands
 * above the normal band is unchanged (docs/formats.md, "Microphone calibration"). Pure: the
 * offsets it remembers between frames change no result.
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

/**
 * The calibration's offsets, remembered per calibration and frequency. The live points'
 * frequencies are always bins of the worker's FFT grid (each group's loudest bin), so after the
 * first frames every point is a hit: no frame interpolates the curve again (8 frames a second,
 * on the page's thread). The values are splOffsetDb's own, so the levels are the same numbers.
 */
const offsetsByCalibration = new WeakMap<MicCalibration, Map<number, number>>();

/** Far more than the bins of every grid a session uses; past it the memory starts again. */
const MAX_REMEMBERED_FREQUENCIES = 65_536;

/** splOffsetDb at each of `frequenciesHz`, through the memory above. */
function splOffsetsDb(calibration: MicCalibration, frequenciesHz: ArrayLike<number>): Float64Array {
  let known = offsetsByCalibration.get(calibration);
  if (!known || known.size > MAX_REMEMBERED_FREQUENCIES) {
    known = new Map();
    offsetsByCalibration.set(calibration, known);
  }
  const offsetsDb = new Float64Array(frequenciesHz.length);
  for (let i = 0; i < frequenciesHz.length; i++) {
    const frequencyHz = frequenciesHz[i];
    let offsetDb = known.get(frequencyHz);
    if (offsetDb === undefined) {
      offsetDb = splOffsetDb(calibration, frequencyHz);
      known.set(frequencyHz, offsetDb);
    }
    offsetsDb[i] = offsetDb;
  }
  return offsetsDb;
}

/** Each level plus the gain and its frequency's offset (in that order, as the levels were). */
function shifted(levelsDb: ArrayLike<number>, gainDb: number, offsetsDb: Float64Array): number[] {
  const out = new Array<number>(levelsDb.length);
  for (let i = 0; i < levelsDb.length; i++) out[i] = levelsDb[i] + (gainDb + offsetsDb[i]);
  return out;
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
  const { frequenciesHz, levelsDb, peakDb } = series;
  const offsetsDb = splOffsetsDb(calibration, frequenciesHz);
  return {
    frequenciesHz,
    levelsDb: shifted(levelsDb, gainDb, offsetsDb),
    peakDb: peakDb ? shifted(peakDb, gainDb, offsetsDb) : (peakDb ?? null),
  };
}

/** The baseline's curves moved exactly as calibratedLiveSeries moves the live levels. */
export function calibratedBaseline(
  baseline: SpectrumSeries,
  calibration: MicCalibration,
  gainDb: number,
): SpectrumSeries {
  const { frequenciesHz } = baseline;
  const offsetsDb = splOffsetsDb(calibration, frequenciesHz);
  return {
    frequenciesHz,
    medianDb: shifted(baseline.medianDb, gainDb, offsetsDb),
    lowerDb: shifted(baseline.lowerDb, gainDb, offsetsDb),
    upperDb: shifted(baseline.upperDb, gainDb, offsetsDb),
  };
}
