import { useCallback } from 'react';
import type {
  FaultLogEntry,
  FaultLogEvent,
  RecordingSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';

export interface EntryDetail {
  readonly history: Loaded<FaultLogEvent[]>;
  /** The diagnosis the entry was saved from (null once loaded if the library lost it). */
  readonly diagnosis: Loaded<StoredDiagnosis | null>;
  /** The machine's recordings made after the entry, newest first: the follow-up candidates. */
  readonly followUps: Loaded<RecordingSummary[]>;
}

/**
 * What the detail view loads besides the entry itself, each on its own so one failure shows
 * where it is. After a change the caller reloads `history` (and `followUps`: a recording may
 * have been made meanwhile).
 */
export function useEntryDetail(entry: FaultLogEntry): EntryDetail {
  const api = useApi();
  const { id, recordingId, diagnosisId, machineId, createdAt } = entry;
  const loadHistory = useCallback(() => api.faultLog.history(id), [api, id]);
  const loadDiagnosis = useCallback(
    async () => (await api.diagnoses.list(recordingId)).find((d) => d.id === diagnosisId) ?? null,
    [api, recordingId, diagnosisId],
  );
  const loadFollowUps = useCallback(async () => {
    const after = Date.parse(createdAt);
    return (await api.recordings.list(machineId))
      .filter((recording) => Date.parse(recording.createdAt) > after)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  }, [api, machineId, createdAt]);
  return {
    history: useLoad(loadHistory),
    diagnosis: useLoad(loadDiagnosis),
    followUps: useLoad(loadFollowUps),
  };
}
