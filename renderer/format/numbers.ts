/**
 * Numbers as the page shows them, in the page's language (Intl), with significant digits that
 * suit the quantity: a frequency to 0.01 Hz below 100 Hz, to 0.1 Hz above.
 */

/** A number with at most `fractionDigits` decimals, grouped per `language`. */
export function formatNumber(value: number, language: string, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits }).format(value);
}

/**
 * A frequency in Hz (without the unit) with a fixed number of decimals, so a column lines up:
 * 2 below 100 Hz, 1 below 10 kHz, else 0.
 */
export function formatFrequencyHz(frequencyHz: number, language: string): string {
  if (!Number.isFinite(frequencyHz)) return '—';
  const abs = Math.abs(frequencyHz);
  const digits = abs < 100 ? 2 : abs < 10_000 ? 1 : 0;
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(frequencyHz);
}

/** A byte count in the largest binary unit that keeps it ≥ 1 (B, KiB, MiB, GiB). */
export function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatNumber(value, language, unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** An ISO 8601 instant as a local date and time. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}
