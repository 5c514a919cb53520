/**
 * Microphone calibrations per input device, kept in the library's settings under
 * `micCalibration:<device name>` (docs/formats.md, "Microphone calibration"). A live recording
 * made through the device keeps a copy (sessions.start), so replacing or removing the device's
 * file changes no recording; any recording (an imported one too) may be given a copy afterwards
 * (setRecordingCalibration).
 */
import { ApiError } from '../../shared/api/errors.ts';
import { CalibrationError } from '../../shared/audio/calibration/calibrationError.ts';
import { parseCalibrationFile } from '../../shared/audio/calibration/calibrationFile.ts';
import { micCalibration } from '../../shared/audio/calibration/micCalibration.ts';
import {
  MAX_CALIBRATION_NAME_LENGTH,
  storedCalibrationFromJson,
} from '../../shared/audio/calibration/storedCalibration.ts';
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import type {
  CalibrationFileSource,
  CalibrationSource,
  DeviceCalibration,
  RecordingSummary,
} from '../../shared/api/contract.ts';
import type { LibraryContext } from './context.ts';

const KEY_PREFIX = 'micCalibration:';
const keyOf = (deviceName: string) => `${KEY_PREFIX}${deviceName}`;

/** A stored value as a calibration; null for none (removed: '') or one that no longer reads. */
function readStored(text: string | null): StoredCalibration | null {
  if (text === null || text === '') return null;
  try {
    return storedCalibrationFromJson(JSON.parse(text));
  } catch {
    return null;
  }
}

/** The device's calibration, or null (also for a stored value that no longer reads as one). */
export async function getMicCalibration(
  library: LibraryContext,
  deviceName: string,
): Promise<StoredCalibration | null> {
  return readStored(await library.store.settings.get(keyOf(deviceName)));
}

export type CalibrationImport = CalibrationFileSource;

/**
 * The calibration of a file's text, as stored. Rejects with ApiError 'invalid-argument', reason
 * 'invalid-calibration' (params problem, line), for a file that cannot be used; `method` names
 * the call in the message.
 */
function calibrationOfFile(file: CalibrationImport, method: string): StoredCalibration {
  try {
    const calibration = micCalibration(
      parseCalibrationFile(file.text),
      file.sensitivityDbfs ?? undefined,
    );
    return {
      fileName: file.fileName.slice(0, MAX_CALIBRATION_NAME_LENGTH),
      sensitivityDbfs: calibration.sensitivityDbfs,
      frequenciesHz: calibration.curve.frequenciesHz,
      responseDb: calibration.curve.responseDb,
    };
  } catch (error) {
    if (!(error instanceof CalibrationError)) throw error;
    throw new ApiError('invalid-argument', `${method}: ${error.message}`, {
      reason: 'invalid-calibration',
      params: { problem: error.code, line: error.lineNumber },
    });
  }
}

/**
 * Parses and stores a calibration file for the device. Rejects with ApiError 'invalid-argument',
 * reason 'invalid-calibration' (params problem, line), for a file that cannot be used.
 */
export async function setMicCalibration(
  library: LibraryContext,
  deviceName: string,
  file: CalibrationImport,
): Promise<StoredCalibration> {
  const stored = calibrationOfFile(file, 'settings.setMicCalibration');
  await library.store.settings.set(keyOf(deviceName), JSON.stringify(stored));
  return stored;
}

/** Every input device's calibration, by device name (values that no longer read are left out). */
export async function listMicCalibrations(library: LibraryContext): Promise<DeviceCalibration[]> {
  const rows = await library.store.settings.withPrefix(KEY_PREFIX);
  return rows.flatMap(({ key, value }) => {
    const calibration = readStored(value);
    return calibration ? [{ deviceName: key.slice(KEY_PREFIX.length), calibration }] : [];
  });
}

/**
 * Gives a recording (an imported one: a phone memo, a measurement microphone's file) the
 * calibration of an input device or of a file, as its own copy, or with null takes its
 * calibration away; its levels are then in dB SPL, or dBFS again. The row's new version goes
 * to the hub with the next sync. Rejects with NotFoundError for an unknown recording, and with
 * reason 'invalid-calibration' for a file that cannot be used or a device without calibration
 * (problem 'no-device-calibration').
 */
export async function setRecordingCalibration(
  library: LibraryContext,
  recordingId: string,
  source: CalibrationSource | null,
): Promise<RecordingSummary> {
  await library.store.recordings.get(recordingId); // NotFoundError before a file's refusal
  const method = 'recordings.setCalibration';
  let calibration: StoredCalibration | null = null;
  if (source !== null && 'deviceName' in source) {
    calibration = await getMicCalibration(library, source.deviceName);
    if (calibration === null) {
      throw new ApiError('invalid-argument', `${method}: the device has no calibration`, {
        reason: 'invalid-calibration',
        params: { problem: 'no-device-calibration', line: 0 },
      });
    }
  } else if (source !== null) {
    calibration = calibrationOfFile(source, method);
  }
  await library.store.recordings.setCalibration(recordingId, calibration);
  return library.store.recordings.get(recordingId);
}

/** Forgets the device's calibration (an empty value: the settings store keeps keys). */
export async function removeMicCalibration(
  library: LibraryContext,
  deviceName: string,
): Promise<void> {
  await library.store.settings.set(keyOf(deviceName), '');
}
