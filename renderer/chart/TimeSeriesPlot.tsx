import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawTimeMarkers, timeRange, timeSeriesOptions } from './timeSeriesOptions.ts';
import type { TimeMarker, TimeSeries, TimeSeriesLabels } from './timeSeriesOptions.ts';
import { followWidth } from './followWidth.ts';

export type { TimeMarker, TimeSeries } from './timeSeriesOptions.ts';

export interface TimeSeriesPlotProps {
  /** Seconds since the epoch, ascending; every series has one value per time. */
  readonly timesSeconds: readonly number[];
  readonly series: readonly TimeSeries[];
  readonly markers: readonly TimeMarker[];
  /** Describes the chart for screen readers (the canvas itself is opaque to them). */
  readonly description: string;
  /** Keep the functions stable (useCallback/useMemo): new ones redraw the chart. */
  readonly labels: TimeSeriesLabels;
  readonly heightPx?: number;
}

function dataOf(times: readonly number[], series: readonly TimeSeries[]): uPlot.AlignedData {
  return [times as number[], ...series.map((s) => s.values as (number | null)[])];
}

/**
 * Values over time drawn by uPlot: points joined by lines, dashed reference lines and vertical
 * markers. Rebuilt when its data change (a trend has tens of points, not thousands).
 */
export function TimeSeriesPlot(props: TimeSeriesPlotProps) {
  const { timesSeconds, series, markers, description, labels } = props;
  const heightPx = props.heightPx ?? 240;
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const range = timeRange([...timesSeconds, ...markers.map((m) => m.timeSeconds)]);
    const hooks: uPlot.Hooks.Arrays = {
      draw: [(u) => drawTimeMarkers(u, markers, uPlot.pxRatio)],
    };
    const size = { width: Math.max(200, element.clientWidth), height: heightPx };
    const chart = new uPlot(
      timeSeriesOptions(size, series, range, labels, hooks),
      dataOf(timesSeconds, series),
      element,
    );
    const stopFollowing = followWidth(chart, element, heightPx);
    return () => {
      stopFollowing();
      chart.destroy();
    };
  }, [timesSeconds, series, markers, labels, heightPx]);
  return <div ref={host} className="time-series-plot" role="img" aria-label={description} />;
}
