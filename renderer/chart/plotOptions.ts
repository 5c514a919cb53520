/** uPlot options of the spectrum plot: series, band, axes, scales and cursor. */
import type uPlot from 'uplot';
import { logTicks } from './scales.ts';

export const PLOT_COLORS = {
  level: '#e65100',
  median: '#174a8b',
  bandEdge: 'rgba(46, 125, 214, 0.55)',
  band: 'rgba(46, 125, 214, 0.22)',
  axis: '#4a5564',
  grid: '#e3e7ec',
};

export interface PlotLabels {
  readonly frequency: string;
  readonly level: string;
}

/**
 * Frequency tick labels: every split is written (a log axis's splits are chosen to be, and its
 * filter below keeps them all); a split uPlot left out comes as null and gets no label.
 */
function frequencyValues(format: (hz: number) => string) {
  return (_u: uPlot, splits: (number | null)[]) =>
    splits.map((hz) => (hz === null ? '' : format(hz)));
}

/** Keeps every split of a log axis: uPlot's own filter labels only the decades. */
function everySplit(_u: uPlot, splits: number[]): number[] {
  return splits;
}

/**
 * Splits of a log axis from logTicks: 1-2-5 values over a wide range, finer round values once
 * zoomed in (uPlot's own log splits leave a zoomed axis with no labelled tick).
 */
function logSplits(_u: uPlot, _axis: number, min: number, max: number): number[] {
  return min > 0 && max > min ? logTicks(min, max, 30) : [];
}

export function plotOptions(
  size: { width: number; height: number },
  log: boolean,
  labels: PlotLabels,
  formatTick: (value: number) => string,
  hooks: uPlot.Hooks.Arrays,
): uPlot.Options {
  const axis = { stroke: PLOT_COLORS.axis, grid: { stroke: PLOT_COLORS.grid, width: 1 } };
  return {
    ...size,
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: true }, points: { size: 7 } },
    scales: {
      // The data's own extent: uPlot would round a log axis out to whole decades.
      x: {
        time: false,
        range: (_u, min, max) => [min, max],
        ...(log ? { distr: 3, log: 10 } : {}),
      },
      y: { auto: true },
    },
    axes: [
      {
        ...axis,
        label: labels.frequency,
        values: frequencyValues(formatTick),
        ...(log ? { splits: logSplits, filter: everySplit } : {}),
      },
      { ...axis, label: labels.level, values: (_u, splits) => splits.map(formatTick), size: 56 },
    ],
    // Drawn in this order: the band, the median, then the stretch's level on top.
    series: [
      {},
      { stroke: PLOT_COLORS.bandEdge, width: 0.5, points: { show: false } },
      { stroke: PLOT_COLORS.bandEdge, width: 0.5, points: { show: false } },
      { stroke: PLOT_COLORS.median, width: 1.25, points: { show: false } },
      { stroke: PLOT_COLORS.level, width: 1.25, points: { show: false } },
    ],
    bands: [{ series: [2, 1], fill: PLOT_COLORS.band }],
    hooks,
  };
}
