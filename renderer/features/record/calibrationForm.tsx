/**
 * The parts of a calibration form both places that take a calibration file share: the Record
 * screen's (per input device) and the Review page's (per recording). The file and the optional
 * sensitivity, the button that sends them, and a refusal worded by its problem and line.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalibrationFailure } from './useCalibrationAction.ts';

/** The sensitivity field: empty (the file's own) or a level in dBFS. */
export function sensitivityOf(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : 'invalid';
}

export function CalibrationFailureText({ failure }: { failure: CalibrationFailure | null }) {
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

export interface CalibrationFileFieldsProps {
  readonly disabled: boolean;
  /** The button's words (an i18n key). */
  readonly actionKey: string;
  onFile(file: File, sensitivityDbfs: number | null): void;
}

/** "Calibration file", "Level of 94 dB SPL at 1 kHz" and the button that sends them. */
export function CalibrationFileFields({ disabled, actionKey, onFile }: CalibrationFileFieldsProps) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [sensitivityText, setSensitivityText] = useState('');
  const sensitivity = sensitivityOf(sensitivityText);
  return (
    <>
      <label className="field">
        <span>{t('micCalibration.file')}</span>
        <input
          type="file"
          accept=".txt,.cal,.csv,text/plain"
          disabled={disabled}
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
          disabled={disabled}
          onChange={(event) => setSensitivityText(event.target.value)}
        />
      </label>
      <button
        type="button"
        disabled={disabled || file === null || sensitivity === 'invalid'}
        onClick={() => file && sensitivity !== 'invalid' && onFile(file, sensitivity)}
      >
        {t(actionKey)}
      </button>
      {sensitivity === 'invalid' && (
        <p className="error-text" role="alert">
          {t('micCalibration.sensitivityInvalid')}
        </p>
      )}
    </>
  );
}
