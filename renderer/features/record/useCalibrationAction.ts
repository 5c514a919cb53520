/**
 * One calibration change at a time (import, apply, remove): busy while it runs, then the refusal
 * as a problem and line the form words (reason 'invalid-calibration'), or a sentence.
 */
import { useCallback, useState } from 'react';
import { ApiError } from '../../../shared/api/errors.ts';
import { useErrorSentence } from '../../api/errors.ts';
import { failureFor } from './calibrationFailure.ts';
import type { CalibrationFailure, ScopedFailure } from './calibrationFailure.ts';

export type { CalibrationFailure };

export interface CalibrationAction {
  readonly busy: boolean;
  readonly failure: CalibrationFailure | null;
  /** Runs `work`; `onDone` after it succeeded. */
  run(work: () => Promise<unknown>): void;
}

/**
 * `scope`: what the changes are about (the input device's name, the recording's id); a failure
 * shows only while its scope is the current one, so another device does not inherit it.
 */
export function useCalibrationAction(
  onDone: () => void,
  scope: string | null = null,
): CalibrationAction {
  const describeError = useErrorSentence();
  const [busy, setBusy] = useState(false);
  const [held, setHeld] = useState<ScopedFailure | null>(null);
  const run = useCallback(
    (work: () => Promise<unknown>) => {
      setBusy(true);
      setHeld(null);
      work().then(
        () => {
          setBusy(false);
          onDone();
        },
        (error: unknown) => {
          setBusy(false);
          const invalid = error instanceof ApiError && error.reason === 'invalid-calibration';
          const failure = invalid
            ? { problem: String(error.params.problem), line: Number(error.params.line) }
            : { sentence: describeError(error) };
          setHeld({ scope, failure });
        },
      );
    },
    [describeError, onDone, scope],
  );
  return { busy, failure: failureFor(held, scope), run };
}
