import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { toMicCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import type { SpectrogramRows } from '../../chart/colormap.ts';
import { LiveSpectrumChart } from '../../chart/LiveSpectrumChart.tsx';
import type { LiveSeries } from '../../chart/liveSpectrumLayout.ts';
import { SpectrogramWaterfall } from '../../chart/SpectrogramWaterfall.tsx';
import { formatFrequencyHz, formatNumber } from '../../format/numbers.ts';
import type { LiveFrame } from './liveMessages.ts';
import { calibratedBaseline, calibratedLiveSeries, liveLevelScale } from './liveLevels.ts';
import { LiveViewControls } from './LiveViewControls.tsx';
import { fixedLevels, liveViewAxis } from './liveViewSettings.ts';
import type { LiveViewSettings } from './liveViewSettings.ts';
import { useFrameValue } from './useFrameValue.ts';

/** Lines the waterfall keeps (about 10 s at 48 kHz). */
const WATERFALL_LINES = 240;

export interface LiveChartsProps {
  readonly sampleRateHz: number;
  readonly view: LiveViewSettings;
  readonly onView: (view: LiveViewSettings) => void;
  readonly onResetPeak: () => void;
  readonly baseline: BaselineSpectrumView | null;
  readonly subscribeFrames: (listener: (frame: LiveFrame) => void) => () => void;
  readonly subscribeRows: (listener: (rows: SpectrogramRows) => void) => () => void;
  /** A change clears the waterfall (another microphone). */
  readonly inputKey: unknown;
  /** Characteristic frequencies to mark on the spectrum (the expert's live view). */
  readonly markersHz?: readonly number[];
  /** The input device's microphone calibration: levels are then shown in dB SPL/Hz. */
  readonly calibration?: StoredCalibration | null;
}

/** The gain as React keeps it (0.1 dB steps), so the live line and the band move together. */
const roundedGain = (gainDb: number | null | undefined) =>
  gainDb == null ? null : Math.round(gainDb * 10) / 10;

/**
 * The live spectrum over the baseline's normal band, and the waterfall spectrogram below it.
 * Memoised: the recording's status changes re-render the screen, not the charts.
 */
export const LiveCharts = memo(function LiveCharts(props: LiveChartsProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { sampleRateHz, view, baseline, subscribeFrames } = props;
  const axis = useMemo(
    () => liveViewAxis(view, sampleRateHz),
    // The axis is rebuilt only when what it depends on changes, so the charts keep their state.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view.scale, view.minHz, view.maxHz, sampleRateHz],
  );
  const formatTick = useCallback((value: number) => formatNumber(value, lang, 1), [lang]);
  // Only these small values pass through React; the spectra go straight to the canvas.
  const hasSpectrum = useFrameValue(subscribeFrames, (f) => f.spectrum !== null, false);
  const gainDb = useFrameValue(subscribeFrames, (f) => roundedGain(f.spectrum?.gainDb), null);
  const calibration = useMemo(
    () => (props.calibration ? toMicCalibration(props.calibration) : null),
    [props.calibration],
  );
  const scale = liveLevelScale(gainDb !== null, calibration !== null);
  const unit = scale === 'baseline' ? t('record.unitMatched') : scale;
  // Levels matched to the baseline are still dBFS/Hz: they share its fixed range.
  const levelUnit = scale === 'baseline' ? 'dBFS/Hz' : scale;
  const shownBaseline = useMemo(
    () =>
      baseline && calibration ? calibratedBaseline(baseline, calibration, gainDb ?? 0) : baseline,
    [baseline, calibration, gainDb],
  );
  const linesPerSecond = useFrameValue(
    subscribeFrames,
    (f) => f.spectrogramLinesPerSecond,
    null as number | null,
  );
  const subscribeSpectra = useCallback(
    (listener: (live: LiveSeries | null) => void) =>
      subscribeFrames(({ spectrum }) =>
        listener(
          spectrum && calibration
            ? calibratedLiveSeries(spectrum, calibration, roundedGain(spectrum.gainDb) ?? 0)
            : spectrum,
        ),
      ),
    [subscribeFrames, calibration],
  );
  const range = {
    min: formatFrequencyHz(axis.minHz, lang),
    max: formatFrequencyHz(axis.maxHz, lang),
    axis: t(view.scale === 'log' ? 'record.axisLogName' : 'record.axisLinearName'),
  };
  const historySeconds = linesPerSecond === null ? null : WATERFALL_LINES / linesPerSecond;
  return (
    <section className="panel record-charts" aria-labelledby="record-spectrum-title">
      <div className="section-header">
        <h3 id="record-spectrum-title">{t('record.spectrumTitle')}</h3>
      </div>
      <LiveViewControls
        view={view}
        onView={props.onView}
        onResetPeak={props.onResetPeak}
        axisHz={axis}
        levelUnit={levelUnit}
      />
      <figure className="spectrum">
        <LiveSpectrumChart
          axis={axis}
          subscribe={subscribeSpectra}
          baseline={shownBaseline}
          levels={fixedLevels(view, levelUnit)}
          markersHz={props.markersHz}
          description={t(
            baseline ? 'record.spectrumDescription' : 'record.spectrumDescriptionAlone',
            { ...range, unit },
          )}
          frequencyLabel={t('chart.frequencyHz')}
          levelLabel={t('record.levelAxis', { unit })}
          formatTick={formatTick}
        />
        <figcaption>
          <span className="legend-live">{t('record.live')}</span>
          {view.peakHold && <span className="legend-peak">{t('record.legendPeak')}</span>}
          {baseline && <span className="legend-median">{t('chart.median')}</span>}
          {baseline && <span className="legend-band">{t('chart.band')}</span>}
          {props.markersHz && props.markersHz.length > 0 && (
            <span className="legend-marker">{t('live.legendMarkers')}</span>
          )}
          {gainDb !== null && (
            <span>
              {t(calibration ? 'record.baselineShift' : 'record.gainShift', {
                gain: formatNumber(gainDb, lang, 1),
              })}
            </span>
          )}
        </figcaption>
      </figure>
      {!hasSpectrum && <p className="muted">{t('record.spectrumWaiting')}</p>}
      <h3 className="waterfall-title">{t('record.spectrogramTitle')}</h3>
      <SpectrogramWaterfall
        axis={axis}
        subscribe={props.subscribeRows}
        resetKey={`${axis.scale}|${axis.minHz}|${axis.maxHz}|${String(props.inputKey)}`}
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
});
