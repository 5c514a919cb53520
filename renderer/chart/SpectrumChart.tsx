import { useEffect, useRef } from 'react';
import { spectrumLayout } from './spectrumLayout.ts';
import type { SpectrumLayout, SpectrumSeries } from './spectrumLayout.ts';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';
import { CHART_COLORS, drawAxisTitles, drawGrid } from './plotFrame.ts';

export interface SpectrumChartProps {
  readonly series: SpectrumSeries;
  /** Describes the chart for screen readers (the canvas itself is opaque to them). */
  readonly description: string;
  readonly frequencyLabel: string;
  readonly levelLabel: string;
  readonly formatTick: (value: number) => string;
  readonly heightPx?: number;
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
  ctx.fillStyle = CHART_COLORS.band;
  ctx.fill();
  ctx.strokeStyle = CHART_COLORS.bandEdge;
  ctx.lineWidth = 0.5;
  ctx.stroke();
  ctx.beginPath();
  layout.median.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.strokeStyle = CHART_COLORS.median;
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
    drawAxisTitles(ctx, layout, frequencyLabel, levelLabel);
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
