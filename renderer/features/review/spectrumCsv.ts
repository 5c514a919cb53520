/**
 * The shown spectrum as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when needed):
 * one header row with units, then one row per frequency. Cells are written by shared/csv/cells.ts,
 * formula-safe for spreadsheets. Levels are power spectral densities: dBFS/Hz, or dB SPL/Hz for a
 * recording made through a calibrated microphone (docs/formats.md).
 */
import { csvLines, csvNumber, csvText } from '../../../shared/csv/cells.ts';
import type { LevelUnit } from '../../../shared/audio/calibration/micCalibration.ts';
import type { SpectrumTable } from '../../chart/spectrumTable.ts';

/** The header row, each column with its unit. */
export function spectrumCsvHeader(unit: LevelUnit): readonly string[] {
  const density = `${unit}/Hz`;
  return [
    'frequency (Hz)',
    `level (${density})`,
    `baseline median (${density})`,
    `baseline lower (${density})`,
    `baseline upper (${density})`,
  ];
}

/**
 * The table as CSV text: frequency to 0.0001 Hz, levels to 0.01 dB; an empty cell where the
 * baseline has no value. Ends with a line break.
 */
export function spectrumCsv(table: SpectrumTable, unit: LevelUnit = 'dBFS'): string {
  const rows: string[][] = [spectrumCsvHeader(unit).map(csvText)];
  for (let i = 0; i < table.frequenciesHz.length; i++) {
    rows.push([
      csvNumber(table.frequenciesHz[i], 4),
      csvNumber(table.levelsDb[i], 2),
      csvNumber(table.medianDb[i], 2),
      csvNumber(table.lowerDb[i], 2),
      csvNumber(table.upperDb[i], 2),
    ]);
  }
  return csvLines(rows);
}
