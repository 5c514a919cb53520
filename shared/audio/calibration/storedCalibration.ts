/**
 * A microphone calibration as the library keeps it: per input device (the Record screen's
 * import) and, copied, with every recording made through that device, so the recording keeps the
 * figures it was measured with when the device's file is replaced (docs/formats.md, "Microphone
 * calibration"). Plain JSON; checked again whenever it is read.
 */
import { micCalibration } from './micCalibration.ts';
import type { MicCalibration } from './micCalibration.ts';
import { CalibrationError } from './calibrationError.ts';
import {
  CORRECTION_LIMIT_DB,
  MAX_CALIBRATION_FREQUENCY_HZ,
  MAX_CALIBRATION_LINES,
} from './calibrationFile.ts';

export interface StoredCalibration {
  /** The imported file's name, as the user saw it. */
  readonly fileName: string;
  /** The level in dBFS that 94 dB SPL at 1 kHz reads (the user's figure or the file's). */
  readonly sensitivityDbfs: number;
  readonly frequenciesHz: readonly number[];
  readonly responseDb: readonly number[];
}

/** Longest file name kept. */
export const MAX_CALIBRATION_NAME_LENGTH = 255;

function numbers(value: unknown, what: string): number[] {
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    value.length > MAX_CALIBRATION_LINES ||
    !value.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    throw new TypeError(
      `a stored calibration's ${what} must be 1 to ${MAX_CALIBRATION_LINES} numbers`,
    );
  }
  return value as number[];
}

/**
 * A StoredCalibration from JSON data (a store row, a message); throws TypeError for anything
 * else, and CalibrationError for figures a file could not have given.
 */
export function storedCalibrationFromJson(value: unknown): StoredCalibration {
  if (typeof value !== 'object' || value === null) {
    throw new TypeError('a stored calibration must be an object');
  }
  const v = value as Record<string, unknown>;
  if (typeof v.fileName !== 'string' || v.fileName.length > MAX_CALIBRATION_NAME_LENGTH) {
    throw new TypeError(
      `a stored calibration's fileName must be a string of at most 255 characters`,
    );
  }
  const frequenciesHz = numbers(v.frequenciesHz, 'frequenciesHz');
  const responseDb = numbers(v.responseDb, 'responseDb');
  if (frequenciesHz.length !== responseDb.length) {
    throw new TypeError("a stored calibration's frequencies and responses must pair up");
  }
  if (!frequenciesHz.every((f, i) => f > 0 && (i === 0 || f > frequenciesHz[i - 1]))) {
    throw new CalibrationError('frequency-not-increasing', 0, 'frequencies must rise above 0 Hz');
  }
  // The limits an imported file is held to: a synced row or a bundle must not bring in more.
  if (frequenciesHz.at(-1)! > MAX_CALIBRATION_FREQUENCY_HZ) {
    throw new CalibrationError(
      'frequency-out-of-range',
      0,
      `frequencies must not exceed ${MAX_CALIBRATION_FREQUENCY_HZ} Hz`,
    );
  }
  if (!responseDb.every((db) => Math.abs(db) <= CORRECTION_LIMIT_DB)) {
    throw new CalibrationError(
      'correction-out-of-range',
      0,
      `responses must lie within ±${CORRECTION_LIMIT_DB} dB`,
    );
  }
  if (typeof v.sensitivityDbfs !== 'number') {
    throw new TypeError("a stored calibration's sensitivityDbfs must be a number");
  }
  const stored = {
    fileName: v.fileName,
    sensitivityDbfs: v.sensitivityDbfs,
    frequenciesHz,
    responseDb,
  };
  toMicCalibration(stored); // the sensitivity's range
  return stored;
}

/** What levels are converted with. */
export function toMicCalibration(stored: StoredCalibration): MicCalibration {
  const curve = {
    frequenciesHz: stored.frequenciesHz,
    responseDb: stored.responseDb,
    sensFactorDb: null,
  };
  return micCalibration(curve, stored.sensitivityDbfs);
}
