/**
 * Microphone calibration files as REW and miniDSP (UMIK-1/-2) write them: one point per line,
 * a frequency in Hz and the microphone's response in dB, optionally a phase in degrees, separated
 * by blanks (or commas when a line has no blanks); lines starting with `*` or `"` are comments or
 * headers, and a header may carry the unit's `Sens Factor =-0.8dB`. Pure; the file's text in, a
 * checked curve out, or a CalibrationError naming the line (docs/formats.md, "Microphone
 * calibration").
 */
import { CalibrationError } from './calibrationError.ts';

export interface CalibrationCurve {
  /** Frequencies of the points, strictly increasing, Hz. */
  readonly frequenciesHz: readonly number[];
  /** The microphone's response at them, dB. As in REW, it is subtracted from what was measured. */
  readonly responseDb: readonly number[];
  /** The header's `Sens Factor`, dB; null when the file has none. */
  readonly sensFactorDb: number | null;
}

/** Makers' files hold a few hundred to a few thousand lines; this is far beyond any of them. */
export const MAX_CALIBRATION_LINES = 20_000;
/** 1 MiB of text: some 20 000 lines of 50 characters. */
export const MAX_CALIBRATION_CHARS = 1_048_576;
/** Above any sample rate's Nyquist frequency a recorder offers (384 kHz), Hz. */
export const MAX_CALIBRATION_FREQUENCY_HZ = 200_000;
/** No measurement microphone's response strays further from flat, dB. */
export const CORRECTION_LIMIT_DB = 60;
/** A Sens Factor is a unit's deviation from its model's nominal sensitivity: a few dB. */
export const SENS_FACTOR_LIMIT_DB = 60;

/** A plain decimal number: no hex, no Infinity, no empty string (which Number() would take). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const SENS_FACTOR = /sens\s*factor"?\s*=\s*([^\s,"]*?)\s*db/i;

function decimal(token: string): number {
  return DECIMAL.test(token) ? Number(token) : Number.NaN;
}

function sensFactorOf(line: string, lineNumber: number): number | null {
  if (!/sens\s*factor/i.test(line)) return null;
  const match = SENS_FACTOR.exec(line);
  const value = match ? decimal(match[1]) : Number.NaN;
  if (!(Math.abs(value) <= SENS_FACTOR_LIMIT_DB)) {
    throw new CalibrationError(
      'bad-sensitivity',
      lineNumber,
      `the Sens Factor must read like "Sens Factor =-0.8dB", within ±${SENS_FACTOR_LIMIT_DB} dB`,
    );
  }
  return value;
}

function fieldsOf(line: string): string[] {
  const fields = line.split(/\s+/);
  // "20,-0.5": commas separate only when no blank does, so "1000,5 -0,3" (decimal commas) fails.
  return fields.length === 1 ? line.split(',').map((f) => f.trim()) : fields;
}

function pointOf(line: string, lineNumber: number): [number, number] {
  const fields = fieldsOf(line);
  if (fields.length > 3) {
    throw new CalibrationError(
      'too-many-fields',
      lineNumber,
      `expected a frequency, a level and optionally a phase, found ${fields.length} fields`,
    );
  }
  const numbers = fields.map(decimal);
  if (numbers.length < 2 || numbers.some((n) => !Number.isFinite(n))) {
    throw new CalibrationError(
      'not-a-number',
      lineNumber,
      'expected a frequency in Hz and a level in dB (comment lines start with * or ")',
    );
  }
  const [frequencyHz, levelDb] = numbers;
  if (!(frequencyHz > 0 && frequencyHz <= MAX_CALIBRATION_FREQUENCY_HZ)) {
    throw new CalibrationError(
      'frequency-out-of-range',
      lineNumber,
      `the frequency ${frequencyHz} Hz is not within 0 to ${MAX_CALIBRATION_FREQUENCY_HZ} Hz`,
    );
  }
  if (!(Math.abs(levelDb) <= CORRECTION_LIMIT_DB)) {
    throw new CalibrationError(
      'correction-out-of-range',
      lineNumber,
      `the level ${levelDb} dB is beyond ±${CORRECTION_LIMIT_DB} dB`,
    );
  }
  return [frequencyHz, levelDb];
}

function checkSize(text: string): string[] {
  if (text.trim() === '') throw new CalibrationError('empty-file', 0, 'the file is empty');
  const lines = text.split(/\r\n|\r|\n/);
  if (text.length > MAX_CALIBRATION_CHARS || lines.length > MAX_CALIBRATION_LINES) {
    throw new CalibrationError(
      'too-large',
      0,
      `a calibration file holds at most ${MAX_CALIBRATION_LINES} lines and ${MAX_CALIBRATION_CHARS} characters`,
    );
  }
  return lines;
}

/**
 * The curve of a calibration file's text. Blank lines and lines starting with `*`, `"`, `#` or
 * `;` are skipped (a byte-order mark too); the first `Sens Factor` in them is kept. Throws
 * CalibrationError at the first fault, with its line number.
 */
export function parseCalibrationFile(text: string): CalibrationCurve {
  const lines = checkSize(text.replace(/^\uFEFF/, ''));
  const frequenciesHz: number[] = [];
  const responseDb: number[] = [];
  let sensFactorDb: number | null = null;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const lineNumber = index + 1;
    if (line === '') return;
    if (/^["*#;]/.test(line)) {
      sensFactorDb ??= sensFactorOf(line, lineNumber);
      return;
    }
    const [frequencyHz, levelDb] = pointOf(line, lineNumber);
    const previousHz = frequenciesHz.at(-1);
    if (previousHz !== undefined && frequencyHz <= previousHz) {
      throw new CalibrationError(
        'frequency-not-increasing',
        lineNumber,
        `the frequency ${frequencyHz} Hz does not rise above the previous line's ${previousHz} Hz`,
      );
    }
    frequenciesHz.push(frequencyHz);
    responseDb.push(levelDb);
  });
  if (frequenciesHz.length === 0) {
    throw new CalibrationError('no-data', 0, 'the file has no frequency and level lines');
  }
  return { frequenciesHz, responseDb, sensFactorDb };
}
