/**
 * Review's views of a recording made through a calibrated microphone, in dB SPL: the spectrum
 * (on its own level in dBFS/Hz, selection.ts) through the calibration; the baseline's curves
 * (moved to the recording's level there) by exactly the same amounts at each frequency, so what
 * stands above the normal band is what the diagnosis compared (docs/diagnosis.md, "Calibrated
 * microphones").
 */
import type { SelectionAnalysis } from '../../shared/api/contract.ts';
import { splOffsetDb } from '../../shared/audio/calibration/micCalibration.ts';
import type { MicCalibration } from '../../shared/audio/calibration/micCalibration.ts';

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function shifted(
  frequenciesHz: readonly number[],
  levelsDb: readonly number[],
  shiftDb: (frequencyHz: number) => number,
): number[] {
  return levelsDb.map((levelDb, i) => round2(levelDb + shiftDb(frequenciesHz[i])));
}

/**
 * The views in dB SPL; anomalies (excess over the band) and markers are unchanged. The envelope,
 * demodulated from the band `envelopeBandHz`, takes the offset at its (geometric) centre.
 */
export function calibratedViews<
  Views extends Pick<SelectionAnalysis, 'spectrum' | 'baseline' | 'envelope'>,
>(
  views: Views,
  calibration: MicCalibration,
  envelopeBandHz: readonly [number, number],
): Views & Pick<SelectionAnalysis, 'levelUnit'> {
  const shiftDb = (frequencyHz: number) => splOffsetDb(calibration, frequencyHz);
  const { spectrum, baseline, envelope } = views;
  const [lowHz, highHz] = envelopeBandHz;
  const envelopeShiftDb = splOffsetDb(calibration, Math.sqrt(Math.max(lowHz, 1) * highHz));
  return {
    ...views,
    levelUnit: 'dB SPL',
    spectrum: {
      frequenciesHz: spectrum.frequenciesHz,
      levelsDb: shifted(spectrum.frequenciesHz, spectrum.levelsDb, shiftDb),
    },
    baseline: baseline && {
      ...baseline,
      medianDb: shifted(baseline.frequenciesHz, baseline.medianDb, shiftDb),
      lowerDb: shifted(baseline.frequenciesHz, baseline.lowerDb, shiftDb),
      upperDb: shifted(baseline.frequenciesHz, baseline.upperDb, shiftDb),
    },
    envelope: {
      ...envelope,
      levelsDb: envelope.levelsDb.map((levelDb) => round2(levelDb + envelopeShiftDb)),
    },
  };
}
