/**
 * Canvas drawing of the live spectrum layout in two layers: the baseline's band and median (drawn
 * with the grid only when the layout changes) and the held peaks and live line (every frame).
 */
import type { LiveSpectrumLayout } from './liveSpectrumLayout.ts';
import { frequencyPosition } from './frequencyAxis.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import { CHART_COLORS } from './plotFrame.ts';

type Point = readonly [number, number];

function path(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
}

function clipToPlot(ctx: CanvasRenderingContext2D, layout: LiveSpectrumLayout): void {
  const { plot } = layout;
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top);
  ctx.clip();
}

/** The baseline's band and median, clipped to the plot (the layer behind the live line). */
export function drawBaselineSeries(
  ctx: CanvasRenderingContext2D,
  layout: LiveSpectrumLayout,
): void {
  if (layout.band.length === 0) return;
  ctx.save();
  clipToPlot(ctx, layout);
  path(ctx, layout.band);
  ctx.closePath();
  ctx.fillStyle = CHART_COLORS.band;
  ctx.fill();
  ctx.strokeStyle = CHART_COLORS.bandEdge;
  ctx.lineWidth = 0.5;
  ctx.stroke();
  path(ctx, layout.median);
  ctx.strokeStyle = CHART_COLORS.median;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.restore();
}

/** The held peaks and the live line, clipped to the plot (the layer redrawn every frame). */
export function drawLiveLines(ctx: CanvasRenderingContext2D, layout: LiveSpectrumLayout): void {
  ctx.save();
  clipToPlot(ctx, layout);
  if (layout.peak.length > 0) {
    path(ctx, layout.peak);
    ctx.strokeStyle = CHART_COLORS.peak;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  path(ctx, layout.live);
  ctx.strokeStyle = CHART_COLORS.live;
  ctx.lineWidth = 1.2;
  ctx.stroke();
  ctx.restore();
}

/** Characteristic frequencies as dashed vertical lines across the plot (behind the live line). */
export function drawMarkerLines(
  ctx: CanvasRenderingContext2D,
  layout: LiveSpectrumLayout,
  axis: FrequencyAxis,
  markersHz: readonly number[],
): void {
  const { plot } = layout;
  ctx.save();
  clipToPlot(ctx, layout);
  ctx.strokeStyle = CHART_COLORS.marker;
  ctx.lineWidth = 1;
  ctx.setLineDash([4, 3]);
  ctx.beginPath();
  for (const frequencyHz of markersHz) {
    const position = frequencyPosition(frequencyHz, axis);
    if (position < 0 || position > 1) continue;
    const x = Math.round(plot.left + position * (plot.right - plot.left)) + 0.5;
    ctx.moveTo(x, plot.top);
    ctx.lineTo(x, plot.bottom);
  }
  ctx.stroke();
  ctx.restore();
}
