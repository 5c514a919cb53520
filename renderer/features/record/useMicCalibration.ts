/**
 * The chosen input device's microphone calibration, kept in the library by the device's name:
 * loaded, imported from a file the user picks, or removed. A recording made through the device
 * keeps a copy (sessions.start with the device's name).
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../../shared/api/errors.ts';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import { useLoad } from '../../hooks/useLoad.ts';

/** Why an import failed: a calibration problem (worded by the panel) or a sentence. */
export type CalibrationFailure =
  { readonly problem: string; readonly line: number } | { readonly sentence: string };

export interface MicCalibrationState {
  /** null: none, or still loading. */
  readonly calibration: StoredCalibration | null;
  readonly busy: boolean;
  readonly failure: CalibrationFailure | null;
  importFile(file: File, sensitivityDbfs: number | null): void;
  remove(): void;
}

export function useMicCalibration(deviceName: string | null): MicCalibrationState {
  const api = useApi();
  const describeError = useErrorSentence();
  const load = useCallback(
    () => (deviceName === null ? Promise.resolve(null) : api.settings.micCalibration(deviceName)),
    [api, deviceName],
  );
  const loaded = useLoad(load);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CalibrationFailure | null>(null);
  const run = useCallback(
    (work: () => Promise<unknown>) => {
      setBusy(true);
      setFailure(null);
      work().then(
        () => {
          setBusy(false);
          loaded.reload();
        },
        (error: unknown) => {
          setBusy(false);
          const invalid = error instanceof ApiError && error.reason === 'invalid-calibration';
          setFailure(
            invalid
              ? { problem: String(error.params.problem), line: Number(error.params.line) }
              : { sentence: describeError(error) },
          );
        },
      );
    },
    [describeError, loaded],
  );
  const importFile = useCallback(
    (file: File, sensitivityDbfs: number | null) => {
      if (deviceName === null) return;
      run(async () =>
        api.settings.setMicCalibration(deviceName, file.name, await file.text(), sensitivityDbfs),
      );
    },
    [api, deviceName, run],
  );
  const remove = useCallback(() => {
    if (deviceName !== null) run(() => api.settings.removeMicCalibration(deviceName));
  }, [api, deviceName, run]);
  return { calibration: loaded.data, busy, failure, importFile, remove };
}
