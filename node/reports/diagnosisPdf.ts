/**
 * The one-page diagnosis report (docs/formats.md, "Diagnosis report PDF"): the page a technician
 * hands to a supervisor. Machine and recording, the verdict in plain words, the spectrum against
 * the healthy band with markers and flagged lines, the likely causes with evidence and action,
 * the fault-log status and lines to sign. Everything is placed in fixed bands of the page and
 * cut to them, so it stays one page in both languages and on both papers whatever the report
 * holds: causes that do not fit are counted, not printed.
 */
import type { DiagnosisReport, Cause } from '../../shared/diagnosis/report.ts';
import type { FaultStatus } from '../../shared/faultLog/workflow.ts';
import {
  causeName,
  outsideSpeedsAction,
  outsideSpeedsVerdict,
  renderAction,
  renderEvidence,
  severityName,
} from '../../shared/i18n/diagnosisText.ts';
import { faultStatusName } from '../../shared/i18n/faultLogText.ts';
import { reportWords } from '../../shared/i18n/reportText.ts';
import type { ReportWords } from '../../shared/i18n/reportText.ts';
import type { ReportOptions } from '../../shared/reports/paper.ts';
import { INK, MUTED } from './chartDrawing.ts';
import {
  BOLD,
  createPdf,
  MARGIN_PT,
  REGULAR,
  textHeight,
  textLine,
  utcMinute,
} from './pdfDocument.ts';
import type { Pdf } from './pdfDocument.ts';
import { drawSpectrumChart } from './spectrumChart.ts';
import type { SpectrumData } from './spectrumChart.ts';

export interface DiagnosisPdfInput {
  readonly machineName: string;
  readonly recording: {
    readonly name: string;
    /** When it was recorded (ISO 8601), or null when unknown (a file on the command line). */
    readonly recordedAt: string | null;
    readonly durationSeconds: number;
    readonly sampleRateHz: number;
  };
  /** The stretch diagnosed, seconds from the recording's start; null: the whole recording. */
  readonly region: { readonly startSeconds: number; readonly endSeconds: number } | null;
  readonly report: DiagnosisReport;
  /** Whether the diagnosis was made against a baseline. */
  readonly hasBaseline: boolean;
  readonly spectrum: SpectrumData;
  /** The fault-log entry's status; null: not in the fault log; undefined: no library (CLI). */
  readonly faultStatus?: FaultStatus | null;
  readonly generatedAt: Date;
}

/** The most causes printed; the others are counted in one line. */
const MAX_CAUSES = 3;
/** The most evidence lines per cause. */
const MAX_EVIDENCE = 3;
const SIGNATURE_HEIGHT_PT = 52;
const CHART_HEIGHT_PT = 230;

function header(doc: Pdf, input: DiagnosisPdfInput, words: ReportWords, width: number): number {
  let y = MARGIN_PT;
  doc.font(BOLD).fontSize(17).fillColor(INK);
  textLine(doc, `${words.diagnosisTitle} · ${input.machineName}`, MARGIN_PT, y, width);
  y += 26;
  const { recording, region } = input;
  const fmt = (value: number, digits: number) => value.toFixed(digits);
  const facts: [string, string][] = [
    [words.machine, input.machineName],
    [words.recording, recording.name],
    [words.recordedAt, recording.recordedAt ? utcMinute(recording.recordedAt) : '—'],
    [words.duration, words.seconds(fmt(recording.durationSeconds, 1))],
    [words.sampleRate, words.hertz(String(recording.sampleRateHz))],
    [
      words.stretch,
      region
        ? words.stretchValue(fmt(region.startSeconds, 2), fmt(region.endSeconds, 2))
        : words.wholeRecording,
    ],
  ];
  const column = width / 2;
  facts.forEach(([label, value], i) => {
    const x = MARGIN_PT + (i % 2) * column;
    const rowY = y + Math.floor(i / 2) * 13;
    doc.font(BOLD).fontSize(8.5).fillColor(MUTED);
    textLine(doc, label, x, rowY, 70);
    doc.font(REGULAR).fillColor(INK);
    textLine(doc, value, x + 72, rowY, column - 78);
  });
  return y + Math.ceil(facts.length / 2) * 13 + 6;
}

function verdict(
  doc: Pdf,
  input: DiagnosisPdfInput,
  words: ReportWords,
  y: number,
  width: number,
  lang: ReportOptions['language'],
) {
  const { report } = input;
  // Outside the speeds of its baseline nothing was judged: that, not "normal", is the verdict.
  const sentence = report.outsideSpeeds
    ? outsideSpeedsVerdict(report.outsideSpeeds, lang)
    : words.verdict(report.anomalous, report.anomalyScore.toFixed(2), report.threshold.toFixed(2));
  const lines = input.hasBaseline ? [sentence] : [sentence, words.noBaseline];
  doc.font(BOLD).fontSize(10.5);
  const height = lines.reduce((sum, line) => sum + textHeight(doc, line, width - 16), 0) + 10;
  const color = report.outsideSpeeds ? '#8A3B00' : report.anomalous ? '#C0392B' : '#1E8449';
  doc.save().rect(MARGIN_PT, y, 4, height).fill(color).restore();
  doc
    .save()
    .rect(MARGIN_PT + 4, y, width - 4, height)
    .fillOpacity(0.08)
    .fill(color)
    .restore();
  let lineY = y + 5;
  lines.forEach((line, i) => {
    doc
      .font(i === 0 ? BOLD : REGULAR)
      .fontSize(i === 0 ? 10.5 : 8.5)
      .fillColor(INK);
    const lineHeight = textHeight(doc, line, width - 16);
    doc.text(line, MARGIN_PT + 12, lineY, { width: width - 16, height: lineHeight });
    lineY += lineHeight;
  });
  return y + height + 8;
}

function causeLines(cause: Cause, lang: ReportOptions['language'], words: ReportWords) {
  const facts = words.causeFacts(
    (cause.confidence * 100).toFixed(0),
    severityName(cause.severity, lang),
    cause.componentId,
  );
  return {
    title: `${causeName(cause.id, lang)} — ${facts}`,
    evidence: cause.evidence
      .slice(0, MAX_EVIDENCE)
      .map((item) => `• ${renderEvidence(item, lang)}`),
    action: `${words.action}${words.colon}${renderAction(cause.action, lang)}`,
  };
}

/** A cause's card measured at the current fonts, and the function that draws it at a height. */
function causeCard(
  doc: Pdf,
  rank: string,
  lines: ReturnType<typeof causeLines>,
  width: number,
): { height: number; draw: (y: number) => void } {
  doc.font(BOLD).fontSize(9);
  const title = `${rank}${lines.title}`;
  const titleHeight = textHeight(doc, title, width - 12);
  doc.font(REGULAR).fontSize(8);
  const body = [...lines.evidence, lines.action];
  const bodyHeights = body.map((line) => textHeight(doc, line, width - 20));
  const height = titleHeight + bodyHeights.reduce((a, b) => a + b, 0) + 10;
  const draw = (y: number) => {
    doc.save().roundedRect(MARGIN_PT, y, width, height - 2, 3);
    doc.lineWidth(0.5).strokeColor('#bbbbbb').stroke().restore();
    doc.font(BOLD).fontSize(9).fillColor(INK);
    doc.text(title, MARGIN_PT + 6, y + 4, { width: width - 12, height: titleHeight });
    let lineY = y + 4 + titleHeight;
    body.forEach((line, k) => {
      // The action, last, in bold: what the supervisor signs off.
      const isAction = k === body.length - 1;
      doc.font(isAction ? BOLD : REGULAR).fontSize(8);
      doc.fillColor(isAction ? INK : '#333333');
      doc.text(line, MARGIN_PT + 12, lineY, { width: width - 20, height: bodyHeights[k] });
      lineY += bodyHeights[k];
    });
  };
  return { height, draw };
}

/** Prints causes while they fit above `bottom`; returns where it stopped. */
function causes(
  doc: Pdf,
  input: DiagnosisPdfInput,
  lang: ReportOptions['language'],
  words: ReportWords,
  top: number,
  bottom: number,
  width: number,
): number {
  let y = top;
  doc.font(BOLD).fontSize(11).fillColor(INK);
  textLine(doc, words.causesTitle, MARGIN_PT, y, width);
  y += 16;
  const list = input.report.causes;
  if (list.length === 0) {
    doc.font(REGULAR).fontSize(9).fillColor(INK);
    const none = input.report.outsideSpeeds
      ? outsideSpeedsAction(lang)
      : input.report.anomalous
        ? words.noCause
        : words.noFault;
    textLine(doc, none, MARGIN_PT, y, width);
    return y + 14;
  }
  let printed = 0;
  for (const [i, cause] of list.slice(0, MAX_CAUSES).entries()) {
    const card = causeCard(doc, `${i + 1}. `, causeLines(cause, lang, words), width);
    if (y + card.height > bottom - 12) break;
    card.draw(y);
    y += card.height + 2;
    printed += 1;
  }
  if (printed < list.length) {
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    textLine(doc, words.moreCauses(list.length - printed), MARGIN_PT, y, width);
    y += 12;
  }
  return y;
}

function signatures(
  doc: Pdf,
  input: DiagnosisPdfInput,
  lang: ReportOptions['language'],
  words: ReportWords,
  width: number,
) {
  const pageHeight = doc.page.height;
  const top = pageHeight - MARGIN_PT - SIGNATURE_HEIGHT_PT;
  if (input.faultStatus !== undefined) {
    const status =
      input.faultStatus === null ? words.notInFaultLog : faultStatusName(input.faultStatus, lang);
    doc.font(BOLD).fontSize(9).fillColor(INK);
    textLine(doc, `${words.faultStatus}${words.colon}${status}`, MARGIN_PT, top - 16, width);
  }
  const labels = [words.technician, words.supervisor, words.date];
  const column = width / 3;
  labels.forEach((label, i) => {
    const x = MARGIN_PT + i * column;
    doc
      .save()
      .moveTo(x, top + 28)
      .lineTo(x + column - 16, top + 28)
      .lineWidth(0.6)
      .strokeColor(INK)
      .stroke()
      .restore();
    doc.font(REGULAR).fontSize(8).fillColor(MUTED);
    textLine(doc, label, x, top + 31, column - 16);
  });
  doc.font(REGULAR).fontSize(7).fillColor(MUTED);
  textLine(
    doc,
    `${words.generated(utcMinute(input.generatedAt))} · ${input.report.file}`,
    MARGIN_PT,
    top + 46,
    width,
  );
  return top - (input.faultStatus !== undefined ? 20 : 4);
}

/** The report as PDF bytes: exactly one page, in `options.language` on `options.paper`. */
export function diagnosisPdf(
  input: DiagnosisPdfInput,
  options: ReportOptions,
): Promise<Uint8Array> {
  const words = reportWords(options.language);
  const { doc, bytes } = createPdf(
    options.paper,
    `${words.diagnosisTitle} · ${input.machineName}`,
    options.language,
  );
  const width = doc.page.width - 2 * MARGIN_PT;
  let y = header(doc, input, words, width);
  y = verdict(doc, input, words, y, width, options.language);
  doc.font(BOLD).fontSize(11).fillColor(INK);
  textLine(doc, words.spectrumTitle, MARGIN_PT, y, width);
  drawSpectrumChart(
    doc,
    { x: MARGIN_PT, y: y + 19, width, height: CHART_HEIGHT_PT },
    input.spectrum,
    words,
  );
  const causesBottom = signatures(doc, input, options.language, words, width);
  causes(doc, input, options.language, words, y + 19 + CHART_HEIGHT_PT + 8, causesBottom, width);
  doc.end();
  return bytes;
}
