/** Canvas drawing of the live spectrum layout: grid, baseline band and median, live line. */
import type { LiveSpectrumLayout } from './liveSpectrumLayout.ts';

export const LIVE_COLORS = {
  grid: '#d9dee5',
  axisText: '#4a5564',
  band: 'rgba(46, 125, 214, 0.22)',
  bandEdge: 'rgba(46, 125, 214, 0.55)',
  median: '#174a8b',
  live: '#d0461c',
};

type Point = readonly [number, number];

function path(ctx: CanvasRenderingContext2D, points: readonly Point[]): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
}

/** Grid lines with their tick labels; `format` writes a tick value. */
export function drawLiveGrid(
  ctx: CanvasRenderingContext2D,
  layout: LiveSpectrumLayout,
  format: (value: number) => string,
): void {
  const { plot } = layout;
  ctx.strokeStyle = LIVE_COLORS.grid;
  ctx.fillStyle = LIVE_COLORS.axisText;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of layout.frequencyTicks) {
    const x = Math.round(tick.position) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, plot.top);
    ctx.lineTo(x, plot.bottom);
    ctx.stroke();
    ctx.fillText(format(tick.value), tick.position, plot.bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of layout.levelTicks) {
    const y = Math.round(tick.position) + 0.5;
    ctx.beginPath();
    ctx.moveTo(plot.left, y);
    ctx.lineTo(plot.right, y);
    ctx.stroke();
    ctx.fillText(format(tick.value), plot.left - 6, tick.position);
  }
}

/** The axis titles under the frequency ticks and, turned, beside the level ticks. */
export function drawLiveAxisLabels(
  ctx: CanvasRenderingContext2D,
  layout: LiveSpectrumLayout,
  frequencyLabel: string,
  levelLabel: string,
): void {
  const { plot } = layout;
  ctx.fillStyle = LIVE_COLORS.axisText;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(frequencyLabel, (plot.left + plot.right) / 2, plot.bottom + 38);
  ctx.save();
  ctx.translate(12, (plot.top + plot.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(levelLabel, 0, 0);
  ctx.restore();
}

/** The baseline's band and median behind the live line, clipped to the plot. */
export function drawLiveSeries(ctx: CanvasRenderingContext2D, layout: LiveSpectrumLayout): void {
  const { plot } = layout;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top);
  ctx.clip();
  if (layout.band.length > 0) {
    path(ctx, layout.band);
    ctx.closePath();
    ctx.fillStyle = LIVE_COLORS.band;
    ctx.fill();
    ctx.strokeStyle = LIVE_COLORS.bandEdge;
    ctx.lineWidth = 0.5;
    ctx.stroke();
    path(ctx, layout.median);
    ctx.strokeStyle = LIVE_COLORS.median;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  path(ctx, layout.live);
  ctx.strokeStyle = LIVE_COLORS.live;
  ctx.lineWidth = 1.2;
  ctx.stroke();
  ctx.restore();
}
