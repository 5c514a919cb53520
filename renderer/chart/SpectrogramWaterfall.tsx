import { useCallback, useEffect, useMemo, useRef } from 'react';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';
import { colourRows, colormapLut } from './colormap.ts';
import type { SpectrogramRows } from './colormap.ts';
import { frequencyPosition, frequencyTicks } from './frequencyAxis.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import { MARGIN } from './spectrumLayout.ts';
import { useDrawGate } from './useDrawGate.ts';

export type { SpectrogramRows } from './colormap.ts';

export interface SpectrogramWaterfallProps {
  readonly axis: FrequencyAxis;
  /**
   * Subscribes to new lines as they arrive (every one is drawn, however React batches renders);
   * returns the unsubscribe function.
   */
  readonly subscribe: (listener: (rows: SpectrogramRows) => void) => () => void;
  /** A change clears the history (a new axis or a new input). */
  readonly resetKey: unknown;
  /** Lines kept on screen; the newest is on top. */
  readonly historyRows?: number;
  readonly description: string;
  readonly frequencyLabel: string;
  readonly nowLabel: string;
  /** Written at the bottom edge: how long ago the oldest line shown is. */
  readonly pastLabel: string;
  readonly formatTick: (value: number) => string;
  readonly heightPx?: number;
}

const TEXT = '#4a5564';

/**
 * A waterfall spectrogram sharing the live spectrum's frequency axis: frequency across, time
 * downwards, newest on top. The history lives in an off-screen canvas one pixel per cell and
 * line; each update scrolls it by the new lines, and the visible canvas scales it to fit at most
 * once per display frame, only while it is on screen.
 */
export function SpectrogramWaterfall({
  axis,
  subscribe,
  resetKey,
  historyRows = 240,
  description,
  frequencyLabel,
  nowLabel,
  pastLabel,
  formatTick,
  heightPx = 220,
}: SpectrogramWaterfallProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const history = useRef<{ key: unknown; canvas: HTMLCanvasElement } | null>(null);
  const widthPx = useElementWidth(canvas);
  const lut = useMemo(() => colormapLut(), []);

  const draw = useCallback(() => {
    const element = canvas.current;
    if (!element) return;
    const ctx = prepareCanvas(element, widthPx, heightPx);
    if (!ctx) return;
    const plot = {
      left: MARGIN.left,
      top: MARGIN.top,
      width: Math.max(1, widthPx - MARGIN.left - MARGIN.right),
      height: Math.max(1, heightPx - MARGIN.top - MARGIN.bottom),
    };
    ctx.fillStyle = `rgb(${lut[0]}, ${lut[1]}, ${lut[2]})`;
    ctx.fillRect(plot.left, plot.top, plot.width, plot.height);
    const source = history.current?.canvas;
    if (source) ctx.drawImage(source, plot.left, plot.top, plot.width, plot.height);
    ctx.fillStyle = TEXT;
    ctx.strokeStyle = TEXT;
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const bottom = plot.top + plot.height;
    for (const hz of frequencyTicks(axis)) {
      const x = plot.left + frequencyPosition(hz, axis) * plot.width;
      ctx.beginPath();
      ctx.moveTo(Math.round(x) + 0.5, bottom);
      ctx.lineTo(Math.round(x) + 0.5, bottom + 3);
      ctx.stroke();
      ctx.fillText(formatTick(hz), x, bottom + 4);
    }
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'bottom';
    ctx.fillText(frequencyLabel, plot.left + plot.width / 2, bottom + 38);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(nowLabel, plot.left - 6, plot.top);
    ctx.textBaseline = 'bottom';
    ctx.fillText(pastLabel, plot.left - 6, bottom);
  }, [axis, widthPx, heightPx, lut, frequencyLabel, nowLabel, pastLabel, formatTick]);
  const request = useDrawGate(canvas, draw);

  useEffect(
    () =>
      subscribe((rows) => {
        if (rows.levels.length === 0) return;
        let store = history.current;
        if (!store || store.key !== resetKey || store.canvas.width !== rows.cells) {
          const offscreen = document.createElement('canvas');
          offscreen.width = rows.cells;
          offscreen.height = historyRows;
          store = { key: resetKey, canvas: offscreen };
          history.current = store;
        }
        const ctx = store.canvas.getContext('2d');
        if (!ctx) return;
        const lines = Math.min(historyRows, rows.levels.length / rows.cells);
        const newest = rows.levels.subarray(rows.levels.length - lines * rows.cells);
        // Scroll the history down by the new lines, then paint them on top (newest first).
        ctx.drawImage(store.canvas, 0, lines);
        const pixels = colourRows(newest, rows.cells, lut);
        ctx.putImageData(new ImageData(pixels, rows.cells, lines), 0, 0);
        request();
      }),
    [subscribe, resetKey, historyRows, lut, request],
  );

  useEffect(() => {
    if (history.current && history.current.key !== resetKey) history.current = null;
    request();
  }, [draw, request, resetKey]);

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
