import { CommitNumberField } from '../../components/CommitNumberField.tsx';
import { useTranslation } from 'react-i18next';
import { AVERAGING_CHOICES_SECONDS } from './liveAveraging.ts';
import type { LiveViewSettings } from './liveViewSettings.ts';

/** A fixed level range to start from when the automatic one is switched off, dB. */
/** Where a fixed level range starts, by unit: a machine's PSD in dBFS/Hz, or in dB SPL/Hz. */
const FIXED_LEVELS_START = { minDb: -140, maxDb: -40 };
const FIXED_SPL_LEVELS_START = { minDb: -20, maxDb: 80 };

export interface LiveViewControlsProps {
  readonly view: LiveViewSettings;
  readonly onView: (view: LiveViewSettings) => void;
  readonly onResetPeak: () => void;
  /** The ends of the frequency axis now, shown in empty range fields. */
  readonly axisHz: { readonly minHz: number; readonly maxHz: number };
  /** The level axis's unit, for the fixed range's fields (dBFS/Hz or dB SPL/Hz). */
  readonly levelUnit: string;
}

/**
 * The live view's settings, as an RTA has them: frequency axis and range, averaging, peak hold
 * with its reset, and the level range (automatic or fixed).
 */
export function LiveViewControls(props: LiveViewControlsProps) {
  const { view, onView, onResetPeak, axisHz, levelUnit } = props;
  const { t } = useTranslation();
  const set = (change: Partial<LiveViewSettings>) => onView({ ...view, ...change });
  return (
    <div className="live-view-controls">
      <fieldset className="axis-switch">
        <legend>{t('record.axis')}</legend>
        {(['log', 'linear'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="record-axis"
              value={option}
              checked={view.scale === option}
              onChange={() => set({ scale: option })}
            />
            {t(option === 'log' ? 'record.axisLog' : 'record.axisLinear')}
          </label>
        ))}
      </fieldset>
      <CommitNumberField
        label={t('record.rangeFrom')}
        value={view.minHz}
        placeholder={String(Math.round(axisHz.minHz))}
        onCommit={(minHz) => set({ minHz })}
      />
      <CommitNumberField
        label={t('record.rangeTo')}
        value={view.maxHz}
        placeholder={String(Math.round(axisHz.maxHz))}
        onCommit={(maxHz) => set({ maxHz })}
      />
      <label className="inline">
        {t('record.averaging')}
        <select
          value={view.averagingSeconds}
          onChange={(event) => set({ averagingSeconds: Number(event.target.value) })}
        >
          {AVERAGING_CHOICES_SECONDS.map((seconds) => (
            <option key={seconds} value={seconds}>
              {seconds === 0 ? t('record.averagingOff') : t('record.averagingSeconds', { seconds })}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={view.peakHold}
          onChange={(event) => set({ peakHold: event.target.checked })}
        />
        {t('record.peakHold')}
      </label>
      <button type="button" onClick={onResetPeak} disabled={!view.peakHold}>
        {t('record.peakReset')}
      </button>
      <label className="inline">
        <input
          type="checkbox"
          checked={view.levels === null}
          onChange={(event) =>
            set({
              levels: event.target.checked
                ? null
                : levelUnit === 'dB SPL/Hz'
                  ? FIXED_SPL_LEVELS_START
                  : FIXED_LEVELS_START,
            })
          }
        />
        {t('record.levelAuto')}
      </label>
      {view.levels !== null && (
        <>
          <CommitNumberField
            label={t('record.levelMin', { unit: levelUnit })}
            value={view.levels.minDb}
            onCommit={(minDb) => {
              if (minDb !== null && view.levels && minDb < view.levels.maxDb) {
                set({ levels: { ...view.levels, minDb } });
              }
            }}
          />
          <CommitNumberField
            label={t('record.levelMax', { unit: levelUnit })}
            value={view.levels.maxDb}
            onCommit={(maxDb) => {
              if (maxDb !== null && view.levels && maxDb > view.levels.minDb) {
                set({ levels: { ...view.levels, maxDb } });
              }
            }}
          />
        </>
      )}
    </div>
  );
}
