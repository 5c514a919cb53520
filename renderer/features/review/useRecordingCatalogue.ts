import { useCallback } from 'react';
import type { MachineSummary, RecordingSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';

export interface MachineRecordings {
  readonly machine: MachineSummary;
  readonly recordings: readonly RecordingSummary[];
}

/** Every machine with its recordings, for choosing one to review. */
export function useRecordingCatalogue() {
  const api = useApi();
  return useLoad(
    useCallback(async (): Promise<MachineRecordings[]> => {
      const machines = await api.machines.list();
      const lists = await Promise.all(machines.map((m) => api.recordings.list(m.id)));
      return machines.map((machine, i) => ({ machine, recordings: lists[i] }));
    }, [api]),
  );
}
