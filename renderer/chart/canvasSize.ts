import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The element's CSS width in whole pixels, followed as it resizes (0 before the first layout). */
export function useElementWidth(element: RefObject<HTMLElement | null>): number {
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver((entries) =>
      setWidthPx(Math.floor(entries[0].contentRect.width)),
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return widthPx;
}

/**
 * Sizes the canvas's backing store to `widthPx` × `heightPx` CSS pixels at the device's pixel
 * ratio (sharp lines on dense screens) and returns its context scaled to CSS pixels, or null.
 */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  widthPx: number,
  heightPx: number,
): CanvasRenderingContext2D | null {
  const ctx = canvas.getContext('2d');
  if (!ctx || widthPx <= 0) return null;
  const scale = window.devicePixelRatio || 1;
  const width = Math.round(widthPx * scale);
  const height = Math.round(heightPx * scale);
  // Assigning the size clears the canvas even when unchanged; only do it when it changes.
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, widthPx, heightPx);
  return ctx;
}
