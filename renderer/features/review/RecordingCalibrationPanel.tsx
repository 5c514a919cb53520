import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import { formatNumber } from '../../format/numbers.ts';
import { CalibrationFailureText, CalibrationFileFields } from '../record/calibrationForm.tsx';
import { useRecordingCalibration } from './useRecordingCalibration.ts';

export interface RecordingCalibrationPanelProps {
  readonly recordingId: string;
  /** The recording's own copy, or undefined: levels in dBFS. */
  readonly calibration: StoredCalibration | undefined;
  /** After a change: reload the recording and its analysis. */
  readonly onChanged: () => void;
}

/** Applies one of the input devices' calibrations. */
function DevicePicker({ state }: { state: ReturnType<typeof useRecordingCalibration> }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState('');
  const deviceName = state.devices.some((d) => d.deviceName === chosen)
    ? chosen
    : (state.devices[0]?.deviceName ?? '');
  if (state.devices.length === 0) {
    return <p className="muted">{t('recordingCalibration.noDevices')}</p>;
  }
  return (
    <>
      <label className="field">
        <span>{t('recordingCalibration.device')}</span>
        <select
          value={deviceName}
          disabled={state.busy}
          onChange={(event) => setChosen(event.target.value)}
        >
          {state.devices.map((d) => (
            <option key={d.deviceName} value={d.deviceName}>
              {t('recordingCalibration.deviceOption', {
                device: d.deviceName,
                file: d.calibration.fileName,
              })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={state.busy} onClick={() => state.applyDevice(deviceName)}>
        {t('recordingCalibration.apply')}
      </button>
    </>
  );
}

/**
 * "Microphone calibration…" on the Review page: which calibration the recording's levels are
 * in dB SPL by (or that they are in dBFS), and applying an input device's calibration, loading
 * a calibration file (Record's parser and refusals) or removing it. For recordings imported from
 * files, which no input device gave a calibration.
 */
export function RecordingCalibrationPanel({
  recordingId,
  calibration,
  onChanged,
}: RecordingCalibrationPanelProps) {
  const { t, i18n } = useTranslation();
  const state = useRecordingCalibration(recordingId, onChanged);
  return (
    <details className="mic-calibration recording-calibration">
      <summary>{t('micCalibration.open')}</summary>
      <p className={calibration ? '' : 'muted'} aria-live="polite" data-calibrated={!!calibration}>
        {calibration
          ? t('recordingCalibration.calibrated', {
              file: calibration.fileName,
              sensitivity: formatNumber(calibration.sensitivityDbfs, i18n.language, 1),
            })
          : t('recordingCalibration.none')}
      </p>
      <div className="record-fields">
        <DevicePicker state={state} />
      </div>
      <div className="record-fields">
        <CalibrationFileFields
          disabled={state.busy}
          actionKey="recordingCalibration.load"
          onFile={state.loadFile}
        />
        {calibration && (
          <button type="button" disabled={state.busy} onClick={state.remove}>
            {t('micCalibration.remove')}
          </button>
        )}
      </div>
      <CalibrationFailureText failure={state.failure} />
      <p className="muted">{t('recordingCalibration.explain')}</p>
    </details>
  );
}
