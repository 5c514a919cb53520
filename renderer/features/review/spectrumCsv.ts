/**
 * The shown spectrum as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when needed):
 * one header row with units, then one row per frequency. Formula-safe for spreadsheets (OWASP
 * "CSV injection"): a text cell starting with = + - @ tab or CR gets a leading apostrophe, while
 * numbers (including negative levels) stay numbers.
 */
import type { SpectrumTable } from '../../chart/spectrumTable.ts';

export const SPECTRUM_CSV_HEADER = [
  'frequency (Hz)',
  'level (dB)',
  'baseline median (dB)',
  'baseline lower (dB)',
  'baseline upper (dB)',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A number with at most `digits` decimals and no exponent or trailing zeros; '' if not finite. */
export function csvNumber(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return '';
  const rounded = Number(value.toFixed(digits));
  // toFixed keeps small and large magnitudes out of exponent notation; Number() drops zeros.
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  const text = rounded.toFixed(digits);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A text cell, neutralised against formulas and quoted when it holds a separator or quote. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The table as CSV text: frequency to 0.0001 Hz, levels to 0.01 dB; an empty cell where the
 * baseline has no value. Ends with a line break.
 */
export function spectrumCsv(table: SpectrumTable): string {
  const lines = [SPECTRUM_CSV_HEADER.map(csvText).join(',')];
  for (let i = 0; i < table.frequenciesHz.length; i++) {
    lines.push(
      [
        csvNumber(table.frequenciesHz[i], 4),
        csvNumber(table.levelsDb[i], 2),
        csvNumber(table.medianDb[i], 2),
        csvNumber(table.lowerDb[i], 2),
        csvNumber(table.upperDb[i], 2),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
