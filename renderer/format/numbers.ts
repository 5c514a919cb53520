/**
 * Numbers as the page shows them, in the page's language (Intl), rounded to what they mean:
 * times to 0.01 s, frequencies to 0.1 Hz, levels to 0.1 dB (the CSV export keeps more digits
 * and says so in its header; docs/formats.md).
 */

/** A number with at most `fractionDigits` decimals, grouped per `language`. */
export function formatNumber(value: number, language: string, fractionDigits = 2): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: fractionDigits }).format(value);
}

/** A number with exactly `digits` decimals, grouped per `language` (a column lines up). */
function fixed(value: number, language: string, digits: number): string {
  if (!Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/**
 * A frequency in Hz (without the unit) to 0.1 Hz: finer than the spectra resolve a line
 * (≥ 0.4 Hz bins at 0.6 s segments), so more digits would only be noise.
 */
export function formatFrequencyHz(frequencyHz: number, language: string): string {
  return fixed(frequencyHz, language, 1);
}

/** A time in seconds (without the unit) to 0.01 s, about what a person can place on a waveform. */
export function formatSeconds(seconds: number, language: string): string {
  return fixed(seconds, language, 2);
}

/** A level in dB (without the unit) to 0.1 dB: repeat measurements differ by more than that. */
export function formatLevelDb(levelDb: number, language: string): string {
  return fixed(levelDb, language, 1);
}

/** Seconds for an `<input type="number">`: rounded to 0.01 s, written without grouping. */
export function secondsInputValue(seconds: number): string {
  return Number.isFinite(seconds) ? String(Math.round(seconds * 100) / 100) : '';
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
