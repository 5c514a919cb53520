import { useCallback, useEffect, useState } from 'react';
import type { SpectrogramView } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import { DETAIL_COLUMNS, OVERVIEW_COLUMNS } from './overviewSizes.ts';

export interface SpectrogramState {
  readonly data: SpectrogramView | null;
  readonly error: string | null;
}

/**
 * The recording's spectrogram from the host: the overview at once, and the detailed one after
 * `wantDetail` turns true (the overview stays on screen until it arrives).
 */
export function useSpectrogram(recordingId: string, wantDetail: boolean): SpectrogramState {
  const api = useApi();
  const overview = useLoad(
    useCallback(() => api.review.spectrogram(recordingId, OVERVIEW_COLUMNS), [api, recordingId]),
  );
  const [detail, setDetail] = useState<{ id: string; view: SpectrogramView } | null>(null);
  const columnCount = overview.data?.columnCount ?? 0;
  // The host may answer with fewer columns than asked (a short recording): then no detail.
  const fetchDetail = wantDetail && columnCount >= OVERVIEW_COLUMNS;
  useEffect(() => {
    if (!fetchDetail) return;
    let live = true;
    api.review.spectrogram(recordingId, DETAIL_COLUMNS).then(
      (view) => live && setDetail({ id: recordingId, view }),
      () => undefined, // The overview stays; a missing detail is not worth an error line.
    );
    return () => {
      live = false;
    };
  }, [api, recordingId, fetchDetail]);
  const current = detail?.id === recordingId ? detail.view : overview.data;
  return { data: current, error: overview.error };
}
