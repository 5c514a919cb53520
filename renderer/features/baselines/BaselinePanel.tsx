import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineSpectrumView, BaselineSummary } from '../../../shared/api/contract.ts';
import { SpectrumChart } from '../../chart/SpectrumChart.tsx';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatDateTime, formatFrequencyHz, formatNumber } from '../../format/numbers.ts';
import type { BaselineBuild } from './useBaselineBuild.ts';

export interface BaselinePanelProps {
  readonly baseline: BaselineSummary | null;
  readonly selectedCount: number;
  readonly build: Omit<BaselineBuild, 'build'>;
  readonly onBuild: () => void;
  readonly spectrum: BaselineSpectrumView | null;
  readonly spectrumError: string | null;
}

/** The machine's baseline: what it was built from, building a new one, and its spectrum. */
export function BaselinePanel({
  baseline,
  selectedCount,
  build,
  onBuild,
  spectrum,
  spectrumError,
}: BaselinePanelProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const formatTick = useCallback((value: number) => formatNumber(value, lang, 1), [lang]);
  const running = build.state === 'running';
  return (
    <section className="panel" aria-labelledby="baseline-title">
      <h3 id="baseline-title">{t('baseline.title')}</h3>
      <p className="muted">{t('baseline.explain')}</p>
      {baseline === null ? (
        <p>{t('baseline.none')}</p>
      ) : (
        <p>
          {t('baseline.summary', {
            date: formatDateTime(baseline.createdAt, lang),
            recordings: baseline.recordingIds.length,
            threshold: formatNumber(baseline.threshold, lang, 2),
          })}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={selectedCount === 0 || running}
          onClick={onBuild}
        >
          {t('baseline.build', { selected: selectedCount })}
        </button>
        {selectedCount === 0 && !running && (
          <span className="muted">{t('baseline.chooseFirst')}</span>
        )}
      </div>
      {build.state !== 'idle' && (
        <ProgressBar
          label={t('baseline.progressLabel')}
          fraction={build.state === 'done' ? 1 : build.progress}
          text={
            build.state === 'done'
              ? t('baseline.done')
              : build.state === 'failed'
                ? t('baseline.failed')
                : t('baseline.running', { percent: formatNumber(100 * build.progress, lang, 0) })
          }
        />
      )}
      <ErrorText message={build.error} />
      <ErrorText message={spectrumError} />
      {spectrum !== null && (
        <figure className="spectrum">
          <SpectrumChart
            series={spectrum}
            description={t('baseline.chartDescription', {
              min: formatFrequencyHz(spectrum.frequenciesHz.find((hz) => hz > 0) ?? 0, lang),
              max: formatFrequencyHz(
                spectrum.frequenciesHz[spectrum.frequenciesHz.length - 1] ?? 0,
                lang,
              ),
            })}
            frequencyLabel={t('chart.frequencyHz')}
            levelLabel={t('chart.levelDb')}
            formatTick={formatTick}
          />
          <figcaption>
            <span className="legend-median">{t('chart.median')}</span>
            <span className="legend-band">{t('chart.band')}</span>
          </figcaption>
        </figure>
      )}
    </section>
  );
}
