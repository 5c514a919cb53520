import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import { CalibrationFailureText, CalibrationFileFields } from './calibrationForm.tsx';
import type { MicCalibrationState } from './useMicCalibration.ts';

export interface MicCalibrationPanelProps {
  /** The chosen input device's name; null before the page may see names. */
  readonly deviceName: string | null;
  readonly state: MicCalibrationState;
  readonly locked: boolean;
}

/**
 * "Microphone calibration…": the chosen device's calibration (file and sensitivity), importing a
 * REW / miniDSP calibration file for it, or removing it. Levels are in dB SPL with one.
 */
export function MicCalibrationPanel({ deviceName, state, locked }: MicCalibrationPanelProps) {
  const { t, i18n } = useTranslation();
  const { calibration } = state;
  return (
    <details className="mic-calibration">
      <summary>{t('micCalibration.open')}</summary>
      <p className={calibration ? '' : 'muted'} aria-live="polite">
        {calibration
          ? t('micCalibration.calibrated', {
              file: calibration.fileName,
              sensitivity: formatNumber(calibration.sensitivityDbfs, i18n.language, 1),
            })
          : t('micCalibration.none')}
      </p>
      {deviceName === null ? (
        <p className="muted">{t('micCalibration.noDeviceName')}</p>
      ) : (
        <div className="record-fields">
          <CalibrationFileFields
            disabled={locked || state.busy}
            actionKey="micCalibration.import"
            onFile={state.importFile}
          />
          {calibration && (
            <button type="button" disabled={locked || state.busy} onClick={state.remove}>
              {t('micCalibration.remove')}
            </button>
          )}
        </div>
      )}
      <CalibrationFailureText failure={state.failure} />
      <p className="muted">{t('micCalibration.explain')}</p>
    </details>
  );
}
