import { useEffect, useMemo, useRef } from 'react';
import { frequencyPosition, frequencyTicks } from './frequencyAxis.ts';
import type { FrequencyAxis } from './frequencyAxis.ts';
import {
  levelRange,
  sourceColumns,
  spectrogramAxisPixels,
  spectrogramRowBins,
} from './spectrogramImage.ts';
import type { SpectrogramGrid } from './spectrogramImage.ts';
import { prepareCanvas, useElementWidth } from './canvasSize.ts';

export interface SpectrogramSource extends SpectrogramGrid {
  readonly durationSeconds: number;
  readonly maxFrequencyHz: number;
}

interface Range {
  readonly startSeconds: number;
  readonly endSeconds: number;
}

export interface SpectrogramCanvasProps {
  readonly spectrogram: SpectrogramSource;
  /** The frequency axis, bottom to top: log or linear, and the range zoomed to. */
  readonly axis: FrequencyAxis;
  /** The stretch on screen, the same as the waveform's above it. */
  readonly visible: Range;
  /** The analysed stretch: what lies outside it is dimmed. */
  readonly region: Range | null;
  readonly description: string;
  /** Label of a frequency axis tick (Hz in, text out). */
  readonly formatFrequency: (frequencyHz: number) => string;
  readonly heightPx?: number;
}

/** Image rows on the frequency axis: enough for a tall chart on a dense screen. */
const IMAGE_ROWS = 400;

/** The whole spectrogram as an offscreen image on `axis`, made once per spectrogram and axis. */
function imageOf(spectrogram: SpectrogramSource, axis: FrequencyAxis): HTMLCanvasElement | null {
  const range = levelRange(spectrogram.valuesDb);
  if (range === null || spectrogram.columnCount === 0 || spectrogram.binCount < 2) return null;
  const rows = spectrogramRowBins(
    axis,
    spectrogram.binCount,
    spectrogram.maxFrequencyHz,
    IMAGE_ROWS,
  );
  const image = document.createElement('canvas');
  image.width = spectrogram.columnCount;
  image.height = IMAGE_ROWS;
  const pixels = spectrogramAxisPixels(spectrogram, range, rows);
  image
    .getContext('2d')
    ?.putImageData(new ImageData(pixels, spectrogram.columnCount, IMAGE_ROWS), 0, 0);
  return image;
}

function drawAxis(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number },
  axis: FrequencyAxis,
  format: (hz: number) => string,
): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  // Readable ticks whatever the range: 1-2-5 per decade (log) or round steps (linear).
  for (const hz of frequencyTicks(axis, Math.max(3, Math.floor(size.height / 24)))) {
    const y = size.height * (1 - frequencyPosition(hz, axis));
    if (y < 8 || y > size.height - 8) continue;
    const text = format(hz);
    ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.fillRect(2, y - 7, ctx.measureText(text).width + 6, 14);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, 5, y);
  }
}

function dimOutside(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number },
  visible: Range,
  region: Range,
): void {
  const span = visible.endSeconds - visible.startSeconds;
  if (!(span > 0)) return;
  const x = (s: number) => ((s - visible.startSeconds) / span) * size.width;
  const [left, right] = [
    Math.max(0, x(region.startSeconds)),
    Math.min(size.width, x(region.endSeconds)),
  ];
  ctx.fillStyle = 'rgba(0, 0, 0, 0.45)';
  if (left > 0) ctx.fillRect(0, 0, Math.min(left, size.width), size.height);
  if (right < size.width)
    ctx.fillRect(Math.max(0, right), 0, size.width - Math.max(0, right), size.height);
}

/**
 * The host's spectrogram (computed by the project's DSP, not in the page) under the waveform,
 * showing the same stretch: zooming and scrolling copy part of one cached image, so they stay
 * smooth for an hour of audio. Time runs left to right, frequency (log or linear, over the
 * range asked for) bottom to top.
 */
export function SpectrogramCanvas(props: SpectrogramCanvasProps) {
  const { spectrogram, axis, visible, region, description, formatFrequency } = props;
  const heightPx = props.heightPx ?? 160;
  const canvas = useRef<HTMLCanvasElement>(null);
  const widthPx = useElementWidth(canvas);
  const image = useMemo(() => imageOf(spectrogram, axis), [spectrogram, axis]);
  useEffect(() => {
    const element = canvas.current;
    if (!element || widthPx === 0 || !image) return;
    const frame = requestAnimationFrame(() => {
      const ctx = prepareCanvas(element, widthPx, heightPx);
      if (!ctx) return;
      const size = { width: widthPx, height: heightPx };
      const { columnCount, durationSeconds } = spectrogram;
      const source = sourceColumns(
        columnCount,
        durationSeconds,
        visible.startSeconds,
        visible.endSeconds,
      );
      ctx.imageSmoothingEnabled = source.width > widthPx;
      ctx.drawImage(image, source.x, 0, source.width, image.height, 0, 0, widthPx, heightPx);
      if (region) dimOutside(ctx, size, visible, region);
      drawAxis(ctx, size, axis, formatFrequency);
    });
    return () => cancelAnimationFrame(frame);
  }, [image, spectrogram, axis, visible, region, widthPx, heightPx, formatFrequency]);
  return (
    <canvas
      ref={canvas}
      className="spectrogram"
      style={{ height: heightPx }}
      role="img"
      aria-label={description}
    />
  );
}
