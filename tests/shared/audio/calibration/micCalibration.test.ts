import { describe, expect, it } from 'vitest';

import { CalibrationError } from '../../../../shared/audio/calibration/calibrationError.ts';
import { parseCalibrationFile } from '../../../../shared/audio/calibration/calibrationFile.ts';
import {
  calibrateLevelsDb,
  levelDbSpl,
  micCalibration,
  responseAtDb,
  sensitivityFromSensFactor,
  splOffsetDb,
} from '../../../../shared/audio/calibration/micCalibration.ts';
import { welch } from '../../../../shared/dsp/welch.ts';
import { expectClose } from '../../../helpers/tolerance.ts';

const FLAT = parseCalibrationFile('20 0\n20000 0\n');

function sine(amplitude: number, frequencyHz: number, sampleRateHz: number, n: number) {
  return Float64Array.from(
    { length: n },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz),
  );
}

/** dB of the power a spectral density holds within ±halfWidth bins of a bin (a sine's lobe). */
function bandPowerDb(densityDb: readonly number[], binWidthHz: number, bin: number, half = 4) {
  let power = 0;
  for (let k = bin - half; k <= bin + half; k++) power += 10 ** (densityDb[k] / 10) * binWidthHz;
  return 10 * Math.log10(power);
}

describe('micCalibration', () => {
  it('turns a 1 kHz sine of known dBFS into its dB SPL through the spectrum, within 0.1 dB', () => {
    const sampleRateHz = 48_000;
    const amplitude = 0.1; // RMS 0.0707: −23.01 dBFS
    const levelDbfs = 20 * Math.log10(amplitude / Math.SQRT2);
    const calibration = micCalibration(FLAT, -30); // 94 dB SPL reads −30 dBFS
    const psd = welch(sine(amplitude, 1000, sampleRateHz, 48_000), sampleRateHz, {
      segmentLength: 4800,
    });
    const densityDb = Array.from(psd.values, (p) => 10 * Math.log10(Math.max(p, 1e-30)));
    const splDb = calibrateLevelsDb(densityDb, psd.binWidthHz, calibration);
    const bin = Math.round(1000 / psd.binWidthHz);
    // 94 dB SPL reads −30 dBFS, so −23.01 dBFS is 7.01 dB louder: 101.01 dB SPL.
    expectClose(bandPowerDb(splDb, psd.binWidthHz, bin), levelDbfs + 124, 0.1);
    expectClose(bandPowerDb(densityDb, psd.binWidthHz, bin), levelDbfs, 0.1);
  });

  it('changes only where the file has a correction: +3 dB at 100 Hz', () => {
    const curve = parseCalibrationFile('20 0\n50 0\n100 3\n200 0\n20000 0\n');
    const calibration = micCalibration(curve, -20);
    expectClose(splOffsetDb(calibration, 100), 94 + 20 - 3, 1e-9);
    for (const frequencyHz of [0, 20, 50, 200, 1000, 5000, 24_000]) {
      expectClose(splOffsetDb(calibration, frequencyHz), 114, 1e-9);
    }
    // Half way between 100 and 200 Hz on a log axis, half the correction.
    expectClose(splOffsetDb(calibration, Math.sqrt(100 * 200)), 114 - 1.5, 1e-9);
  });

  it('interpolates on a logarithmic frequency axis and holds the ends flat', () => {
    const curve = parseCalibrationFile('100 0\n10000 10\n');
    expectClose(responseAtDb(curve, 1000), 5, 1e-9);
    expectClose(responseAtDb(curve, 10), 0, 1e-12);
    expectClose(responseAtDb(curve, 0), 0, 1e-12);
    expectClose(responseAtDb(curve, 40_000), 10, 1e-12);
  });

  it('takes the response relative to 1 kHz, where the sensitivity was measured', () => {
    const curve = parseCalibrationFile('100 2\n1000 2\n10000 5\n');
    const calibration = micCalibration(curve, -40);
    expectClose(levelDbSpl(-40, 1000, calibration), 94, 1e-9);
    expectClose(levelDbSpl(-40, 10_000, calibration), 91, 1e-9);
  });

  it('reads a Sens Factor as a deviation from the nominal −18 dBFS', () => {
    const curve = parseCalibrationFile('"Sens Factor =-0.8dB"\n20 0\n20000 0\n');
    expect(micCalibration(curve).sensitivityDbfs).toBeCloseTo(-18.8, 12);
    expect(sensitivityFromSensFactor(1.5)).toBe(-16.5);
    // The user's own measurement wins over the file's figure.
    expect(micCalibration(curve, -25).sensitivityDbfs).toBe(-25);
  });

  it.each([
    ['no sensitivity anywhere', undefined, 'no-sensitivity'],
    ['an absurd sensitivity', -400, 'bad-sensitivity'],
    ['a NaN sensitivity', Number.NaN, 'bad-sensitivity'],
  ])('refuses %s', (_name, sensitivityDbfs, code) => {
    try {
      micCalibration(FLAT, sensitivityDbfs);
      expect.unreachable('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(CalibrationError);
      expect((error as CalibrationError).code).toBe(code);
    }
  });

  it('leaves its input untouched and refuses a bad bin width', () => {
    const levels = [1, 2, 3];
    calibrateLevelsDb(levels, 10, micCalibration(FLAT, -20));
    expect(levels).toEqual([1, 2, 3]);
    expect(() => calibrateLevelsDb(levels, 0, micCalibration(FLAT, -20))).toThrow(RangeError);
  });
});
