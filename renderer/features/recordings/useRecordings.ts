import { useCallback } from 'react';
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';

/** The recordings of one machine. */
export function useRecordings(machineId: string): Loaded<RecordingSummary[]> {
  const api = useApi();
  const load = useCallback(() => api.recordings.list(machineId), [api, machineId]);
  return useLoad(load);
}
