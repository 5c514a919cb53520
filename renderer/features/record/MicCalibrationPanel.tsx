import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format/numbers.ts';
import type { MicCalibrationState } from './useMicCalibration.ts';

export interface MicCalibrationPanelProps {
  /** The chosen input device's name; null before the page may see names. */
  readonly deviceName: string | null;
  readonly state: MicCalibrationState;
  readonly locked: boolean;
}

/** The sensitivity field: empty (the file's own) or a level in dBFS. */
function sensitivityOf(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : 'invalid';
}

function FailureText({ failure }: { failure: MicCalibrationState['failure'] }) {
  const { t } = useTranslation();
  if (failure === null) return null;
  const text =
    'sentence' in failure
      ? failure.sentence
      : t(`micCalibration.problem.${failure.problem}`, {
          defaultValue: t('errors.invalid-calibration'),
        }) + (failure.line > 0 ? ` ${t('micCalibration.atLine', { line: failure.line })}` : '');
  return (
    <p className="error-text" role="alert">
      {text}
    </p>
  );
}

/**
 * "Microphone calibration…": the chosen device's calibration (file and sensitivity), importing a
 * REW / miniDSP calibration file for it, or removing it. Levels are in dB SPL with one.
 */
export function MicCalibrationPanel({ deviceName, state, locked }: MicCalibrationPanelProps) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [sensitivityText, setSensitivityText] = useState('');
  const sensitivity = sensitivityOf(sensitivityText);
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
          <label className="field">
            <span>{t('micCalibration.file')}</span>
            <input
              type="file"
              accept=".txt,.cal,.csv,text/plain"
              disabled={locked || state.busy}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <label className="field">
            <span>{t('micCalibration.sensitivity')}</span>
            <input
              type="text"
              inputMode="decimal"
              value={sensitivityText}
              placeholder={t('micCalibration.sensitivityPlaceholder')}
              disabled={locked || state.busy}
              onChange={(event) => setSensitivityText(event.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={locked || state.busy || file === null || sensitivity === 'invalid'}
            onClick={() => file && sensitivity !== 'invalid' && state.importFile(file, sensitivity)}
          >
            {t('micCalibration.import')}
          </button>
          {calibration && (
            <button type="button" disabled={locked || state.busy} onClick={state.remove}>
              {t('micCalibration.remove')}
            </button>
          )}
        </div>
      )}
      {sensitivity === 'invalid' && (
        <p className="error-text" role="alert">
          {t('micCalibration.sensitivityInvalid')}
        </p>
      )}
      <FailureText failure={state.failure} />
      <p className="muted">{t('micCalibration.explain')}</p>
    </details>
  );
}
