/**
 * The fault-log report's two charts, in vector: entries per month stacked by cause, and each
 * machine's anomaly scores over time (the machines with the most entries).
 */
import type { FaultLogEntry, Language } from '../../shared/api/contract.ts';
import type { CauseId } from '../../shared/diagnosis/report.ts';
import { entriesPerMonth, scoreSeries } from '../../shared/faultLog/reportSummary.ts';
import { causeName } from '../../shared/i18n/diagnosisText.ts';
import type { ReportWords } from '../../shared/i18n/reportText.ts';
import { linearTicks, paddedRange, xOf, yOf } from '../../shared/reports/chartScale.ts';
import type { Axis, Box } from '../../shared/reports/chartScale.ts';
import { drawFrame, drawLegend, drawPolyline, SERIES_COLORS } from './chartDrawing.ts';
import type { LegendItem } from './chartDrawing.ts';
import type { Pdf } from './pdfDocument.ts';

/** Causes with their own colour; the rest are stacked as one grey "other". */
const MAX_CAUSE_COLORS = 6;
/** Machines drawn on the score chart. */
export const MAX_SCORE_MACHINES = 6;
const OTHER_COLOR = '#999999';
const NO_CAUSE_COLOR = '#cccccc';

function plotBox(area: Box, legendHeight: number): Box {
  return {
    x: area.x + 30,
    y: area.y + legendHeight + 4,
    width: area.width - 34,
    height: area.height - legendHeight - 4 - 12,
  };
}

/** The commonest causes, each with its colour; the others grey, entries without one light grey. */
function causeColors(entries: readonly FaultLogEntry[]) {
  const totals = new Map<CauseId | null, number>();
  for (const entry of entries) totals.set(entry.causeId, (totals.get(entry.causeId) ?? 0) + 1);
  const named = [...totals]
    .filter(([cause]) => cause !== null)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CAUSE_COLORS)
    .map(([cause]) => cause as CauseId);
  const colorOf = (cause: CauseId | null): string => {
    if (cause === null) return NO_CAUSE_COLOR;
    const index = named.indexOf(cause);
    return index === -1 ? OTHER_COLOR : SERIES_COLORS[index];
  };
  return { named, colorOf, hasNone: totals.has(null) };
}

/** Entries per calendar month (UTC), stacked by cause, the commonest causes coloured. */
export function drawMonthChart(
  doc: Pdf,
  area: Box,
  entries: readonly FaultLogEntry[],
  lang: Language,
  words: ReportWords,
): void {
  const months = entriesPerMonth(entries);
  const { named, colorOf, hasNone } = causeColors(entries);
  const legend: LegendItem[] = named.map((cause) => ({
    label: causeName(cause, lang),
    color: colorOf(cause),
    kind: 'fill',
  }));
  if (hasNone) legend.push({ label: words.noCauseNamed, color: NO_CAUSE_COLOR, kind: 'fill' });
  const legendHeight = drawLegend(doc, legend, area.x + 30, area.y, area.width - 30);
  const box = plotBox(area, legendHeight);
  const maxTotal = Math.max(1, ...months.map((m) => m.total));
  const y: Axis = { min: 0, max: maxTotal * 1.05, log: false };
  const x: Axis = { min: 0, max: Math.max(1, months.length), log: false };
  const labelEvery = Math.max(1, Math.ceil(months.length / 12));
  drawFrame(
    doc,
    box,
    {
      axis: x,
      ticks: months.map((_, i) => i + 0.5).filter((_, i) => i % labelEvery === 0),
      label: (value) => months[Math.floor(value)]?.month ?? '',
    },
    {
      axis: y,
      ticks: linearTicks(0, y.max, 4).filter((tick) => Number.isInteger(tick)),
      label: String,
    },
  );
  const barWidth = (box.width / Math.max(1, months.length)) * 0.7;
  months.forEach((month, i) => {
    let stacked = 0;
    const order = [...month.byCause].sort((a, b) => colorOf(a[0]).localeCompare(colorOf(b[0])));
    for (const [cause, count] of order) {
      const top = yOf(box, y, stacked + count);
      const bottom = yOf(box, y, stacked);
      doc.save().rect(xOf(box, x, i + 0.5) - barWidth / 2, top, barWidth, bottom - top);
      doc.fill(colorOf(cause)).restore();
      stacked += count;
    }
  });
}

/** Each of the busiest machines' entry scores over time, one coloured line per machine. */
export function drawScoreChart(doc: Pdf, area: Box, entries: readonly FaultLogEntry[]): number {
  const series = scoreSeries(entries, MAX_SCORE_MACHINES);
  const legend: LegendItem[] = series.map((s, i) => ({
    label: s.machineName,
    color: SERIES_COLORS[i],
    kind: 'line',
  }));
  const legendHeight = drawLegend(doc, legend, area.x + 30, area.y, area.width - 30);
  const box = plotBox(area, legendHeight);
  const times = series.flatMap((s) => s.points.map((p) => p.timeMs));
  const [minMs, maxMs] = paddedRange(times, 0.03);
  const x: Axis = { min: minMs, max: maxMs, log: false };
  const [low, high] = paddedRange(series.flatMap((s) => s.points.map((p) => p.anomalyScore)));
  const y: Axis = { min: Math.min(0, low), max: high, log: false };
  const tickCount = 5;
  const xTicks = Array.from(
    { length: tickCount },
    (_, i) => minMs + ((i + 0.5) * (maxMs - minMs)) / tickCount,
  );
  drawFrame(
    doc,
    box,
    { axis: x, ticks: xTicks, label: (ms) => new Date(ms).toISOString().slice(0, 10) },
    { axis: y, ticks: linearTicks(y.min, y.max, 4), label: (v) => String(Number(v.toFixed(2))) },
  );
  series.forEach((s, i) => {
    const points = s.points.map(
      (p) => [xOf(box, x, p.timeMs), yOf(box, y, p.anomalyScore)] as const,
    );
    drawPolyline(doc, box, points, { color: SERIES_COLORS[i], width: 0.8 });
    doc.save();
    for (const [px, py] of points) doc.circle(px, py, 1.3);
    doc.fill(SERIES_COLORS[i]).restore();
  });
  const machines = new Set(entries.map((entry) => entry.machineId)).size;
  return Math.max(0, machines - series.length);
}
