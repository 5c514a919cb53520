import { useTranslation } from 'react-i18next';
import type { BaselineSpectrumView, BaselineSummary } from '../../../shared/api/contract.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatDateTime, formatNumber } from '../../format/numbers.ts';
import { BaselineSpectrum } from './BaselineSpectrum.tsx';
import type { BaselineBuild } from './useBaselineBuild.ts';

export interface BaselinePanelProps {
  readonly baseline: BaselineSummary | null;
  readonly selectedCount: number;
  readonly build: Omit<BaselineBuild, 'build'>;
  readonly onBuild: () => void;
  readonly spectrum: BaselineSpectrumView | null;
  readonly spectrumError: string | null;
}

function BuildProgress({ build }: { build: Omit<BaselineBuild, 'build'> }) {
  const { t, i18n } = useTranslation();
  if (build.state === 'idle') return null;
  const text =
    build.state === 'done'
      ? t('baseline.done')
      : build.state === 'failed'
        ? t('baseline.failed')
        : t('baseline.running', { percent: formatNumber(100 * build.progress, i18n.language, 0) });
  return (
    <ProgressBar
      label={t('baseline.progressLabel')}
      fraction={build.state === 'done' ? 1 : build.progress}
      text={text}
    />
  );
}

/** The machine's baseline: what it was built from, building a new one, and its spectrum. */
export function BaselinePanel(props: BaselinePanelProps) {
  const { baseline, selectedCount, build, onBuild, spectrum, spectrumError } = props;
  const { t, i18n } = useTranslation();
  const running = build.state === 'running';
  return (
    <section className="panel" aria-labelledby="baseline-title">
      <h3 id="baseline-title">{t('baseline.title')}</h3>
      <p className="muted">{t('baseline.explain')}</p>
      <p>
        {baseline === null
          ? t('baseline.none')
          : t('baseline.summary', {
              date: formatDateTime(baseline.createdAt, i18n.language),
              recordings: baseline.recordingIds.length,
              threshold: formatNumber(baseline.threshold, i18n.language, 2),
            })}
      </p>
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
      <BuildProgress build={build} />
      <ErrorText message={build.error} />
      <ErrorText message={spectrumError} />
      {spectrum !== null && <BaselineSpectrum spectrum={spectrum} />}
    </section>
  );
}
