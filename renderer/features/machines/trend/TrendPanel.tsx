import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineTrend, TrendLine } from '../../../../shared/api/contract.ts';
import { FAULT_STATUSES } from '../../../../shared/faultLog/workflow.ts';
import { frequencyRefName } from '../../../../shared/i18n/frequencyName.ts';
import { TimeSeriesPlot } from '../../../chart/TimeSeriesPlot.tsx';
import type { TimeMarker } from '../../../chart/TimeSeriesPlot.tsx';
import { Pending } from '../../../components/Pending.tsx';
import { formatFrequencyHz, formatNumber } from '../../../format/numbers.ts';
import { useLanguage } from '../../../i18n/useLanguage.ts';
import { CausesByMonth } from './CausesByMonth.tsx';
import {
  faultMarkers,
  formatTrendTime,
  levelSeries,
  pointTimesSeconds,
  scoreSeries,
} from './trendSeries.ts';
import { useMachineTrend } from './useMachineTrend.ts';

/** Fewer points make no trend. */
const MIN_POINTS = 2;

function useLineName(): (line: TrendLine) => string {
  const { t } = useTranslation();
  const lang = useLanguage();
  return useCallback(
    (line: TrendLine) =>
      t('trend.lineName', {
        name:
          line.harmonic === 1
            ? frequencyRefName(line.frequency, lang)
            : t('trend.harmonic', {
                harmonic: line.harmonic,
                name: frequencyRefName(line.frequency, lang),
              }),
        frequency: formatFrequencyHz(line.frequencyHz, lang),
        source: t(`trend.sources.${line.source}`),
      }),
    [t, lang],
  );
}

function Legend({ items }: { items: readonly { key: string; label: string; swatch: string }[] }) {
  return (
    <ul className="chart-legend trend-legend">
      {items.map((item) => (
        <li key={item.key}>
          <span className={`swatch ${item.swatch}`} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** Axis labels of a chart in the reader's language: times, and values rounded to 0.1. */
function useAxisLabels(valueKey: string) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return useMemo(
    () => ({
      value: t(valueKey),
      formatTime: (seconds: number, span: number) => formatTrendTime(seconds, span, lang),
      formatValue: (v: number) => formatNumber(v, lang, 1),
    }),
    [t, lang, valueKey],
  );
}

interface ChartProps {
  readonly trend: MachineTrend;
  readonly times: readonly number[];
  readonly markers: readonly TimeMarker[];
}

function ScoreChart({ trend, times, markers }: ChartProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useAxisLabels('trend.score');
  const score = useMemo(
    () => scoreSeries(trend, { score: t('trend.score'), threshold: t('trend.threshold') }),
    [trend, t],
  );
  const threshold = trend.points[trend.points.length - 1].threshold;
  const statuses = FAULT_STATUSES.filter((s) =>
    trend.faults.some((f) => !f.archived && f.status === s),
  );
  return (
    <>
      <TimeSeriesPlot
        timesSeconds={times}
        series={score}
        markers={markers}
        labels={labels}
        description={t('trend.scoreChart', {
          points: trend.points.length,
          threshold: formatNumber(threshold ?? Number.NaN, lang, 1),
          faults: markers.length,
        })}
      />
      <Legend
        items={[
          { key: 'score', label: t('trend.score'), swatch: 'swatch-score' },
          { key: 'threshold', label: t('trend.threshold'), swatch: 'swatch-threshold' },
          ...statuses.map((s) => ({
            key: s,
            label: t('trend.faultMarker', { status: t(`faultLog.statuses.${s}`) }),
            swatch: `swatch-status-${s}`,
          })),
        ]}
      />
    </>
  );
}

function LevelsChart({ trend, times, markers }: ChartProps) {
  const { t } = useTranslation();
  const lineName = useLineName();
  const labels = useAxisLabels('trend.levelAxis');
  const levels = useMemo(() => levelSeries(trend, lineName), [trend, lineName]);
  return (
    <>
      <h4>{t('trend.levelsTitle')}</h4>
      <p className="muted">{t('trend.levelsExplain')}</p>
      {levels.length === 0 ? (
        <p>{t('trend.noLevels')}</p>
      ) : (
        <>
          <TimeSeriesPlot
            timesSeconds={times}
            series={levels}
            markers={markers}
            labels={labels}
            heightPx={200}
            description={t('trend.levelsChart', { lines: levels.length, points: times.length })}
          />
          <Legend
            items={levels.map((s, index) => ({
              key: String(index),
              label: s.label,
              swatch: `swatch-line-${index}`,
            }))}
          />
        </>
      )}
    </>
  );
}

function TrendCharts({ trend }: { trend: MachineTrend }) {
  const times = useMemo(() => pointTimesSeconds(trend), [trend]);
  const markers = useMemo(() => faultMarkers(trend), [trend]);
  return (
    <>
      <ScoreChart trend={trend} times={times} markers={markers} />
      <LevelsChart trend={trend} times={times} markers={markers} />
    </>
  );
}

/** The machine's Trend panel: its diagnoses over time, line levels and causes by month. */
export function TrendPanel({ machineId }: { machineId: string }) {
  const { t } = useTranslation();
  const trend = useMachineTrend(machineId);
  return (
    <section className="panel trend" aria-labelledby="trend-title">
      <h3 id="trend-title">{t('trend.title')}</h3>
      {trend.data === null ? (
        <Pending error={trend.error} />
      ) : trend.data.points.length < MIN_POINTS ? (
        <p>{t('trend.empty', { points: trend.data.points.length })}</p>
      ) : (
        <>
          <p className="muted">{t('trend.explain')}</p>
          <TrendCharts trend={trend.data} />
          <CausesByMonth months={trend.data.causesByMonth} />
        </>
      )}
    </section>
  );
}
