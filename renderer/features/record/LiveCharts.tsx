import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';
import { liveFrequencyAxis } from '../../chart/frequencyAxis.ts';
import type { FrequencyScale } from '../../chart/frequencyAxis.ts';
import { LiveSpectrumChart } from '../../chart/LiveSpectrumChart.tsx';
import { SpectrogramWaterfall } from '../../chart/SpectrogramWaterfall.tsx';
import { formatFrequencyHz, formatNumber } from '../../format/numbers.ts';
import type { LiveSpectrum } from './liveMessages.ts';

/** Lines the waterfall keeps (about 10 s at 48 kHz). */
const WATERFALL_LINES = 240;

export interface LiveChartsProps {
  readonly sampleRateHz: number;
  readonly scale: FrequencyScale;
  readonly onScale: (scale: FrequencyScale) => void;
  readonly spectrum: LiveSpectrum | null;
  readonly baseline: BaselineSpectrumView | null;
  readonly linesPerSecond: number | null;
  readonly subscribeRows: (listener: (rows: SpectrogramRows) => void) => () => void;
  /** A change clears the waterfall (another microphone). */
  readonly inputKey: unknown;
}

function AxisSwitch({ scale, onScale }: Pick<LiveChartsProps, 'scale' | 'onScale'>) {
  const { t } = useTranslation();
  return (
    <fieldset className="axis-switch">
      <legend>{t('record.axis')}</legend>
      {(['log', 'linear'] as const).map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="record-axis"
            value={option}
            checked={scale === option}
            onChange={() => onScale(option)}
          />
          {t(option === 'log' ? 'record.axisLog' : 'record.axisLinear')}
        </label>
      ))}
    </fieldset>
  );
}

/** The live spectrum over the baseline's normal band, and the waterfall spectrogram below it. */
export function LiveCharts(props: LiveChartsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { sampleRateHz, scale, spectrum, baseline } = props;
  const axis = useMemo(() => liveFrequencyAxis(scale, sampleRateHz), [scale, sampleRateHz]);
  const formatTick = useCallback((value: number) => formatNumber(value, lang, 1), [lang]);
  const range = {
    min: formatFrequencyHz(axis.minHz, lang),
    max: formatFrequencyHz(axis.maxHz, lang),
    axis: t(scale === 'log' ? 'record.axisLogName' : 'record.axisLinearName'),
  };
  const historySeconds =
    props.linesPerSecond === null ? null : WATERFALL_LINES / props.linesPerSecond;
  return (
    <section className="panel record-charts" aria-labelledby="record-spectrum-title">
      <div className="section-header">
        <h3 id="record-spectrum-title">{t('record.spectrumTitle')}</h3>
        <AxisSwitch scale={scale} onScale={props.onScale} />
      </div>
      <figure className="spectrum">
        <LiveSpectrumChart
          axis={axis}
          live={spectrum}
          baseline={baseline}
          description={t(
            baseline ? 'record.spectrumDescription' : 'record.spectrumDescriptionAlone',
            range,
          )}
          frequencyLabel={t('chart.frequencyHz')}
          levelLabel={t(spectrum?.gainDb != null ? 'record.levelMatched' : 'record.levelDensity')}
          formatTick={formatTick}
        />
        <figcaption>
          <span className="legend-live">{t('record.live')}</span>
          {baseline && <span className="legend-median">{t('chart.median')}</span>}
          {baseline && <span className="legend-band">{t('chart.band')}</span>}
          {spectrum?.gainDb != null && (
            <span>{t('record.gainShift', { gain: formatNumber(spectrum.gainDb, lang, 1) })}</span>
          )}
        </figcaption>
      </figure>
      {spectrum === null && <p className="muted">{t('record.spectrumWaiting')}</p>}
      <h3 className="waterfall-title">{t('record.spectrogramTitle')}</h3>
      <SpectrogramWaterfall
        axis={axis}
        subscribe={props.subscribeRows}
        resetKey={`${scale}|${String(props.inputKey)}`}
        historyRows={WATERFALL_LINES}
        description={t('record.spectrogramDescription', range)}
        frequencyLabel={t('chart.frequencyHz')}
        nowLabel={t('record.now')}
        pastLabel={
          historySeconds === null
            ? ''
            : t('record.secondsAgo', { seconds: formatNumber(historySeconds, lang, 0) })
        }
        formatTick={formatTick}
      />
    </section>
  );
}
