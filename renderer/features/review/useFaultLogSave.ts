import { useCallback } from 'react';
import { useApi } from '../../api/ApiContext.tsx';

/**
 * Stores a diagnosis in the fault log with the technician's note: the callback a
 * DiagnosisPanel's `onSaveToFaultLog` needs (bind the diagnosis id).
 */
export function useFaultLogSave(): (diagnosisId: string, note: string) => Promise<void> {
  const api = useApi();
  return useCallback(
    async (diagnosisId: string, note: string) => {
      // The page knows no person's name yet (no sign-in): the entry is saved without one.
      await api.faultLog.add(diagnosisId, note, '');
    },
    [api],
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
  return useCallback(
    async (recordingId: string, startSeconds: number, endSeconds: number, note: string) => {
      const stored = await api.diagnoses.save(recordingId, startSeconds, endSeconds);
      await api.faultLog.add(stored.id, note, '');
    },
    [api],
  );
}
