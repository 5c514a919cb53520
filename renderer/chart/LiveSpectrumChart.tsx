import { useCallback, useEffect, useRef } from 'react';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import { drawBaselineSeries, drawLiveLines, drawMarkerLines } from './liveSpectrumDraw.ts';
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
  /** Characteristic frequencies drawn as thin vertical lines behind the live line. */
  readonly markersHz?: readonly number[];
}

/**
 * The live spectrum (and its held peaks) over the baseline's normal band on a canvas that
 * follows its width. An automatic dB axis widens as louder or quieter levels arrive and starts
 * afresh when the axis or the baseline changes, so the picture does not jump at every frame.
 */
export function LiveSpectrumChart(props: LiveSpectrumChartProps) {
  const { axis, baseline, levels, subscribe, formatTick, frequencyLabel, levelLabel } = props;
  const markersHz = props.markersHz;
  const heightPx = props.heightPx ?? 280;
  const canvas = useRef<HTMLCanvasElement>(null);
  const lines = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidth(canvas);
  const live = useRef<LiveSeries | null>(null);
  const autoRange = useRef<LevelRange | null>(null);
  /** The level range the background (grid, baseline, titles) was last drawn for. */
  const backgroundRange = useRef<LevelRange | null>(null);

  const draw = useCallback(() => {
    const element = canvas.current;
    const front = lines.current;
    if (!element || !front || widthPx <= 0) return;
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
    // The background changes only with the layout: in software rendering, its labels and the
    // baseline's filled band cost more to paint than the live line itself.
    const drawn = backgroundRange.current;
    if (drawn === null || drawn.minDb !== range.minDb || drawn.maxDb !== range.maxDb) {
      const ctx = prepareCanvas(element, widthPx, heightPx);
      if (!ctx) return;
      drawGrid(ctx, layout, formatTick);
      drawBaselineSeries(ctx, layout);
      if (markersHz) drawMarkerLines(ctx, layout, axis, markersHz);
      drawAxisTitles(ctx, layout, frequencyLabel, levelLabel);
      backgroundRange.current = range;
    }
    const ctx = prepareCanvas(front, widthPx, heightPx);
    if (ctx) drawLiveLines(ctx, layout);
  }, [
    axis,
    baseline,
    levels,
    widthPx,
    heightPx,
    formatTick,
    frequencyLabel,
    levelLabel,
    markersHz,
  ]);
  const request = useDrawGate(canvas, draw);

  // A new axis or baseline starts the automatic range afresh; any change of view redraws.
  useEffect(() => {
    autoRange.current = null;
  }, [axis, baseline]);
  useEffect(() => {
    // A new draw (another axis, size, baseline or label) repaints the background too.
    backgroundRange.current = null;
    request();
  }, [draw, request]);
  useEffect(() => {
    // Another feed (its levels in another unit: a microphone calibration came or went) starts
    // afresh, so no frame of the old one stretches the automatic range.
    live.current = null;
    autoRange.current = null;
    return subscribe((next) => {
      live.current = next;
      request();
    });
  }, [subscribe, request]);

  return (
    <div className="live-spectrum" style={{ position: 'relative', height: heightPx }}>
      <canvas
        ref={canvas}
        className="spectrum-chart"
        style={{ height: heightPx }}
        role="img"
        aria-label={props.description}
      />
      <canvas
        ref={lines}
        className="spectrum-chart"
        aria-hidden="true"
        style={{ position: 'absolute', left: 0, top: 0, height: heightPx }}
      />
    </div>
  );
}
