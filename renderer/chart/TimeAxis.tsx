import { useEffect, useRef, useState } from 'react';
import { timeTicks } from './timeTicks.ts';

export interface TimeAxisProps {
  /** The stretch shown, the same as the waveform's and the spectrogram's. */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly description: string;
  readonly heightPx?: number;
}

/**
 * A time axis for the stretch on screen: ticks and labels computed for the visible part only,
 * so a zoom step costs the same for a minute or an hour of audio.
 */
export function TimeAxis({ startSeconds, endSeconds, description, heightPx = 22 }: TimeAxisProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) =>
      setWidthPx(Math.floor(entries[0].contentRect.width)),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || widthPx === 0) return;
    const scale = window.devicePixelRatio || 1;
    element.width = Math.round(widthPx * scale);
    element.height = Math.round(heightPx * scale);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.clearRect(0, 0, widthPx, heightPx);
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
