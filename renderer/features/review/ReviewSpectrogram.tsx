import { useMemo } from 'react';
import { CommitNumberField } from '../../components/CommitNumberField.tsx';
import { useTranslation } from 'react-i18next';
import { SpectrogramCanvas } from '../../chart/SpectrogramCanvas.tsx';
import type { SpectrogramCanvasProps } from '../../chart/SpectrogramCanvas.tsx';
import { useStoredState } from '../../hooks/useStoredState.ts';
import { parseSpectrogramView, SPECTROGRAM_VIEW_KEY, spectrogramAxis } from './spectrogramView.ts';

/**
 * The host's spectrogram with its frequency axis chosen by the person: log (machine lines below
 * 1 kHz get room) or linear, and a range to zoom to; remembered by this browser.
 */
export function ReviewSpectrogram(props: Omit<SpectrogramCanvasProps, 'axis'>) {
  const { t } = useTranslation();
  const [view, setView] = useStoredState(SPECTROGRAM_VIEW_KEY, parseSpectrogramView);
  const maxHz = props.spectrogram.maxFrequencyHz;
  const axis = useMemo(() => spectrogramAxis(view, maxHz), [view, maxHz]);
  return (
    <>
      <div className="chart-controls spectrogram-controls">
        <label className="inline">
          <input
            type="checkbox"
            checked={view.scale === 'log'}
            onChange={(event) =>
              setView({ ...view, scale: event.target.checked ? 'log' : 'linear' })
            }
          />
          {t('review.spectrogramLog')}
        </label>
        <CommitNumberField
          min={0}
          label={t('review.spectrogramFrom')}
          value={view.minHz}
          onCommit={(minHz) => setView({ ...view, minHz })}
        />
        <CommitNumberField
          min={0}
          label={t('review.spectrogramTo')}
          value={view.maxHz}
          onCommit={(maxHz) => setView({ ...view, maxHz })}
        />
      </div>
      <SpectrogramCanvas {...props} axis={axis} />
    </>
  );
}
