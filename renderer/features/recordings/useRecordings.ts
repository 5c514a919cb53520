import { useCallback } from 'react';
import type { RecordingSummary, VerdictSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';

/** A recording as its machine's list shows it: with its newest verdict (null: none yet). */
export type RecordingRow = RecordingSummary & { readonly verdict: VerdictSummary | null };

/** The recordings of one machine with their verdicts: two calls, whatever the list's length. */
export function useRecordings(machineId: string): Loaded<RecordingRow[]> {
  const api = useApi();
  const load = useCallback(async () => {
    const [recordings, verdicts] = await Promise.all([
      api.recordings.list(machineId),
      api.recordings.verdicts(machineId),
    ]);
    const byRecording = new Map(verdicts.map((v) => [v.recordingId, v]));
    return recordings.map((r) => ({ ...r, verdict: byRecording.get(r.id) ?? null }));
  }, [api, machineId]);
  return useLoad(load);
}
