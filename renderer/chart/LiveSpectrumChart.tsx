import { useCallback, useEffect, useRef } from 'react';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import { drawLiveSeries } from './liveSpectrumDraw.ts';
import { drawAxisTitles, drawGrid } from './plotFrame.ts';
import { liveLevelRange, liveSpectrumLayout, widenRange } from './liveSpectrumLayout.ts';
import type { LevelRange, LiveSeries } from './liveSpectrumLayout.ts';
import type { SpectrumSeries } from './spectrumLayout.ts';
import { useDrawGate } from './useDrawGate.ts';

export interface LiveSpectrumChartProps {
  readonly axis: FrequencyAxis;
  /**
   * Subscribes to new live spectra (null: none yet); returns the unsubscribe function. Spectra
   * reach the canvas without React: the chart redraws at most once per display frame, and not
   * at all while it is off screen or its tab hidden.
   */
  readonly subscribe: (listener: (live: LiveSeries | null) => void) => () => void;
  /** The baseline's median and normal band drawn behind the live line, or null. */
  readonly baseline: SpectrumSeries | null;
  /** A fixed level range, or null for one that follows the levels. */
  readonly levels: LevelRange | null;
  /** Describes the chart for screen readers (the canvas itself is opaque to them). */
  readonly description: string;
  readonly frequencyLabel: string;
  readonly levelLabel: string;
  readonly formatTick: (value: number) => string;
  readonly heightPx?: number;
}

/**
 * The live spectrum (and its held peaks) over the baseline's normal band on a canvas that
 * follows its width. An automatic dB axis widens as louder or quieter levels arrive and starts
 * afresh when the axis or the baseline changes, so the picture does not jump at every frame.
 */
export function LiveSpectrumChart(props: LiveSpectrumChartProps) {
  const { axis, baseline, levels, subscribe, formatTick, frequencyLabel, levelLabel } = props;
  const heightPx = props.heightPx ?? 280;
  const canvas = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidth(canvas);
  const live = useRef<LiveSeries | null>(null);
  const autoRange = useRef<LevelRange | null>(null);

  const draw = useCallback(() => {
    const element = canvas.current;
    const ctx = element && prepareCanvas(element, widthPx, heightPx);
    if (!ctx) return;
    const range =
      levels ??
      (autoRange.current = widenRange(
        autoRange.current,
        liveLevelRange(live.current, baseline, axis),
      ));
    if (range === null) return;
    const layout = liveSpectrumLayout(
      { axis, levels: range, live: live.current, baseline },
      widthPx,
      heightPx,
    );
    drawGrid(ctx, layout, formatTick);
    drawLiveSeries(ctx, layout);
    drawAxisTitles(ctx, layout, frequencyLabel, levelLabel);
  }, [axis, baseline, levels, widthPx, heightPx, formatTick, frequencyLabel, levelLabel]);
  const request = useDrawGate(canvas, draw);

  // A new axis or baseline starts the automatic range afresh; any change of view redraws.
  useEffect(() => {
    autoRange.current = null;
  }, [axis, baseline]);
  useEffect(() => request(), [draw, request]);
  useEffect(
    () =>
      subscribe((next) => {
        live.current = next;
        request();
      }),
    [subscribe, request],
  );

  return (
    <canvas
      ref={canvas}
      className="spectrum-chart"
      style={{ height: heightPx }}
      role="img"
      aria-label={props.description}
    />
  );
}
