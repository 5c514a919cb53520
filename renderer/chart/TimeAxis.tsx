import { useEffect, useRef } from 'react';
import { timeTicks } from './timeTicks.ts';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';

export interface TimeAxisProps {
  /** The stretch shown, the same as the waveform's and the spectrogram's. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly description: string;
  readonly heightPx?: number;
}

/** Tick marks and labels of the visible stretch, on a prepared canvas. */
function drawTimeTicks(
  ctx: CanvasRenderingContext2D,
  startSeconds: number,
  endSeconds: number,
  widthPx: number,
  heightPx: number,
): void {
  ctx.strokeStyle = '#8795a6';
  ctx.fillStyle = '#4a5564';
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  for (const tick of timeTicks(startSeconds, endSeconds, widthPx)) {
    const x = Math.round(tick.x) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, tick.label === null ? 4 : 8);
    ctx.stroke();
    if (tick.label !== null) {
      const width = ctx.measureText(tick.label).width;
      ctx.fillText(tick.label, Math.min(Math.max(x + 2, 0), widthPx - width), heightPx - 2);
    }
  }
}

/**
 * A time axis for the stretch on screen: ticks and labels computed for the visible part only,
 * so a zoom step costs the same for a minute or an hour of audio.
 */
export function TimeAxis({ startSeconds, endSeconds, description, heightPx = 22 }: TimeAxisProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidth(canvas);
  useEffect(() => {
    const element = canvas.current;
    const ctx = element && prepareCanvas(element, widthPx, heightPx);
    if (!ctx) return;
    drawTimeTicks(ctx, startSeconds, endSeconds, widthPx, heightPx);
  }, [startSeconds, endSeconds, widthPx, heightPx]);
  return (
    <canvas
      ref={canvas}
      className="time-axis"
      style={{ height: heightPx }}
      role="img"
      aria-label={description}
    />
  );
}
