/**
 * The fault-log report (docs/formats.md, "Fault log PDF"): the filters used, the number of
 * entries, counts by cause and by status, entries per month by cause and the anomaly scores
 * over time on the first page, then the table of the entries, newest first, over as many pages
 * as needed with its header on each, every page numbered. An entry whose diagnosis has an
 * expert's verdict has it on a second line: decision, cause, expert and time.
 */
import type { FaultLogEntry, Language } from '../../shared/api/contract.ts';
import type { FaultLogFilters } from '../../shared/faultLog/filter.ts';
import { countByCause, countByStatus } from '../../shared/faultLog/reportSummary.ts';
import { causeName, severityName } from '../../shared/i18n/diagnosisText.ts';
import {
  expertVerdictLine,
  faultLogWords,
  faultStatusName,
} from '../../shared/i18n/faultLogText.ts';
import type { ExpertVerdict } from '../../shared/verdicts/expertVerdict.ts';
import { reportWords } from '../../shared/i18n/reportText.ts';
import type { ReportWords } from '../../shared/i18n/reportText.ts';
import type { ReportOptions } from '../../shared/reports/paper.ts';
import { INK, MUTED } from './chartDrawing.ts';
import { drawMonthChart, drawScoreChart } from './faultLogCharts.ts';
import {
  BOLD,
  createPdf,
  MARGIN_PT,
  numberPages,
  REGULAR,
  textLine,
  utcMinute,
} from './pdfDocument.ts';
import type { Pdf } from './pdfDocument.ts';

/** The most rows the table prints (about 35 pages); counts and charts cover every entry. */
export const MAX_TABLE_ROWS = 2000;
const ROW_HEIGHT_PT = 12;
const HEADER_HEIGHT_PT = 23;
const CHART_HEIGHT_PT = 165;

export interface FaultLogPdfInput {
  /** The entries the filters let through, newest first. */
  readonly entries: readonly FaultLogEntry[];
  readonly filters: FaultLogFilters;
  /** Machine names by id, for the machine filter. */
  readonly machineNames: ReadonlyMap<string, string>;
  /** The newest expert verdict by diagnosis id, printed on a line under its entry. */
  readonly verdicts: ReadonlyMap<string, ExpertVerdict>;
  readonly generatedAt: Date;
}

function filterLines(
  input: FaultLogPdfInput,
  lang: Language,
  words: ReportWords,
): [string, string][] {
  const { filters } = input;
  const or = (value: string | null) => value ?? words.all;
  const day = (ms: number | null) => (ms === null ? words.all : utcMinute(new Date(ms)));
  return [
    [
      words.machine,
      or(filters.machineId && (input.machineNames.get(filters.machineId) ?? filters.machineId)),
    ],
    [words.cause, or(filters.causeId && causeName(filters.causeId, lang))],
    [words.status, or(filters.status && faultStatusName(filters.status, lang))],
    [words.severity, or(filters.severity && severityName(filters.severity, lang))],
    [words.from, day(filters.fromMs)],
    [words.until, day(filters.untilMs)],
    [words.text, filters.text.trim() === '' ? words.all : `“${filters.text.trim()}”`],
    [words.archived, filters.showArchived ? words.archivedShown : words.archivedHidden],
  ];
}

function pairs(doc: Pdf, rows: readonly [string, string][], x: number, y: number, width: number) {
  rows.forEach(([label, value], i) => {
    doc.font(BOLD).fontSize(8).fillColor(MUTED);
    textLine(doc, label, x, y + i * 11, width * 0.62);
    doc.font(REGULAR).fillColor(INK);
    textLine(doc, value, x + width * 0.64, y + i * 11, width * 0.36, { align: 'right' });
  });
  return y + rows.length * 11;
}

function summaryPage(doc: Pdf, input: FaultLogPdfInput, lang: Language, words: ReportWords) {
  const width = doc.page.width - 2 * MARGIN_PT;
  let y = MARGIN_PT;
  doc.font(BOLD).fontSize(17).fillColor(INK);
  textLine(doc, words.faultLogTitle, MARGIN_PT, y, width);
  y += 24;
  doc.font(REGULAR).fontSize(8).fillColor(MUTED);
  textLine(
    doc,
    `${words.generated(utcMinute(input.generatedAt))} · ${words.entryCount(input.entries.length)}`,
    MARGIN_PT,
    y,
    width,
  );
  y += 16;
  doc.font(BOLD).fontSize(10.5).fillColor(INK);
  textLine(doc, words.filters, MARGIN_PT, y, width);
  const filters = filterLines(input, lang, words);
  const half = Math.ceil(filters.length / 2);
  const column = (width - 24) / 2;
  pairs(doc, filters.slice(0, half), MARGIN_PT, y + 15, column);
  y = pairs(doc, filters.slice(half), MARGIN_PT + column + 24, y + 15, column) + 12;
  if (input.entries.length === 0) {
    doc.font(REGULAR).fontSize(10).fillColor(INK);
    textLine(doc, words.noEntries, MARGIN_PT, y, width);
    return;
  }
  y = counts(doc, input, lang, words, y, column);
  charts(doc, input, lang, words, y, width);
}

/** Entries by cause and by status, side by side; returns the height below them. */
function counts(
  doc: Pdf,
  input: FaultLogPdfInput,
  lang: Language,
  words: ReportWords,
  y: number,
  column: number,
): number {
  doc.font(BOLD).fontSize(10.5).fillColor(INK);
  textLine(doc, words.byCause, MARGIN_PT, y, column);
  textLine(doc, words.byStatus, MARGIN_PT + column + 24, y, column);
  const causes = countByCause(input.entries).map(
    ({ causeId, count }) =>
      [causeId ? causeName(causeId, lang) : words.noCauseNamed, String(count)] as [string, string],
  );
  const statuses = countByStatus(input.entries).map(
    ({ status, count }) => [faultStatusName(status, lang), String(count)] as [string, string],
  );
  const bottom = Math.max(
    pairs(doc, causes, MARGIN_PT, y + 15, column),
    pairs(doc, statuses, MARGIN_PT + column + 24, y + 15, column),
  );
  return bottom + 12;
}

/** The two trend charts, one under the other, from `y`. */
function charts(
  doc: Pdf,
  input: FaultLogPdfInput,
  lang: Language,
  words: ReportWords,
  top: number,
  width: number,
): void {
  let y = top;
  doc.font(BOLD).fontSize(10.5).fillColor(INK);
  textLine(doc, words.perMonth, MARGIN_PT, y, width);
  const box = (at: number) => ({ x: MARGIN_PT, y: at + 15, width, height: CHART_HEIGHT_PT });
  drawMonthChart(doc, box(y), input.entries, lang, words);
  y += 15 + CHART_HEIGHT_PT + 12;
  doc.font(BOLD).fontSize(10.5).fillColor(INK);
  textLine(doc, words.scoreOverTime, MARGIN_PT, y, width);
  const left = drawScoreChart(doc, box(y), input.entries);
  if (left > 0) {
    doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
    textLine(doc, words.moreMachines(left), MARGIN_PT, y + 15 + CHART_HEIGHT_PT + 2, width);
  }
}

interface Column {
  readonly title: string;
  /** Share of the table's width. */
  readonly share: number;
  readonly cell: (entry: FaultLogEntry) => string;
  readonly align?: 'right';
}

function columns(lang: Language): Column[] {
  const names = faultLogWords(lang).columns;
  return [
    {
      title: names.recordedAtUtc,
      share: 0.13,
      cell: (e) => utcMinute(e.createdAt).replace(' UTC', ''),
    },
    { title: names.machine, share: 0.15, cell: (e) => e.machineName },
    { title: names.recording, share: 0.14, cell: (e) => e.recordingName },
    { title: names.cause, share: 0.2, cell: (e) => (e.causeId ? causeName(e.causeId, lang) : '') },
    {
      title: names.severity,
      share: 0.08,
      cell: (e) => (e.severity ? severityName(e.severity, lang) : ''),
    },
    {
      title: names.anomalyScore,
      share: 0.06,
      cell: (e) => e.anomalyScore.toFixed(2),
      align: 'right',
    },
    { title: names.status, share: 0.12, cell: (e) => faultStatusName(e.status, lang) },
    { title: names.recordedBy, share: 0.12, cell: (e) => e.recordedBy },
  ];
}

/** The header: each title wrapped over at most two lines. */
function headerRow(doc: Pdf, cols: readonly Column[], y: number, width: number) {
  let x = MARGIN_PT;
  for (const col of cols) {
    const cellWidth = col.share * width;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.text(col.title, x + 2, y + 2, {
      width: col.align ? cellWidth - 10 : cellWidth - 4,
      height: 2 * doc.currentLineHeight(),
      ellipsis: true,
      align: col.align ?? 'left',
    });
    doc.page.margins.bottom = bottom;
    x += cellWidth;
  }
}

function tableRow(
  doc: Pdf,
  cells: readonly string[],
  cols: readonly Column[],
  y: number,
  width: number,
) {
  let x = MARGIN_PT;
  cols.forEach((col, i) => {
    const cellWidth = col.share * width;
    // A right-aligned number keeps a gap from the text of the next column.
    const inner = col.align ? cellWidth - 10 : cellWidth - 4;
    textLine(doc, cells[i], x + 2, y + 2, inner, col.align ? { align: col.align } : {});
    x += cellWidth;
  });
}

/** "Expert verdict: Corrected: Mechanical looseness · Dr Wen, 2025-02-01 10:00 UTC". */
function verdictLine(doc: Pdf, verdict: ExpertVerdict, lang: Language, y: number, width: number) {
  const words = faultLogWords(lang);
  const separator = lang === 'zh-CN' ? '：' : ': ';
  const text =
    `${words.expertVerdict}${separator}${expertVerdictLine(verdict, lang)} · ` +
    `${verdict.expertName}, ${utcMinute(verdict.createdAt)}`;
  doc.font(REGULAR).fontSize(7).fillColor(MUTED);
  textLine(doc, text, MARGIN_PT + 14, y + 2, width - 18);
  doc.fillColor(INK);
}

/** The table from a new page, its header on top of each page. */
function table(doc: Pdf, input: FaultLogPdfInput, lang: Language, words: ReportWords) {
  const rows = input.entries.slice(0, MAX_TABLE_ROWS);
  if (rows.length === 0) return;
  const cols = columns(lang);
  const width = doc.page.width - 2 * MARGIN_PT;
  const bottom = doc.page.height - MARGIN_PT - 10;
  let y = bottom;
  const header = () => {
    doc.addPage();
    y = MARGIN_PT;
    if (rows.length < input.entries.length) {
      doc.font(REGULAR).fontSize(7.5).fillColor(MUTED);
      textLine(doc, words.tableCut(rows.length, input.entries.length), MARGIN_PT, y, width);
      y += 12;
    }
    doc.save().rect(MARGIN_PT, y, width, HEADER_HEIGHT_PT).fill('#e8e8e8').restore();
    doc.font(BOLD).fontSize(7.5).fillColor(INK);
    headerRow(doc, cols, y, width);
    y += HEADER_HEIGHT_PT;
  };
  rows.forEach((entry, i) => {
    const verdict = input.verdicts.get(entry.diagnosisId);
    // An entry with an expert's verdict takes a second line for it, kept on the same page.
    const height = verdict ? 2 * ROW_HEIGHT_PT - 2 : ROW_HEIGHT_PT;
    if (y + height > bottom) header();
    if (i % 2 === 1) doc.save().rect(MARGIN_PT, y, width, height).fill('#f6f6f6').restore();
    doc.font(REGULAR).fontSize(7.5).fillColor(INK);
    tableRow(
      doc,
      cols.map((c) => c.cell(entry)),
      cols,
      y,
      width,
    );
    if (verdict) verdictLine(doc, verdict, lang, y + ROW_HEIGHT_PT - 2, width);
    y += height;
  });
}

/** The report as PDF bytes, in `options.language` on `options.paper`. */
export function faultLogPdf(input: FaultLogPdfInput, options: ReportOptions): Promise<Uint8Array> {
  const words = reportWords(options.language);
  const { doc, bytes } = createPdf(options.paper, words.faultLogTitle, options.language);
  summaryPage(doc, input, options.language, words);
  table(doc, input, options.language, words);
  numberPages(doc, words.page);
  doc.end();
  return bytes;
}
