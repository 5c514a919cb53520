/**
 * The shown spectrum as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when needed):
 * one header row with units, then one row per frequency. Cells are written by shared/csv/cells.ts,
 * formula-safe for spreadsheets.
 */
import { csvLines, csvNumber, csvText } from '../../../shared/csv/cells.ts';
import type { SpectrumTable } from '../../chart/spectrumTable.ts';

export const SPECTRUM_CSV_HEADER = [
  'frequency (Hz)',
  'level (dB)',
  'baseline median (dB)',
  'baseline lower (dB)',
  'baseline upper (dB)',
] as const;

/**
 * The table as CSV text: frequency to 0.0001 Hz, levels to 0.01 dB; an empty cell where the
 * baseline has no value. Ends with a line break.
 */
export function spectrumCsv(table: SpectrumTable): string {
  const rows: string[][] = [SPECTRUM_CSV_HEADER.map(csvText)];
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
