/**
 * The diagnosis report's chart: the recording's spectrum against the baseline's healthy band
 * (median and band, as Review shows them), the flagged lines as red bands, and the machine's
 * characteristic frequencies as labelled markers. Vector drawing: it prints sharp at any size.
 */
import type { SelectionAnalysis } from '../../shared/api/contract.ts';
import {
  frequencyLabel,
  linearTicks,
  logTicks,
  paddedRange,
  thinSeries,
  xOf,
  yOf,
} from '../../shared/reports/chartScale.ts';
import type { Axis, Box } from '../../shared/reports/chartScale.ts';
import type { ReportWords } from '../../shared/i18n/reportText.ts';
import { drawFrame, drawLegend, drawPolyline, INK, MUTED } from './chartDrawing.ts';
import { REGULAR, textLine } from './pdfDocument.ts';
import type { Pdf } from './pdfDocument.ts';

/** `levelUnit` absent: dBFS, as the command line's report (no calibration) gives it. */
export type SpectrumData = Pick<
  SelectionAnalysis,
  'spectrum' | 'baseline' | 'anomalies' | 'markers' | 'levelUnit'
>;

/** Points per printed series: finer than a 0.1 mm line on a chart half a page wide. */
const MAX_PRINTED_POINTS = 1500;
/** How far the level axis reaches below the highest level, dB. */
const LEVEL_SPAN_DB = 90;
const RECORDING_COLOR = '#0072B2';
const BAND_COLOR = '#009E73';
const MARKER_COLOR = '#E69F00';
const FLAG_COLOR = '#D55E00';

function axes(data: SpectrumData): { x: Axis; y: Axis } {
  const frequencies = data.spectrum.frequenciesHz;
  const minHz = Math.max(1, frequencies[0] ?? 1);
  const maxHz = Math.max(minHz * 10, frequencies[frequencies.length - 1] ?? 1000);
  const levels = [...data.spectrum.levelsDb, ...(data.baseline?.upperDb ?? [])];
  const [, top] = paddedRange(levels, 0.03);
  const [bottom] = paddedRange([...data.spectrum.levelsDb, ...(data.baseline?.lowerDb ?? [])]);
  return {
    x: { min: minHz, max: maxHz, log: true },
    y: { min: Math.max(bottom, top - LEVEL_SPAN_DB), max: top, log: false },
  };
}

function points(box: Box, x: Axis, y: Axis, xs: readonly number[], ys: readonly number[]) {
  const thin = thinSeries(xs, ys, MAX_PRINTED_POINTS);
  return thin.xs.map((f, i) => [xOf(box, x, f), yOf(box, y, thin.ys[i])] as const);
}

function drawBand(doc: Pdf, box: Box, x: Axis, y: Axis, data: SpectrumData): void {
  const baseline = data.baseline;
  if (!baseline) return;
  const upper = points(box, x, y, baseline.frequenciesHz, baseline.upperDb);
  // thinSeries keeps each group's maximum; the lower edge keeps its minimum through the negation.
  const negatedLower = thinSeries(
    baseline.frequenciesHz,
    baseline.lowerDb.map((level) => -level),
    MAX_PRINTED_POINTS,
  );
  const lowerEdge = negatedLower.xs.map(
    (f, i) => [xOf(box, x, f), yOf(box, y, -negatedLower.ys[i])] as const,
  );
  doc.save();
  doc.rect(box.x, box.y, box.width, box.height).clip();
  doc.moveTo(upper[0][0], upper[0][1]);
  for (const [px, py] of upper.slice(1)) doc.lineTo(px, py);
  for (const [px, py] of [...lowerEdge].reverse()) doc.lineTo(px, py);
  doc.closePath().fillOpacity(0.22).fill(BAND_COLOR);
  doc.restore();
  drawPolyline(doc, box, points(box, x, y, baseline.frequenciesHz, baseline.medianDb), {
    color: BAND_COLOR,
    width: 0.7,
    dash: 2,
  });
}

function drawFlags(doc: Pdf, box: Box, x: Axis, data: SpectrumData): void {
  doc.save().rect(box.x, box.y, box.width, box.height).clip();
  for (const anomaly of data.anomalies) {
    const left = xOf(box, x, anomaly.frequencyHz * 0.985);
    const right = xOf(box, x, anomaly.frequencyHz * 1.015);
    const width = Math.max(2, right - left);
    doc
      .rect((left + right) / 2 - width / 2, box.y, width, box.height)
      .fillOpacity(0.3)
      .fill(FLAG_COLOR);
  }
  doc.restore();
}

function drawMarkers(doc: Pdf, box: Box, x: Axis, data: SpectrumData): void {
  doc.font(REGULAR).fontSize(5.5);
  let lastLabelX = -Infinity;
  const markers = [...data.markers].sort((a, b) => a.frequencyHz - b.frequencyHz);
  for (const marker of markers) {
    if (marker.frequencyHz < x.min || marker.frequencyHz > x.max) continue;
    const px = xOf(box, x, marker.frequencyHz);
    doc.save().dash(1.5, { space: 1.5 }).lineWidth(0.6).strokeColor(MARKER_COLOR);
    doc
      .moveTo(px, box.y)
      .lineTo(px, box.y + box.height)
      .stroke();
    doc.undash().restore();
    if (px - lastLabelX < 8.5) continue;
    lastLabelX = px;
    // Rotated a quarter turn: names stand along the line, reading upwards from its foot.
    doc.save().rotate(-90, { origin: [px, box.y + box.height - 2] });
    doc.fillColor(MUTED);
    textLine(doc, marker.name, px, box.y + box.height - 2 - 6.5, box.height * 0.6);
    doc.restore();
  }
}

/** Draws the chart in `box` (legend above the plot, axis titles around it); returns nothing. */
export function drawSpectrumChart(
  doc: Pdf,
  area: Box,
  data: SpectrumData,
  words: ReportWords,
): void {
  const legend = [
    { label: words.legendRecording, color: RECORDING_COLOR, kind: 'line' as const },
    ...(data.baseline
      ? [
          { label: words.legendBand, color: BAND_COLOR, kind: 'fill' as const, opacity: 0.3 },
          { label: words.legendMedian, color: BAND_COLOR, kind: 'dash' as const },
        ]
      : []),
    { label: words.legendMarker, color: MARKER_COLOR, kind: 'dash' as const },
    { label: words.legendFlagged, color: FLAG_COLOR, kind: 'fill' as const, opacity: 0.4 },
  ];
  const legendHeight = drawLegend(doc, legend, area.x + 36, area.y, area.width - 36);
  const box = {
    x: area.x + 36,
    y: area.y + legendHeight + 4,
    width: area.width - 40,
    height: area.height - legendHeight - 4 - 20,
  };
  const { x, y } = axes(data);
  drawFrame(
    doc,
    box,
    { axis: x, ticks: logTicks(x.min, x.max), label: frequencyLabel },
    { axis: y, ticks: linearTicks(y.min, y.max, 5), label: (v) => String(Math.round(v)) },
  );
  drawBand(doc, box, x, y, data);
  drawFlags(doc, box, x, data);
  drawMarkers(doc, box, x, data);
  drawPolyline(doc, box, points(box, x, y, data.spectrum.frequenciesHz, data.spectrum.levelsDb), {
    color: RECORDING_COLOR,
    width: 0.8,
  });
  doc.font(REGULAR).fontSize(7).fillColor(INK);
  textLine(doc, words.frequencyAxis, box.x, box.y + box.height + 11, box.width, {
    align: 'center',
  });
  doc.save().rotate(-90, { origin: [area.x + 4, box.y + box.height] });
  // Levels are power spectral densities, in dB SPL when Review shows them so (calibrated).
  const levelAxis = words.levelAxis(`${data.levelUnit ?? 'dBFS'}/Hz`);
  textLine(doc, levelAxis, area.x + 4, box.y + box.height, box.height, { align: 'center' });
  doc.restore();
}
