/**
 * What the Trend panel's charts draw, from a machine's trend: times in seconds, the score and
 * threshold series, one series per characteristic line, fault-log entries as markers coloured
 * by status. The colours match the legend swatches of renderer/styles/trend.css.
 */
import type { MachineTrend, TrendLine } from '../../../../shared/api/contract.ts';
import type { FaultStatus } from '../../../../shared/faultLog/workflow.ts';
import type { TimeMarker, TimeSeries } from '../../../chart/timeSeriesOptions.ts';
import { PLOT_COLORS } from '../../../chart/plotOptions.ts';

export const THRESHOLD_COLOR = '#37474f';
export const STATUS_COLORS: Readonly<Record<FaultStatus, string>> = {
  open: '#c62828',
  acknowledged: '#ef6c00',
  'repair-planned': '#b38600',
  repaired: '#1565c0',
  verified: '#2e7d32',
  dismissed: '#757575',
};
/** One per line, in the trend's order (at most six lines). */
export const LINE_COLORS = ['#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e', '#283593'];

export function pointTimesSeconds(trend: MachineTrend): number[] {
  return trend.points.map((p) => Date.parse(p.time) / 1000);
}

export function scoreSeries(
  trend: MachineTrend,
  labels: { score: string; threshold: string },
): TimeSeries[] {
  return [
    {
      label: labels.threshold,
      color: THRESHOLD_COLOR,
      values: trend.points.map((p) => p.threshold),
      dashed: true,
    },
    {
      label: labels.score,
      color: PLOT_COLORS.level,
      values: trend.points.map((p) => p.anomalyScore),
    },
  ];
}

export function levelSeries(trend: MachineTrend, name: (line: TrendLine) => string): TimeSeries[] {
  return trend.lines.map((line, index) => ({
    label: name(line),
    color: LINE_COLORS[index % LINE_COLORS.length],
    values: trend.points.map((p) => p.levelsDb[index] ?? null),
  }));
}

/** Archived entries are left off the chart, as the Fault log screen hides them by default. */
export function faultMarkers(trend: MachineTrend): TimeMarker[] {
  return trend.faults
    .filter((f) => !f.archived)
    .map((f) => ({ timeSeconds: Date.parse(f.time) / 1000, color: STATUS_COLORS[f.status] }));
}

const TIME_BUCKETS: readonly [maxSpanSeconds: number, Intl.DateTimeFormatOptions][] = [
  [2 * 3600, { hour: '2-digit', minute: '2-digit', second: '2-digit' }],
  [3 * 86400, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }],
  [Infinity, { year: 'numeric', month: 'short', day: 'numeric' }],
];

/** Formatters by language and bucket: uPlot asks for every tick at each redraw and resize. */
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A time-axis tick in the reader's language and zone: finer as the chart spans less. */
export function formatTrendTime(
  timeSeconds: number,
  spanSeconds: number,
  language: string,
): string {
  const bucket = TIME_BUCKETS.findIndex(([maxSpan]) => spanSeconds < maxSpan);
  const key = `${language}|${bucket}`;
  let format = timeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(language, TIME_BUCKETS[bucket][1]);
    timeFormats.set(key, format);
  }
  return format.format(new Date(timeSeconds * 1000));
}

/** A `YYYY-MM` calendar month (UTC) as "March 2025" / "2025年3月". */
export function formatMonth(month: string, language: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return month;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(date);
}
