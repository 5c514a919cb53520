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
      await api.faultLog.add(diagnosisId, note);
    },
    [api],
  );
}
