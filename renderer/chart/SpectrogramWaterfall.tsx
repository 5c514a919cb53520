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

/** Ticks and labels around the plot area (the image lies over that area). */
function drawAxes(
  ctx: CanvasRenderingContext2D,
  labels: Pick<
    SpectrogramWaterfallProps,
    'axis' | 'frequencyLabel' | 'nowLabel' | 'pastLabel' | 'formatTick'
  > & { widthPx: number; heightPx: number },
): void {
  const { axis, widthPx, heightPx, frequencyLabel, nowLabel, pastLabel, formatTick } = labels;
  const bottom = MARGIN.top + Math.max(1, heightPx - MARGIN.top - MARGIN.bottom);
  const left = MARGIN.left;
  const width = Math.max(1, widthPx - MARGIN.left - MARGIN.right);
  ctx.fillStyle = TEXT;
  ctx.strokeStyle = TEXT;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const hz of frequencyTicks(axis)) {
    const x = left + frequencyPosition(hz, axis) * width;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, bottom);
    ctx.lineTo(Math.round(x) + 0.5, bottom + 3);
    ctx.stroke();
    ctx.fillText(formatTick(hz), x, bottom + 4);
  }
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  ctx.fillText(frequencyLabel, left + width / 2, bottom + 38);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'top';
  ctx.fillText(nowLabel, left - 6, MARGIN.top);
  ctx.textBaseline = 'bottom';
  ctx.fillText(pastLabel, left - 6, bottom);
}

/**
 * A waterfall spectrogram sharing the live spectrum's frequency axis: frequency across, time
 * downwards, newest on top. The history lives in an off-screen canvas one pixel per cell and
 * line; each update scrolls it by the new lines. On screen, a canvas of that same size is laid
 * over the plot area and stretched by CSS, so an update copies 512 × 240 pixels unscaled and the
 * compositor does the stretching; the axes are drawn on the canvas beneath only when they
 * change. Updates reach the screen at most once per display frame, only while it is on screen.
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
  const image = useRef<HTMLCanvasElement>(null);
  const history = useRef<{ key: unknown; canvas: HTMLCanvasElement } | null>(null);
  const widthPx = useElementWidth(canvas);
  const lut = useMemo(() => colormapLut(), []);
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    width: Math.max(1, widthPx - MARGIN.left - MARGIN.right),
    height: Math.max(1, heightPx - MARGIN.top - MARGIN.bottom),
  };

  // The axes: redrawn when they change, never per update.
  useEffect(() => {
    const element = canvas.current;
    const ctx = element && prepareCanvas(element, widthPx, heightPx);
    if (!ctx) return;
    drawAxes(ctx, { axis, widthPx, heightPx, frequencyLabel, nowLabel, pastLabel, formatTick });
  }, [axis, widthPx, heightPx, frequencyLabel, nowLabel, pastLabel, formatTick]);

  const draw = useCallback(() => {
    const element = image.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx) return;
    const source = history.current?.canvas;
    if (source && (element.width !== source.width || element.height !== source.height)) {
      element.width = source.width;
      element.height = source.height;
    }
    if (source) {
      ctx.drawImage(source, 0, 0);
    } else {
      ctx.fillStyle = `rgb(${lut[0]}, ${lut[1]}, ${lut[2]})`;
      ctx.fillRect(0, 0, element.width, element.height);
    }
  }, [lut]);
  const request = useDrawGate(image, draw);
  useEffect(
    () =>
      subscribe((rows) => {
        if (rows.levels.length === 0) return;
        let store = history.current;
        if (!store || store.key !== resetKey || store.canvas.width !== rows.cells) {
          const offscreen = document.createElement('canvas');
          offscreen.width = rows.cells;
          offscreen.height = historyRows;
          // Lines not yet arrived show as the colour scale's bottom, as silence would.
          const blank = offscreen.getContext('2d');
          if (blank) {
            blank.fillStyle = `rgb(${lut[0]}, ${lut[1]}, ${lut[2]})`;
            blank.fillRect(0, 0, rows.cells, historyRows);
          }
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
    <div className="waterfall" style={{ position: 'relative', height: heightPx }}>
      <canvas
        ref={canvas}
        className="spectrum-chart"
        style={{ height: heightPx }}
        role="img"
        aria-label={description}
      />
      <canvas
        ref={image}
        width={1}
        height={historyRows}
        aria-hidden="true"
        style={{
          position: 'absolute',
          left: plot.left,
          top: plot.top,
          width: plot.width,
          height: plot.height,
        }}
      />
    </div>
  );
}
