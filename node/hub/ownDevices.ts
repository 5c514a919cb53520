/**
 * Microphone calibrations on a hub are each person's own. The page knows an input device by its
 * label only, and two people's microphones of one model share it ("UMIK-1 Gain: 18dB") while
 * each unit has its own calibration file: kept under the label alone, one technician's file would
 * calibrate every other's recordings, and anyone could replace or remove it. So the hub keeps
 * them under the person's id and the label: a live recording takes its starter's, the list shows
 * one's own, and a recording given "a device's" calibration gets one's own device's.
 */
import type { AuscultApi } from '../../shared/api/contract.ts';

/** The settings key part for `userId`'s device `deviceName` (a user id holds no newline). */
export function ownDeviceName(userId: string, deviceName: string): string {
  return `${userId}\n${deviceName}`;
}

/** `api` with its device-named methods on `userId`'s own devices (arguments already checked). */
export function withOwnDevices(api: AuscultApi, userId: string): AuscultApi {
  const own = (deviceName: string) => ownDeviceName(userId, deviceName);
  const mine = ownDeviceName(userId, '');
  const { settings, sessions, recordings } = api;
  return {
    ...api,
    settings: {
      ...settings,
      micCalibrations: async () =>
        (await settings.micCalibrations()).flatMap(({ deviceName, calibration }) =>
          deviceName.startsWith(mine)
            ? [{ deviceName: deviceName.slice(mine.length), calibration }]
            : [],
        ),
      micCalibration: (deviceName) => settings.micCalibration(own(deviceName)),
      setMicCalibration: (deviceName, fileName, text, sensitivityDbfs) =>
        settings.setMicCalibration(own(deviceName), fileName, text, sensitivityDbfs),
      removeMicCalibration: (deviceName) => settings.removeMicCalibration(own(deviceName)),
    },
    recordings: {
      ...recordings,
      setCalibration: (recordingId, source) =>
        recordings.setCalibration(
          recordingId,
          source !== null && 'deviceName' in source
            ? { deviceName: own(source.deviceName) }
            : source,
        ),
    },
    sessions: {
      ...sessions,
      start: (machineId, sampleRateHz, deviceName) =>
        deviceName === undefined
          ? sessions.start(machineId, sampleRateHz)
          : sessions.start(machineId, sampleRateHz, own(deviceName)),
    },
  };
}
