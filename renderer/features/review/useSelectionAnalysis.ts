import { useEffect, useState } from 'react';
import type { SelectionAnalysis } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useErrorSentence } from '../../api/errors.ts';
import type { TimeRange } from './defaultRegion.ts';

/** A region change waits this long for the next before the host analyses it. */
export const SELECTION_DEBOUNCE_MS = 300;

export interface SelectionState {
  /** The latest answer (kept on screen while a newer region is analysed). */
  readonly data: SelectionAnalysis | null;
  readonly error: string | null;
  readonly pending: boolean;
}

interface Answer {
  readonly key: string;
  readonly data: SelectionAnalysis | null;
  readonly error: string | null;
}

/**
 * review.selection of the region, re-run (debounced) when the region changes, or when
 * `refreshKey` does (the recording changed: a calibration given or taken away).
 */
export function useSelectionAnalysis(
  recordingId: string,
  region: TimeRange | null,
  refreshKey = 0,
): SelectionState {
  const describeError = useErrorSentence();
  const api = useApi();
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The region by value: a new object for the same stretch is not a change.
  const startSeconds = region?.startSeconds ?? null;
  const endSeconds = region?.endSeconds ?? null;
  const key = region ? `${recordingId} ${startSeconds} ${endSeconds} ${refreshKey}` : '';
  useEffect(() => {
    if (startSeconds === null || endSeconds === null) return;
    let live = true;
    const timer = setTimeout(() => {
      api.review.selection(recordingId, startSeconds, endSeconds).then(
        (data) => live && setAnswer({ key, data, error: null }),
        (error: unknown) =>
          live &&
          setAnswer((previous) => ({
            key,
            data: previous?.data ?? null,
            error: describeError(error),
          })),
      );
    }, SELECTION_DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, recordingId, startSeconds, endSeconds, key, describeError]);
  const sameRecording = answer?.data?.recordingId === recordingId;
  return {
    data: sameRecording ? (answer?.data ?? null) : null,
    error: answer?.key === key ? answer.error : null,
    pending: region !== null && answer?.key !== key,
  };
}
