/**
 * A recording's spectrum as CSV (`auscult analyze --csv`): a header naming the units, then one
 * row per bin from 0 Hz — frequency to 0.0001 Hz, level to 0.01 dB — in dBFS/Hz, or in
 * dB SPL/Hz through a microphone calibration (docs/formats.md). Pure.
 */
import { calibrateLevelsDb, densityUnit } from '../audio/calibration/micCalibration.ts';
import type { MicCalibration } from '../audio/calibration/micCalibration.ts';
import { csvLines, csvNumber, csvText } from './cells.ts';

export function densitySpectrumCsv(
  spectrum: { readonly binWidthHz: number; readonly levelsDb: readonly number[] },
  calibration: MicCalibration | null,
): string {
  const levelsDb = calibration
    ? calibrateLevelsDb(spectrum.levelsDb, spectrum.binWidthHz, calibration)
    : spectrum.levelsDb;
  const rows = [[csvText('frequency (Hz)'), csvText(`level (${densityUnit(calibration)})`)]];
  levelsDb.forEach((levelDb, bin) => {
    rows.push([csvNumber(bin * spectrum.binWidthHz, 4), csvNumber(levelDb, 2)]);
  });
  return csvLines(rows);
}
