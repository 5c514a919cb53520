import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpectrogramView } from '../../../shared/api/contract.ts';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { TimeAxis } from '../../chart/TimeAxis.tsx';
import { formatTime } from '../../chart/timeTicks.ts';
import { ErrorText } from '../../components/ErrorText.tsx';
import { Pending } from '../../components/Pending.tsx';
import { formatNumber } from '../../format/numbers.ts';
import { useWaveform } from '../../waveform/index.ts';
import type { TimeRange, WaveformSource } from '../../waveform/index.ts';
import { RegionFields } from './RegionFields.tsx';
import { ReviewSpectrogram } from './ReviewSpectrogram.tsx';
import { needsDetail } from './overviewSizes.ts';

export interface WaveformPanelProps {
  readonly recordingName: string;
  readonly source: WaveformSource;
  readonly region: TimeRange;
  readonly initialRegion: TimeRange;
  /** The user moved the region (on the waveform or in the fields). */
  readonly onRegion: (region: TimeRange) => void;
  /** The host's spectrogram (null while it loads). */
  readonly spectrogram: SpectrogramView | null;
  readonly spectrogramError: string | null;
  /** The view is zoomed so far that the spectrogram's columns are too coarse. */
  readonly onNeedDetail: () => void;
}

/** The element's width in CSS pixels, followed as it resizes. */
function useWidth(element: RefObject<HTMLElement | null>): number {
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver((entries) => setWidthPx(entries[0].contentRect.width));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return widthPx;
}

function Toolbar({ state }: { state: ReturnType<typeof useWaveform> }) {
  const { t } = useTranslation();
  return (
    <div className="row waveform-toolbar">
      <button type="button" className="primary" onClick={state.playPause}>
        {state.playing ? t('review.pause') : t('review.play')}
      </button>
      <button type="button" onClick={state.zoomOut} disabled={!state.canZoomOut}>
        {t('review.zoomOut')}
      </button>
      <button type="button" onClick={state.zoomIn} disabled={!state.canZoomIn}>
        {t('review.zoomIn')}
      </button>
      <button type="button" onClick={state.zoomToFit} disabled={!state.canZoomOut}>
        {t('review.zoomFit')}
      </button>
    </div>
  );
}

/**
 * The recording: waveform with timeline, playback, zoom and the analysed region, and under it
 * the host's spectrogram of exactly the stretch on screen.
 */
export function WaveformPanel(props: WaveformPanelProps) {
  const { recordingName, source, region, initialRegion, onRegion, spectrogram } = props;
  const { onNeedDetail } = props;
  const { t, i18n } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const widthPx = useWidth(container);
  const waveform = useWaveform(container, source, initialRegion, onRegion);
  const visibleSeconds = waveform.view.endSeconds - waveform.view.startSeconds;
  const columns = spectrogram?.columnCount ?? 0;
  const tooCoarse = needsDetail(columns, source.durationSeconds, visibleSeconds, widthPx);
  useEffect(() => {
    if (tooCoarse) onNeedDetail();
  }, [tooCoarse, onNeedDetail]);
  const { setRegion } = waveform;
  const move = useCallback(
    (next: TimeRange) => {
      setRegion(next);
      onRegion(next);
    },
    [setRegion, onRegion],
  );
  const formatFrequency = useCallback(
    // A unit symbol, the same in every language.
    // Hz below 1 kHz, where a log axis puts the machine's lines (10 Hz is not "0 kHz").
    (hz: number) =>
      hz < 1000
        ? `${formatNumber(hz, i18n.language, 0)} Hz`
        : `${formatNumber(hz / 1000, i18n.language, 1)} kHz`,
    [i18n.language],
  );
  return (
    <section className="panel waveform-panel" aria-labelledby="waveform-title">
      <h3 id="waveform-title">{t('review.waveformTitle')}</h3>
      <Toolbar state={waveform} />
      <p className="muted time-readout">
        {t('review.time', {
          time: formatTime(waveform.timeSeconds, 1),
          duration: formatTime(source.durationSeconds, 1),
        })}
      </p>
      <div
        ref={container}
        className="waveform"
        role="group"
        aria-label={t('review.waveformLabel', { name: recordingName })}
      />
      <TimeAxis
        startSeconds={waveform.view.startSeconds}
        endSeconds={waveform.view.endSeconds}
        description={t('review.timeAxis')}
      />
      {spectrogram ? (
        <ReviewSpectrogram
          spectrogram={spectrogram}
          visible={waveform.view}
          region={region}
          description={t('review.spectrogramDescription', {
            max: formatNumber(spectrogram.maxFrequencyHz, i18n.language, 0),
          })}
          formatFrequency={formatFrequency}
        />
      ) : (
        <Pending error={props.spectrogramError} />
      )}
      <ErrorText message={waveform.error && t('review.playbackError', { error: waveform.error })} />
      <RegionFields region={region} onChange={move} onReset={() => move(initialRegion)} />
      <p className="muted">{t('review.regionHint')}</p>
    </section>
  );
}
