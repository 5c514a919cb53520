/**
 * The fault log as a CSV file for spreadsheets (docs/formats.md, "Fault log CSV"): UTF-8 with a
 * byte-order mark (without it Excel reads UTF-8 as the local code page and garbles Chinese),
 * RFC 4180 with CRLF line ends, one header row in the chosen language, then one row per entry in
 * the order given. Times are ISO 8601 in UTC with `Z`; numbers use a dot decimal whatever the
 * language, with their unit in the header; causes, severities, statuses and verdicts are words in
 * the chosen language; each entry's newest expert verdict (decision, cause, expert, time) closes
 * its row; every text cell is formula-safe (shared/csv/cells.ts).
 */
import type { FaultLogEntry } from '../api/contract.ts';
import type { Language } from '../api/limits.ts';
import { csvLines, csvNumber, csvText } from '../csv/cells.ts';
import { causeName, severityName } from '../i18n/diagnosisText.ts';
import {
  expertCauseText,
  FAULT_LOG_CSV_COLUMNS,
  faultLogWords,
  faultStatusName,
} from '../i18n/faultLogText.ts';
import type { ExpertVerdict } from '../verdicts/expertVerdict.ts';
import type { FaultLogCsvColumn } from '../i18n/faultLogText.ts';

/** U+FEFF: the byte-order mark, EF BB BF once encoded as UTF-8. */
export const BYTE_ORDER_MARK = '\uFEFF';

export interface FaultLogCsvOptions {
  /** Start with the byte-order mark; default true (Excel needs it to read Chinese). */
  readonly byteOrderMark?: boolean;
  /** The newest expert verdict by diagnosis id: each entry's is written beside it. */
  readonly verdicts?: ReadonlyMap<string, ExpertVerdict>;
}

const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** ISO 8601 in UTC with `Z` and milliseconds; a time that does not parse is kept as stored. */
export function utcIsoTime(stored: string): string {
  // The store writes this form already (Date.toISOString); parsing 100 000 of them costs time.
  if (CANONICAL_UTC.test(stored)) return stored;
  const time = new Date(stored);
  return Number.isNaN(time.getTime()) ? stored : time.toISOString();
}

/** One entry's cells, by column, written and neutralised. */
function entryCells(
  entry: FaultLogEntry,
  lang: Language,
  verdict: ExpertVerdict | undefined,
): Readonly<Record<FaultLogCsvColumn, string>> {
  const w = faultLogWords(lang);
  const confidence = entry.confidence === null ? null : entry.confidence * 100;
  return {
    entryId: csvText(entry.id),
    recordedAtUtc: csvText(utcIsoTime(entry.createdAt)),
    machine: csvText(entry.machineName),
    recording: csvText(entry.recordingName),
    verdict: csvText(entry.anomalous ? w.anomalous : w.normal),
    anomalyScore: csvNumber(entry.anomalyScore, 3),
    cause: csvText(entry.causeId === null ? '' : causeName(entry.causeId, lang)),
    component: csvText(entry.componentId ?? ''),
    severity: csvText(entry.severity === null ? '' : severityName(entry.severity, lang)),
    confidencePercent: csvNumber(confidence, 1),
    status: csvText(faultStatusName(entry.status, lang)),
    archived: csvText(entry.archived ? w.yes : w.no),
    recordedBy: csvText(entry.recordedBy),
    note: csvText(entry.note),
    diagnosisId: csvText(entry.diagnosisId),
    followUpRecordingId: csvText(entry.followUpRecordingId ?? ''),
    expertDecision: csvText(verdict ? w.decisions[verdict.decision] : ''),
    expertCause: csvText(verdict ? expertCauseText(verdict, lang) : ''),
    expertName: csvText(verdict?.expertName ?? ''),
    expertAtUtc: csvText(verdict ? utcIsoTime(verdict.createdAt) : ''),
  };
}

/**
 * The entries as CSV text, in their order (the caller filters and sorts). Ends with a line
 * break; an empty list gives the header row alone.
 */
export function faultLogCsv(
  entries: readonly FaultLogEntry[],
  lang: Language,
  options: FaultLogCsvOptions = {},
): string {
  const columns = faultLogWords(lang).columns;
  const rows: string[][] = [FAULT_LOG_CSV_COLUMNS.map((column) => csvText(columns[column]))];
  for (const entry of entries) {
    const cells = entryCells(entry, lang, options.verdicts?.get(entry.diagnosisId));
    rows.push(FAULT_LOG_CSV_COLUMNS.map((column) => cells[column]));
  }
  return (options.byteOrderMark === false ? '' : BYTE_ORDER_MARK) + csvLines(rows);
}
