import { useEffect, useRef } from 'react';
import { spectrumLayout } from './spectrumLayout.ts';
import type { SpectrumLayout, SpectrumSeries } from './spectrumLayout.ts';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';

export interface SpectrumChartProps {
  readonly series: SpectrumSeries;
  /** Describes the chart for screen readers (the canvas itself is opaque to them). */
  readonly description: string;
  readonly frequencyLabel: string;
  readonly levelLabel: string;
  readonly formatTick: (value: number) => string;
  readonly heightPx?: number;
}

const COLORS = {
  grid: '#d9dee5',
  axisText: '#4a5564',
  band: 'rgba(46, 125, 214, 0.22)',
  bandEdge: 'rgba(46, 125, 214, 0.55)',
  median: '#174a8b',
};

function drawGrid(
  ctx: CanvasRenderingContext2D,
  layout: SpectrumLayout,
  format: (v: number) => string,
): void {
  const { plot } = layout;
  ctx.strokeStyle = COLORS.grid;
  ctx.fillStyle = COLORS.axisText;
  ctx.lineWidth = 1;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of layout.frequencyTicks) {
    ctx.beginPath();
    ctx.moveTo(Math.round(tick.position) + 0.5, plot.top);
    ctx.lineTo(Math.round(tick.position) + 0.5, plot.bottom);
    ctx.stroke();
    ctx.fillText(format(tick.value), tick.position, plot.bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of layout.levelTicks) {
    ctx.beginPath();
    ctx.moveTo(plot.left, Math.round(tick.position) + 0.5);
    ctx.lineTo(plot.right, Math.round(tick.position) + 0.5);
    ctx.stroke();
    ctx.fillText(format(tick.value), plot.left - 6, tick.position);
  }
}

function drawAxisLabels(
  ctx: CanvasRenderingContext2D,
  layout: SpectrumLayout,
  frequency: string,
  level: string,
): void {
  const { plot } = layout;
  ctx.fillStyle = COLORS.axisText;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(frequency, (plot.left + plot.right) / 2, plot.bottom + 38);
  ctx.save();
  ctx.translate(12, (plot.top + plot.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(level, 0, 0);
  ctx.restore();
}

function drawSeries(ctx: CanvasRenderingContext2D, layout: SpectrumLayout): void {
  const { plot } = layout;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top);
  ctx.clip();
  ctx.beginPath();
  layout.band.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
  ctx.fillStyle = COLORS.band;
  ctx.fill();
  ctx.strokeStyle = COLORS.bandEdge;
  ctx.lineWidth = 0.5;
  ctx.stroke();
  ctx.beginPath();
  layout.median.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.strokeStyle = COLORS.median;
  ctx.lineWidth = 1.5;
  ctx.stroke();
  ctx.restore();
}

/** A spectrum with its normal band on a log-frequency, dB canvas that follows its width. */
export function SpectrumChart({
  series,
  description,
  frequencyLabel,
  levelLabel,
  formatTick,
  heightPx = 300,
}: SpectrumChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidth(canvas);
  useEffect(() => {
    const element = canvas.current;
    const ctx = element && prepareCanvas(element, widthPx, heightPx);
    if (!ctx) return;
    const layout = spectrumLayout(series, widthPx, heightPx);
    if (!layout) return;
    drawGrid(ctx, layout, formatTick);
    drawSeries(ctx, layout);
    drawAxisLabels(ctx, layout, frequencyLabel, levelLabel);
  }, [series, widthPx, heightPx, frequencyLabel, levelLabel, formatTick]);
  return (
    <canvas
      ref={canvas}
      className="spectrum-chart"
      style={{ height: heightPx }}
      role="img"
      aria-label={description}
    />
  );
}
