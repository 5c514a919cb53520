import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawOverlays } from './plotOverlays.ts';
import type { FrequencySpan, Overlays, PlotMarker } from './plotOverlays.ts';
import { plotOptions } from './plotOptions.ts';
import type { SpectrumTable } from './spectrumTable.ts';
import { followWidth } from './followWidth.ts';

export interface SpectrumPlotProps {
  readonly table: SpectrumTable;
  readonly logFrequency: boolean;
  readonly markers: readonly PlotMarker[];
  /** Frequencies to highlight as anomalous. */
  readonly highlightsHz: readonly number[];
  /** Bands to wash as flagged (none when left out); keep the array stable (useMemo). */
  readonly bands?: readonly FrequencySpan[];
  /** Describes the chart for screen readers (the canvas itself is opaque to them). */
  readonly description: string;
  readonly frequencyLabel: string;
  readonly levelLabel: string;
  /** Tick label of a value; keep it stable (useCallback): a new function redraws the chart. */
  readonly formatTick: (value: number) => string;
  readonly heightPx?: number;
  /** The row under the pointer (index into `table`), or null when the pointer leaves. */
  readonly onCursor?: (index: number | null) => void;
  /** The canvas the chart draws on, for an image export. */
  readonly onCanvas?: (canvas: HTMLCanvasElement | null) => void;
}

/** The series in plotOptions' order: lower and upper edge, median, level. */
function dataOf(table: SpectrumTable): uPlot.AlignedData {
  return [
    table.frequenciesHz as number[],
    table.lowerDb as (number | null)[],
    table.upperDb as (number | null)[],
    table.medianDb as (number | null)[],
    table.levelsDb as number[],
  ];
}

const NO_BANDS: readonly FrequencySpan[] = [];

function overlaysOf(
  table: SpectrumTable,
  markers: readonly PlotMarker[],
  highlightsHz: readonly number[],
  bands: readonly FrequencySpan[],
): Overlays {
  const { frequenciesHz, levelsDb } = table;
  return { markers, bands, highlightsHz, frequenciesHz, levelsDb };
}

/**
 * A spectrum against the baseline's median and normal band, drawn by uPlot (canvas, thousands
 * of points at interactive speed): log or linear frequency axis, markers, highlighted anomalous
 * lines; drag across it to zoom in, double-click to show all.
 */
export function SpectrumPlot(props: SpectrumPlotProps) {
  const { table, logFrequency, markers, highlightsHz, description } = props;
  const bands = props.bands ?? NO_BANDS;
  const { frequencyLabel, levelLabel, formatTick } = props;
  const heightPx = props.heightPx ?? 320;
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ table, overlays: overlaysOf(table, markers, highlightsHz, bands) });
  const callbacks = useRef({ onCursor: props.onCursor, onCanvas: props.onCanvas });
  useEffect(() => {
    callbacks.current = { onCursor: props.onCursor, onCanvas: props.onCanvas };
  });
  // Created once per axis kind and labels; data, markers and size are updated in place.
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const hooks: uPlot.Hooks.Arrays = {
      draw: [(u) => drawOverlays(u, latest.current.overlays, uPlot.pxRatio)],
      setCursor: [(u) => callbacks.current.onCursor?.(u.cursor.idx ?? null)],
    };
    const size = { width: Math.max(200, element.clientWidth), height: heightPx };
    const labels = { frequency: frequencyLabel, level: levelLabel };
    const chart = new uPlot(
      plotOptions(size, logFrequency, labels, formatTick, hooks),
      dataOf(latest.current.table),
      element,
    );
    plot.current = chart;
    callbacks.current.onCanvas?.(chart.ctx.canvas);
    const stopFollowing = followWidth(chart, element, heightPx);
    return () => {
      stopFollowing();
      callbacks.current.onCanvas?.(null);
      chart.destroy();
      plot.current = null;
    };
  }, [logFrequency, frequencyLabel, levelLabel, formatTick, heightPx]);
  useEffect(() => {
    const tableChanged = latest.current.table !== table;
    latest.current = { table, overlays: overlaysOf(table, markers, highlightsHz, bands) };
    // New data rescales the axes; new markers alone only redraw.
    if (tableChanged) plot.current?.setData(dataOf(table));
    else plot.current?.redraw(false);
  }, [table, markers, highlightsHz, bands]);
  return <div ref={host} className="spectrum-plot" role="img" aria-label={description} />;
}
