/**
 * What the spectrum plot draws over uPlot's lines: flagged bands (a red wash between their
 * edges), characteristic-frequency markers (dashed, labels staggered over a few rows so they
 * never overlap) and anomalous frequencies (a red stripe and a dot on the level). Works on
 * uPlot's canvas in device pixels.
 */
import type uPlot from 'uplot';
import { nearestIndex } from './spectrumTable.ts';

export interface PlotMarker {
  readonly frequencyHz: number;
  /** A few characters ('' for none), e.g. "1×", "BPFO". */
  readonly label: string;
  readonly color: string;
}

/** A stretch of the frequency axis, Hz. */
export interface FrequencySpan {
  readonly lowHz: number;
  readonly highHz: number;
}

export interface Overlays {
  readonly markers: readonly PlotMarker[];
  /** Bands the diagnosis flagged as raised. */
  readonly bands: readonly FrequencySpan[];
  readonly highlightsHz: readonly number[];
  readonly frequenciesHz: readonly number[];
  readonly levelsDb: readonly number[];
}

const HIGHLIGHT = {
  stripe: 'rgba(211, 47, 47, 0.16)',
  dot: '#c62828',
  band: 'rgba(211, 47, 47, 0.09)',
  bandEdge: 'rgba(198, 40, 40, 0.75)',
};

/** Rows of marker labels: a label goes to the first row where it clears its left neighbour. */
const LABEL_ROWS = 3;
const LABEL_ROW_PX = 12;
const LABEL_BACKING = 'rgba(255, 255, 255, 0.85)';

function inRange(u: uPlot, frequencyHz: number): boolean {
  const { min, max } = u.scales.x;
  return min !== undefined && max !== undefined && frequencyHz >= min && frequencyHz <= max;
}

function drawHighlights(u: uPlot, overlays: Overlays, ratio: number): void {
  const { ctx } = u;
  const { top, height } = u.bbox;
  for (const hz of overlays.highlightsHz) {
    if (!inRange(u, hz)) continue;
    const x = u.valToPos(hz, 'x', true);
    ctx.fillStyle = HIGHLIGHT.stripe;
    ctx.fillRect(x - 3 * ratio, top, 6 * ratio, height);
    const i = nearestIndex(overlays.frequenciesHz, hz);
    const level = overlays.levelsDb[i];
    if (i < 0 || !Number.isFinite(level)) continue;
    ctx.beginPath();
    ctx.arc(x, u.valToPos(level, 'y', true), 3.5 * ratio, 0, 2 * Math.PI);
    ctx.fillStyle = HIGHLIGHT.dot;
    ctx.fill();
  }
}

function drawBands(u: uPlot, bands: readonly FrequencySpan[], ratio: number): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  const { min, max } = u.scales.x;
  if (min === undefined || max === undefined) return;
  for (const band of bands) {
    if (band.highHz < min || band.lowHz > max) continue;
    const x0 = Math.max(left, u.valToPos(Math.max(band.lowHz, min), 'x', true));
    const x1 = Math.min(left + width, u.valToPos(Math.min(band.highHz, max), 'x', true));
    ctx.fillStyle = HIGHLIGHT.band;
    ctx.fillRect(x0, top, Math.max(ratio, x1 - x0), height);
    // A bar along the bottom edge keeps a band visible where the wash is faint.
    ctx.fillStyle = HIGHLIGHT.bandEdge;
    ctx.fillRect(x0, top + height - 4 * ratio, Math.max(ratio, x1 - x0), 4 * ratio);
  }
}

/**
 * The label row for a label from `x` to `x + width`, or -1 when every row's last label reaches
 * past `x` (the label is left out; its line stays). `rowEnds` holds each row's right end and is
 * updated.
 */
export function labelRow(rowEnds: number[], x: number, width: number, gap: number): number {
  const row = rowEnds.findIndex((end) => x >= end);
  if (row >= 0) rowEnds[row] = x + width + gap;
  return row;
}

function drawMarkers(u: uPlot, markers: readonly PlotMarker[], ratio: number): void {
  const { ctx } = u;
  const { top, height } = u.bbox;
  ctx.font = `${Math.round(10 * ratio)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.lineWidth = ratio;
  ctx.setLineDash([4 * ratio, 3 * ratio]);
  const rowEnds = new Array<number>(LABEL_ROWS).fill(-Infinity);
  const visible = markers
    .filter((m) => inRange(u, m.frequencyHz))
    .sort((a, b) => a.frequencyHz - b.frequencyHz);
  for (const marker of visible) {
    const x = Math.round(u.valToPos(marker.frequencyHz, 'x', true)) + 0.5;
    ctx.strokeStyle = marker.color;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
    if (marker.label === '') continue;
    const width = ctx.measureText(marker.label).width;
    const row = labelRow(rowEnds, x + 2 * ratio, width, 4 * ratio);
    if (row < 0) continue;
    const y = top + (2 + row * LABEL_ROW_PX) * ratio;
    // A pale backing keeps the label legible over other markers' dashed lines.
    ctx.fillStyle = LABEL_BACKING;
    ctx.fillRect(x + ratio, y - ratio, width + 2 * ratio, (LABEL_ROW_PX - 1) * ratio);
    ctx.fillStyle = marker.color;
    ctx.fillText(marker.label, x + 2 * ratio, y);
  }
  ctx.setLineDash([]);
}

/** uPlot `draw` hook body: clips to the plot area and draws highlights, then markers. */
export function drawOverlays(u: uPlot, overlays: Overlays, ratio: number): void {
  const { ctx } = u;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  drawBands(u, overlays.bands, ratio);
  drawHighlights(u, overlays, ratio);
  drawMarkers(u, overlays.markers, ratio);
  ctx.restore();
}
