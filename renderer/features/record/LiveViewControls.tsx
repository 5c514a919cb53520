import type { LevelRange } from '../../chart/liveSpectrumLayout.ts';
import { CommitNumberField } from '../../components/CommitNumberField.tsx';
import { useTranslation } from 'react-i18next';
import { AVERAGING_CHOICES_SECONDS } from './liveAveraging.ts';
import { FIXED_LEVELS_START, fixedLevels, withFixedLevels } from './liveViewSettings.ts';
import type { LiveLevelUnit, LiveViewSettings } from './liveViewSettings.ts';

export interface LiveViewControlsProps {
  readonly view: LiveViewSettings;
  readonly onView: (view: LiveViewSettings) => void;
  readonly onResetPeak: () => void;
  /** The ends of the frequency axis now, shown in empty range fields. */
  readonly axisHz: { readonly minHz: number; readonly maxHz: number };
  /** The level axis's unit: the fixed range shown and set is this unit's. */
  readonly levelUnit: LiveLevelUnit;
}

/**
 * The live view's settings, as an RTA has them: frequency axis and range, averaging, peak hold
 * with its reset, and the level range (automatic or fixed).
 */
export function LiveViewControls(props: LiveViewControlsProps) {
  const { view, onView, onResetPeak, axisHz, levelUnit } = props;
  const { t } = useTranslation();
  const set = (change: Partial<LiveViewSettings>) => onView({ ...view, ...change });
  const levels = fixedLevels(view, levelUnit);
  const setLevels = (range: LevelRange | null) => onView(withFixedLevels(view, levelUnit, range));
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
          checked={levels === null}
          onChange={(event) =>
            setLevels(event.target.checked ? null : FIXED_LEVELS_START[levelUnit])
          }
        />
        {t('record.levelAuto')}
      </label>
      {levels !== null && (
        <>
          <CommitNumberField
            label={t('record.levelMin', { unit: levelUnit })}
            value={levels.minDb}
            onCommit={(minDb) => {
              if (minDb !== null && minDb < levels.maxDb) setLevels({ ...levels, minDb });
            }}
          />
          <CommitNumberField
            label={t('record.levelMax', { unit: levelUnit })}
            value={levels.maxDb}
            onCommit={(maxDb) => {
              if (maxDb !== null && maxDb > levels.minDb) setLevels({ ...levels, maxDb });
            }}
          />
        </>
      )}
    </div>
  );
}
