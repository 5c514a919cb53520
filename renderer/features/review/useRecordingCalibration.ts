/**
 * The calibration of the recording under review: the input devices' calibrations to apply, a
 * file to load, or none (recordings.setCalibration). After each change the page reloads the
 * recording and its analysis, now in dB SPL or dBFS.
 */
import { useCallback } from 'react';
import type { DeviceCalibration } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import { useCalibrationAction } from '../record/useCalibrationAction.ts';
import type { CalibrationAction } from '../record/useCalibrationAction.ts';

export interface RecordingCalibrationState extends Pick<CalibrationAction, 'busy' | 'failure'> {
  /** The input devices that have a calibration; empty while loading. */
  readonly devices: readonly DeviceCalibration[];
  applyDevice(deviceName: string): void;
  loadFile(file: File, sensitivityDbfs: number | null): void;
  remove(): void;
}

export function useRecordingCalibration(
  recordingId: string,
  onChanged: () => void,
): RecordingCalibrationState {
  const api = useApi();
  const devices = useLoad(useCallback(() => api.settings.micCalibrations(), [api]));
  const { busy, failure, run } = useCalibrationAction(onChanged, recordingId);
  const applyDevice = useCallback(
    (deviceName: string) => run(() => api.recordings.setCalibration(recordingId, { deviceName })),
    [api, recordingId, run],
  );
  const loadFile = useCallback(
    (file: File, sensitivityDbfs: number | null) =>
      run(async () =>
        api.recordings.setCalibration(recordingId, {
          fileName: file.name,
          text: await file.text(),
          sensitivityDbfs,
        }),
      ),
    [api, recordingId, run],
  );
  const remove = useCallback(
    () => run(() => api.recordings.setCalibration(recordingId, null)),
    [api, recordingId, run],
  );
  return { devices: devices.data ?? [], busy, failure, applyDevice, loadFile, remove };
}
