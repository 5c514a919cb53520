import { useCallback } from 'react';
import { useApi } from '../../api/ApiContext.tsx';
import { usePersonName } from '../settings/index.ts';

/**
 * Stores a diagnosis in the fault log with the technician's note: the callback a
 * DiagnosisPanel's `onSaveToFaultLog` needs (bind the diagnosis id).
 */
export function useFaultLogSave(): (diagnosisId: string, note: string) => Promise<void> {
  const api = useApi();
  const { name } = usePersonName();
  return useCallback(
    async (diagnosisId: string, note: string) => {
      // The name this browser remembers ('' when none was given: the entry is kept anyway).
      await api.faultLog.add(diagnosisId, note, name);
    },
    [api, name],
  );
}

/**
 * Stores the diagnosis of a stretch (diagnoses.save) and puts it in the fault log with the
 * technician's note: Review's "Save to fault log", as its analysis is not stored by itself.
 */
export function useStretchSave(): (
  recordingId: string,
  startSeconds: number,
  endSeconds: number,
  note: string,
) => Promise<void> {
  const api = useApi();
  const { name } = usePersonName();
  return useCallback(
    async (recordingId: string, startSeconds: number, endSeconds: number, note: string) => {
      const stored = await api.diagnoses.save(recordingId, startSeconds, endSeconds);
      await api.faultLog.add(stored.id, note, name);
    },
    [api, name],
  );
}
