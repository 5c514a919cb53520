/**
 * Microphone calibrations per input device, kept in the library's settings under
 * `micCalibration:<device name>` (docs/formats.md, "Microphone calibration"). A live recording
 * made through the device keeps a copy (sessions.start), so replacing or removing the device's
 * file changes no recording.
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
import type { LibraryContext } from './context.ts';

const keyOf = (deviceName: string) => `micCalibration:${deviceName}`;

/** The device's calibration, or null (also for a stored value that no longer reads as one). */
export async function getMicCalibration(
  library: LibraryContext,
  deviceName: string,
): Promise<StoredCalibration | null> {
  const text = await library.store.settings.get(keyOf(deviceName));
  if (text === null || text === '') return null;
  try {
    return storedCalibrationFromJson(JSON.parse(text));
  } catch {
    return null;
  }
}

export interface CalibrationImport {
  readonly fileName: string;
  readonly text: string;
  readonly sensitivityDbfs: number | null;
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
  let stored: StoredCalibration;
  try {
    const calibration = micCalibration(
      parseCalibrationFile(file.text),
      file.sensitivityDbfs ?? undefined,
    );
    stored = {
      fileName: file.fileName.slice(0, MAX_CALIBRATION_NAME_LENGTH),
      sensitivityDbfs: calibration.sensitivityDbfs,
      frequenciesHz: calibration.curve.frequenciesHz,
      responseDb: calibration.curve.responseDb,
    };
  } catch (error) {
    if (!(error instanceof CalibrationError)) throw error;
    throw new ApiError('invalid-argument', `settings.setMicCalibration: ${error.message}`, {
      reason: 'invalid-calibration',
      params: { problem: error.code, line: error.lineNumber },
    });
  }
  await library.store.settings.set(keyOf(deviceName), JSON.stringify(stored));
  return stored;
}

/** Forgets the device's calibration (an empty value: the settings store keeps keys). */
export async function removeMicCalibration(
  library: LibraryContext,
  deviceName: string,
): Promise<void> {
  await library.store.settings.set(keyOf(deviceName), '');
}
