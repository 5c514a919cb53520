/**
 * The chosen input device's microphone calibration, kept in the library by the device's name:
 * loaded, imported from a file the user picks, or removed. A recording made through the device
 * keeps a copy (sessions.start with the device's name).
 */
import { useCallback } from 'react';
import type { StoredCalibration } from '../../../shared/audio/calibration/storedCalibration.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import { useCalibrationAction } from './useCalibrationAction.ts';
import type { CalibrationFailure } from './useCalibrationAction.ts';

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
  const load = useCallback(
    () => (deviceName === null ? Promise.resolve(null) : api.settings.micCalibration(deviceName)),
    [api, deviceName],
  );
  const loaded = useLoad(load);
  const { busy, failure, run } = useCalibrationAction(loaded.reload, deviceName);
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
