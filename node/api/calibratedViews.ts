/**
 * Review's views of a recording made through a calibrated microphone, in dB SPL: the spectrum
 * back off the baseline's normalised scale onto its own absolute level, then through the
 * calibration; the baseline's curves moved by exactly the same amounts at each frequency, so what
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

export interface CalibrationContext {
  /** What selectionViews added to put the recording on the baseline's scale, dB. */
  readonly normalisationDb: number;
  /** The demodulated band: its envelope takes the offset at the band's (geometric) centre. */
  readonly envelopeBandHz: readonly [number, number];
}

/** The views in dB SPL; anomalies (excess over the band) and markers are unchanged. */
export function calibratedViews<
  Views extends Pick<SelectionAnalysis, 'spectrum' | 'baseline' | 'envelope'>,
>(
  views: Views,
  calibration: MicCalibration,
  context: CalibrationContext,
): Views & Pick<SelectionAnalysis, 'levelUnit'> {
  const shiftDb = (frequencyHz: number) =>
    splOffsetDb(calibration, frequencyHz) - context.normalisationDb;
  const { spectrum, baseline, envelope } = views;
  const [lowHz, highHz] = context.envelopeBandHz;
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
