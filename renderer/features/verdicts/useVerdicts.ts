import { useCallback, useMemo } from 'react';
import type { FaultLogEntry } from '../../../shared/api/contract.ts';
import type { ExpertVerdict } from '../../../shared/verdicts/expertVerdict.ts';
import { latestPerDiagnosis } from '../../../shared/verdicts/expertVerdict.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';

/** A diagnosis' verdicts, newest first (none asked for while `diagnosisId` is null). */
export function useDiagnosisVerdicts(diagnosisId: string | null): Loaded<ExpertVerdict[]> {
  const api = useApi();
  const load = useCallback(
    () => (diagnosisId === null ? Promise.resolve([]) : api.verdicts.list(diagnosisId)),
    [api, diagnosisId],
  );
  return useLoad(load);
}

/**
 * The newest verdict of each diagnosis the entries name, by diagnosis id: one call per machine
 * (its labelled examples), not one per entry.
 */
export function useLatestVerdicts(
  entries: readonly FaultLogEntry[] | null,
): ReadonlyMap<string, ExpertVerdict> {
  const api = useApi();
  const machineKey = useMemo(
    () => [...new Set((entries ?? []).map((entry) => entry.machineId))].sort().join(' '),
    [entries],
  );
  const load = useCallback(async () => {
    const machineIds = machineKey === '' ? [] : machineKey.split(' ');
    const lists = await Promise.all(machineIds.map((id) => api.verdicts.listByMachine(id)));
    return new Map(latestPerDiagnosis(lists.flat()).map((v) => [v.diagnosisId, v]));
  }, [api, machineKey]);
  return useLoad(load).data ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, ExpertVerdict> = new Map();
