import { describe, expect, it } from 'vitest';

import { CalibrationError } from '../../../../shared/audio/calibration/calibrationError.ts';
import {
  CORRECTION_LIMIT_DB,
  MAX_CALIBRATION_FREQUENCY_HZ,
} from '../../../../shared/audio/calibration/calibrationFile.ts';
import { storedCalibrationFromJson } from '../../../../shared/audio/calibration/storedCalibration.ts';

const GOOD = {
  fileName: 'umik.txt',
  sensitivityDbfs: -18,
  frequenciesHz: [20, 1000, 20000],
  responseDb: [-1.5, 0, 2.25],
};

/** The error a stored calibration (a store row, a bundle's field) gives, or null. */
function refusal(value: unknown): unknown {
  try {
    storedCalibrationFromJson(value);
    return null;
  } catch (error) {
    return error;
  }
}

describe('storedCalibrationFromJson', () => {
  it('keeps the figures of a well-formed calibration and nothing else', () => {
    expect(storedCalibrationFromJson({ ...GOOD, extra: 'dropped' })).toEqual(GOOD);
  });

  it.each([
    ['not an object', 'calibration', TypeError],
    ['no file name', { ...GOOD, fileName: 7 }, TypeError],
    ['a name over 255 characters', { ...GOOD, fileName: 'x'.repeat(256) }, TypeError],
    ['no points', { ...GOOD, frequenciesHz: [], responseDb: [] }, TypeError],
    ['unpaired points', { ...GOOD, responseDb: [0, 0] }, TypeError],
    ['a non-finite response', { ...GOOD, responseDb: [0, Number.NaN, 0] }, TypeError],
    ['falling frequencies', { ...GOOD, frequenciesHz: [20, 10, 30] }, CalibrationError],
    ['a sensitivity as text', { ...GOOD, sensitivityDbfs: '-18' }, TypeError],
    ['a sensitivity out of range', { ...GOOD, sensitivityDbfs: 1e9 }, CalibrationError],
    // A file with these figures is refused when imported; a stored copy (synced, from a bundle)
    // must not bring them in another way.
    [
      'a correction beyond the limit',
      { ...GOOD, responseDb: [0, 0, CORRECTION_LIMIT_DB + 1] },
      CalibrationError,
    ],
    [
      'a frequency beyond the limit',
      { ...GOOD, frequenciesHz: [20, 1000, MAX_CALIBRATION_FREQUENCY_HZ * 2] },
      CalibrationError,
    ],
  ])('refuses %s', (_, value, kind) => {
    expect(refusal(value)).toBeInstanceOf(kind);
  });
});
