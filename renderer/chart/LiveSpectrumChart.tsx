import { useEffect, useRef } from 'react';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import { drawLiveSeries } from './liveSpectrumDraw.ts';
import { drawAxisTitles, drawGrid } from './plotFrame.ts';
import { liveLevelRange, liveSpectrumLayout, widenRange } from './liveSpectrumLayout.ts';
import type { LevelRange, LiveSeries } from './liveSpectrumLayout.ts';
import type { SpectrumSeries } from './spectrumLayout.ts';

export interface LiveSpectrumChartProps {
  readonly axis: FrequencyAxis;
  /** The newest live spectrum (redrawn whenever a new one arrives), or null before the first. */
  readonly live: LiveSeries | null;
  /** The baseline's median and normal band drawn behind the live line, or null. */
  readonly baseline: SpectrumSeries | null;
  /** Describes the chart for screen readers (the canvas itself is opaque to them). */
  readonly description: string;
  readonly frequencyLabel: string;
  readonly levelLabel: string;
  readonly formatTick: (value: number) => string;
  readonly heightPx?: number;
}

/**
 * The live spectrum over the baseline's normal band on a canvas that follows its width. The dB
 * axis widens as louder or quieter levels arrive and starts afresh when the axis or the baseline
 * changes, so the picture does not jump at every frame.
 */
export function LiveSpectrumChart({
  axis,
  live,
  baseline,
  description,
  frequencyLabel,
  levelLabel,
  formatTick,
  heightPx = 280,
}: LiveSpectrumChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidth(canvas);
  const levels = useRef<{ key: unknown[]; range: LevelRange | null }>({ key: [], range: null });
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ctx = prepareCanvas(element, widthPx, heightPx);
    if (!ctx) return;
    const key = [axis, baseline];
    const sticky = levels.current;
    const sameView = sticky.key.length === 2 && sticky.key.every((value, i) => value === key[i]);
    const range = widenRange(sameView ? sticky.range : null, liveLevelRange(live, baseline, axis));
    levels.current = { key, range };
    if (range === null) return;
    const layout = liveSpectrumLayout({ axis, levels: range, live, baseline }, widthPx, heightPx);
    drawGrid(ctx, layout, formatTick);
    drawLiveSeries(ctx, layout);
    drawAxisTitles(ctx, layout, frequencyLabel, levelLabel);
  }, [axis, live, baseline, widthPx, heightPx, frequencyLabel, levelLabel, formatTick]);
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
