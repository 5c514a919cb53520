/**
 * uPlot options of a time-series chart (the machine page's trend): x in seconds since the epoch,
 * tick labels written by the caller in the reader's language and time zone, one y axis, series
 * drawn as points joined by lines (a dashed one for a threshold), vertical event markers.
 */
import type uPlot from 'uplot';
import { PLOT_COLORS } from './plotOptions.ts';

export interface TimeSeries {
  readonly label: string;
  readonly color: string;
  /** One value per time; null leaves a gap (and no point). */
  readonly values: readonly (number | null)[];
  /** A reference line (the threshold): dashed, without points. */
  readonly dashed?: boolean;
}

/** Something that happened at a time (a fault-log entry), drawn as a vertical line. */
export interface TimeMarker {
  readonly timeSeconds: number;
  readonly color: string;
}

/** Shown around a single instant (all points at one time), so the chart is not a hairline. */
const MIN_SPAN_SECONDS = 60;

/** The x range: every point and marker, padded by 5 % (a minute around a single instant). */
export function timeRange(timesSeconds: readonly number[]): [number, number] {
  const finite = timesSeconds.filter(Number.isFinite);
  if (finite.length === 0) return [0, MIN_SPAN_SECONDS];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = max > min ? (max - min) * 0.05 : MIN_SPAN_SECONDS / 2;
  return [min - pad, max + pad];
}

/** Draws the markers as 2-px vertical lines over the plot area. */
export function drawTimeMarkers(u: uPlot, markers: readonly TimeMarker[], ratio: number): void {
  const { ctx } = u;
  const { top, height, left, width } = u.bbox;
  ctx.save();
  ctx.lineWidth = 2 * ratio;
  ctx.setLineDash([4 * ratio, 3 * ratio]);
  for (const marker of markers) {
    const x = u.valToPos(marker.timeSeconds, 'x', true);
    if (x < left || x > left + width) continue;
    ctx.strokeStyle = marker.color;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  ctx.restore();
}

export interface TimeSeriesLabels {
  readonly value: string;
  /** A tick of the time axis (seconds since the epoch), in the reader's language and zone. */
  readonly formatTime: (timeSeconds: number, spanSeconds: number) => string;
  /** A tick of the value axis. */
  readonly formatValue: (value: number) => string;
}

/**
 * Tick labels with a label equal to the one before it left blank: ticks closer than the labels'
 * precision (two ticks in one second, read to the second) would otherwise repeat it.
 */
export function withoutRepeats(labels: readonly string[]): string[] {
  return labels.map((label, i) => (i > 0 && label === labels[i - 1] ? '' : label));
}

export function timeSeriesOptions(
  size: { width: number; height: number },
  series: readonly TimeSeries[],
  xRange: [number, number],
  labels: TimeSeriesLabels,
  hooks: uPlot.Hooks.Arrays,
): uPlot.Options {
  const axis = { stroke: PLOT_COLORS.axis, grid: { stroke: PLOT_COLORS.grid, width: 1 } };
  const span = xRange[1] - xRange[0];
  return {
    ...size,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 7 } },
    scales: {
      x: { time: false, range: () => xRange },
      y: { auto: true, range: (_u, min, max) => [Math.min(0, min), max + (max - min) * 0.1 || 1] },
    },
    axes: [
      {
        ...axis,
        values: (_u, splits) => withoutRepeats(splits.map((s) => labels.formatTime(s, span))),
        space: 90,
      },
      {
        ...axis,
        label: labels.value,
        values: (_u, splits) => splits.map(labels.formatValue),
        size: 56,
      },
    ],
    series: [
      {},
      ...series.map((s): uPlot.Series =>
        s.dashed
          ? { stroke: s.color, width: 1.5, dash: [8, 5], points: { show: false } }
          : {
              stroke: s.color,
              width: 1.5,
              spanGaps: false,
              points: { show: true, size: 7, fill: s.color, stroke: s.color },
            },
      ),
    ],
    hooks,
  };
}
