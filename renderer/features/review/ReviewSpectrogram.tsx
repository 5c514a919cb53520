import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SpectrogramCanvas } from '../../chart/SpectrogramCanvas.tsx';
import type { SpectrogramCanvasProps } from '../../chart/SpectrogramCanvas.tsx';
import { loadSpectrogramView, saveSpectrogramView, spectrogramAxis } from './spectrogramView.ts';
import type { SpectrogramViewSettings } from './spectrogramView.ts';

/** A frequency in Hz typed in, taken on Enter or when left; empty means the axis's own end. */
function HzField(props: {
  label: string;
  value: number | null;
  onCommit: (hz: number | null) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const hz = draft.trim() === '' ? null : Number(draft);
    if (hz === null || Number.isFinite(hz)) props.onCommit(hz);
    setDraft(null);
  };
  return (
    <label className="inline">
      {props.label}
      <input
        type="number"
        min="0"
        className="view-number"
        value={draft ?? (props.value === null ? '' : String(props.value))}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
        }}
      />
    </label>
  );
}

/**
 * The host's spectrogram with its frequency axis chosen by the person: log (machine lines below
 * 1 kHz get room) or linear, and a range to zoom to; remembered by this browser.
 */
export function ReviewSpectrogram(props: Omit<SpectrogramCanvasProps, 'axis'>) {
  const { t } = useTranslation();
  const [view, setView] = useState<SpectrogramViewSettings>(() =>
    loadSpectrogramView(globalThis.localStorage),
  );
  useEffect(() => saveSpectrogramView(globalThis.localStorage, view), [view]);
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
        <HzField
          label={t('review.spectrogramFrom')}
          value={view.minHz}
          onCommit={(minHz) => setView({ ...view, minHz })}
        />
        <HzField
          label={t('review.spectrogramTo')}
          value={view.maxHz}
          onCommit={(maxHz) => setView({ ...view, maxHz })}
        />
      </div>
      <SpectrogramCanvas {...props} axis={axis} />
    </>
  );
}
