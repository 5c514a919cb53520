/**
 * Cells of the CSV files Auscult writes (the spectrum on Review, the fault log): RFC 4180
 * (comma-separated, quoted when a cell holds a comma, a quote or a line break), and formula-safe
 * for spreadsheets (OWASP "CSV injection"): a text cell starting with = + - @ tab or CR gets a
 * leading apostrophe, so Excel or LibreOffice shows it instead of running it. Numbers are written
 * by csvNumber and are never neutralised: a negative level stays a number.
 */

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

/** Cells already written by csvText or csvNumber, as lines joined with CRLF and ending in one. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return rows.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
