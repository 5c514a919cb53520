import { describe, expect, it } from 'vitest';

import { CalibrationError } from '../../../../shared/audio/calibration/calibrationError.ts';
import type { CalibrationErrorCode } from '../../../../shared/audio/calibration/calibrationError.ts';
import {
  MAX_CALIBRATION_LINES,
  parseCalibrationFile,
} from '../../../../shared/audio/calibration/calibrationFile.ts';

/** The shape of a miniDSP UMIK-1 file: a quoted header with the Sens Factor, tab-separated data. */
const UMIK_STYLE = [
  '"Sens Factor =-0.8dB, AGain =18dB, SERNO: 7000000"',
  '10.054\t-4.10',
  '100.0\t-0.25',
  '1000.0\t0.00',
  '10000.0\t1.20',
  '20000.0\t-2.00',
  '',
].join('\r\n');

function codeOf(text: string): [CalibrationErrorCode, number] {
  try {
    parseCalibrationFile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CalibrationError);
    const e = error as CalibrationError;
    return [e.code, e.lineNumber];
  }
  throw new Error('the file was accepted');
}

describe('parseCalibrationFile', () => {
  it('reads a UMIK-style file: points in order and the Sens Factor of its header', () => {
    const curve = parseCalibrationFile(UMIK_STYLE);
    expect(curve.frequenciesHz).toEqual([10.054, 100, 1000, 10000, 20000]);
    expect(curve.responseDb).toEqual([-4.1, -0.25, 0, 1.2, -2]);
    expect(curve.sensFactorDb).toBe(-0.8);
  });

  it('reads REW-style text: * comments, a phase column, blanks, commas and a byte-order mark', () => {
    const text = '\uFEFF* REW cal file\n*1000Hz -40.3\n\n20 0.5 12.0\n  1000   0   0\n5000,-1.5\n';
    const curve = parseCalibrationFile(text);
    expect(curve.frequenciesHz).toEqual([20, 1000, 5000]);
    expect(curve.responseDb).toEqual([0.5, 0, -1.5]);
    expect(curve.sensFactorDb).toBeNull();
  });

  it('reads a Sens Factor written without a leading zero', () => {
    expect(parseCalibrationFile('"Sens Factor =-.6383dB, SERNO: 1"\n1000 0\n').sensFactorDb).toBe(
      -0.6383,
    );
  });

  it.each<[string, string, CalibrationErrorCode, number]>([
    ['an empty file', '', 'empty-file', 0],
    ['blanks only', ' \n\t\n', 'empty-file', 0],
    ['comments only', '* nothing here\n"Sens Factor =0dB"\n', 'no-data', 0],
    ['words instead of numbers', '* cal\nfrequency level\n', 'not-a-number', 2],
    ['a frequency without a level', '1000\n', 'not-a-number', 1],
    ['NaN', '20 0\n100 NaN\n', 'not-a-number', 2],
    ['Infinity', '20 Infinity\n', 'not-a-number', 1],
    ['a hexadecimal number', '0x10 0\n', 'not-a-number', 1],
    ['decimal commas', '20 0\n1000,5\t-0,3\n', 'not-a-number', 2],
    ['four fields', '20 0 0 7\n', 'too-many-fields', 1],
    ['a zero frequency', '0 0\n', 'frequency-out-of-range', 1],
    ['a negative frequency', '20 0\n-5 0\n', 'frequency-out-of-range', 2],
    ['an absurd frequency', '20 0\n1e9 0\n', 'frequency-out-of-range', 2],
    ['an absurd correction', '20 0\n1000 500\n', 'correction-out-of-range', 2],
    ['falling frequencies', '20 0\n1000 0\n500 0\n', 'frequency-not-increasing', 3],
    ['a repeated frequency', '20 0\n1000 0\n1000 0.1\n', 'frequency-not-increasing', 3],
    ['a Sens Factor that is no number', '"Sens Factor =abcdB"\n20 0\n', 'bad-sensitivity', 1],
    ['an absurd Sens Factor', '"Sens Factor =-400dB"\n20 0\n', 'bad-sensitivity', 1],
  ])('refuses %s', (_name, text, code, lineNumber) => {
    expect(codeOf(text)).toEqual([code, lineNumber]);
  });

  it('refuses more lines than any maker writes, before reading them', () => {
    const lines = Array.from({ length: MAX_CALIBRATION_LINES + 1 }, (_, i) => `${i + 1} 0`);
    expect(codeOf(lines.join('\n'))).toEqual(['too-large', 0]);
  });

  it('names the line in its message', () => {
    expect(() => parseCalibrationFile('20 0\n10 0\n')).toThrow(/^line 2: /);
  });
});
