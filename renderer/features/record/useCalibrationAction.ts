/**
 * One calibration change at a time (import, apply, remove): busy while it runs, then the refusal
 * as a problem and line the form words (reason 'invalid-calibration'), or a sentence.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../../shared/api/errors.ts';
import { useErrorSentence } from '../../api/errors.ts';

/** Why a change failed: a calibration problem (worded by the form) or a sentence. */
export type CalibrationFailure =
  { readonly problem: string; readonly line: number } | { readonly sentence: string };

export interface CalibrationAction {
  readonly busy: boolean;
  readonly failure: CalibrationFailure | null;
  /** Runs `work`; `onDone` after it succeeded. */
  run(work: () => Promise<unknown>): void;
}

export function useCalibrationAction(onDone: () => void): CalibrationAction {
  const describeError = useErrorSentence();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CalibrationFailure | null>(null);
  const run = useCallback(
    (work: () => Promise<unknown>) => {
      setBusy(true);
      setFailure(null);
      work().then(
        () => {
          setBusy(false);
          onDone();
        },
        (error: unknown) => {
          setBusy(false);
          const invalid = error instanceof ApiError && error.reason === 'invalid-calibration';
          setFailure(
            invalid
              ? { problem: String(error.params.problem), line: Number(error.params.line) }
              : { sentence: describeError(error) },
          );
        },
      );
    },
    [describeError, onDone],
  );
  return { busy, failure, run };
}
