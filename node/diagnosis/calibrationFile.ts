/**
 * A microphone calibration file on disk (docs/formats.md, "Microphone calibration"): read with a
 * size limit, parsed, and made a calibration with the sensitivity the user gave or the one its
 * Sens Factor implies. Every problem is an InputError naming the file and the line.
 */
import { CalibrationError } from '../../shared/audio/calibration/calibrationError.ts';
import {
  MAX_CALIBRATION_CHARS,
  parseCalibrationFile,
} from '../../shared/audio/calibration/calibrationFile.ts';
import { micCalibration } from '../../shared/audio/calibration/micCalibration.ts';
import type { MicCalibration } from '../../shared/audio/calibration/micCalibration.ts';
import { InputError } from './inputError.ts';
import { readText } from './jsonFiles.ts';

/** UTF-8 takes up to 4 bytes a character; the parser counts characters. */
const MAX_CALIBRATION_BYTES = MAX_CALIBRATION_CHARS * 4;

/** Reads the file at `path`; `sensitivityDbfs` (94 dB SPL at 1 kHz) overrides the file's. */
export async function readCalibrationFile(
  path: string,
  sensitivityDbfs?: number,
): Promise<MicCalibration> {
  const text = await readText(path, 'calibration file', MAX_CALIBRATION_BYTES);
  try {
    return micCalibration(parseCalibrationFile(text), sensitivityDbfs);
  } catch (error) {
    if (error instanceof CalibrationError) {
      throw new InputError(`calibration file "${path}" is invalid: ${error.message}`);
    }
    throw error;
  }
}
