/**
 * What the spectrum plot draws over uPlot's lines: characteristic-frequency markers (dashed,
 * labelled where labels do not collide) and anomalous frequencies (a red stripe and a dot on
 * the level). Works on uPlot's canvas in device pixels.
 */
import type uPlot from 'uplot';
import { nearestIndex } from './spectrumTable.ts';

export interface PlotMarker {
  readonly frequencyHz: number;
  /** A few characters ('' for none), e.g. "1×", "BPFO". */
  readonly label: string;
  readonly color: string;
}

export interface Overlays {
  readonly markers: readonly PlotMarker[];
  readonly highlightsHz: readonly number[];
  readonly frequenciesHz: readonly number[];
  readonly levelsDb: readonly number[];
}

const HIGHLIGHT = { stripe: 'rgba(211, 47, 47, 0.16)', dot: '#c62828' };

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

function drawMarkers(u: uPlot, markers: readonly PlotMarker[], ratio: number): void {
  const { ctx } = u;
  const { top, height } = u.bbox;
  ctx.font = `${Math.round(10 * ratio)}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  ctx.lineWidth = ratio;
  ctx.setLineDash([4 * ratio, 3 * ratio]);
  let labelEnd = -Infinity;
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
    // Labels that would overlap the previous one are left out; the line stays.
    if (x + 2 * ratio < labelEnd) continue;
    ctx.fillStyle = marker.color;
    ctx.fillText(marker.label, x + 2 * ratio, top + 2 * ratio);
    labelEnd = x + 2 * ratio + width + 4 * ratio;
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
  drawHighlights(u, overlays, ratio);
  drawMarkers(u, overlays.markers, ratio);
  ctx.restore();
}
