/**
 * The one error a malformed microphone calibration file produces. `code` is stable (tests, the
 * command line and the page word it by code, in English and Chinese); `lineNumber` is 1-based, 0
 * when the fault belongs to the whole file (empty, too large, no data).
 */
export class CalibrationError extends Error {
  readonly code: CalibrationErrorCode;
  readonly lineNumber: number;

  constructor(code: CalibrationErrorCode, lineNumber: number, detail: string) {
    super(lineNumber > 0 ? `line ${lineNumber}: ${detail}` : detail);
    this.name = 'CalibrationError';
    this.code = code;
    this.lineNumber = lineNumber;
  }
}

export type CalibrationErrorCode =
  /** No characters, or only blanks. */
  | 'empty-file'
  /** More characters or lines than any maker's file has. */
  | 'too-large'
  /** A data line with more than a frequency, a level and a phase. */
  | 'too-many-fields'
  /** A data line whose first two fields are not numbers (text, a comma decimal, NaN). */
  | 'not-a-number'
  /** A frequency ≤ 0 Hz or above the limit. */
  | 'frequency-out-of-range'
  /** A correction beyond ±CORRECTION_LIMIT_DB: no measurement microphone deviates so far. */
  | 'correction-out-of-range'
  /** A frequency not above the line before it: a file sorted otherwise, or a repeated line. */
  | 'frequency-not-increasing'
  /** A `Sens Factor` that is not a dB number, or a sensitivity beyond its limit. */
  | 'bad-sensitivity'
  /** Neither a Sens Factor in the file nor a sensitivity from the user. */
  | 'no-sensitivity'
  /** Comments only: not one frequency line. */
  | 'no-data';
