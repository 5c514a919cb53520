/**
 * The fault log's CSV download: its file name and its bytes (shared/faultLog/csv.ts writes the
 * text; the page saves it through renderer/files/download.ts).
 */
import type { FaultLogEntry, Language } from '../../../shared/api/contract.ts';
import { faultLogCsv } from '../../../shared/faultLog/csv.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';

/**
 * `fault-log-YYYY-MM-DD.csv`, the date of `now` in the page's time zone: the day the person
 * exported it, as their calendar shows it (the times inside are UTC).
 */
export function faultLogFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `fault-log-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

/** The entries as a CSV Blob, UTF-8 with its byte-order mark. */
export function faultLogCsvBlob(
  entries: readonly FaultLogEntry[],
  lang: Language,
  verdicts: ReadonlyMap<string, ExpertVerdict> = new Map(),
): Blob {
  return new Blob([faultLogCsv(entries, lang, { verdicts })], { type: 'text/csv;charset=utf-8' });
}
