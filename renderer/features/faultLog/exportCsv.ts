/**
 * The fault log's CSV download: its file name and its bytes as a Blob (the host writes the
 * text with shared/faultLog/csv.ts; the page saves it through renderer/files/download.ts).
 */

/**
 * `fault-log-YYYY-MM-DD.csv`, the date of `now` in the page's time zone: the day the person
 * exported it, as their calendar shows it (the times inside are UTC).
 */
export function faultLogFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `fault-log-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** The host's CSV bytes (UTF-8 with its byte-order mark) as a Blob to save. */
export function faultLogCsvBlob(bytes: ArrayBuffer): Blob {
  return new Blob([bytes], { type: 'text/csv;charset=utf-8' });
}
