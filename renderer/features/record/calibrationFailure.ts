/**
 * Why a calibration change failed, and what it was about. Pure: the hook keeps the failure with
 * its scope (the input device's name, the recording's id) so that choosing another one does not
 * show the first one's refusal as its own.
 */

/** Why a change failed: a calibration problem (worded by the form) or a sentence. */
export type CalibrationFailure =
  { readonly problem: string; readonly line: number } | { readonly sentence: string };

/** A failure and the device or recording it was about when the change was asked. */
export interface ScopedFailure {
  readonly scope: string | null;
  readonly failure: CalibrationFailure;
}

/** The failure to show while `scope` is chosen: only its own. */
export function failureFor(
  held: ScopedFailure | null,
  scope: string | null,
): CalibrationFailure | null {
  return held !== null && held.scope === scope ? held.failure : null;
}
