import { useCallback } from 'react';
import type { MachineTrend } from '../../../../shared/api/contract.ts';
import { useApi } from '../../../api/ApiContext.tsx';
import { useLoad } from '../../../hooks/useLoad.ts';
import type { Loaded } from '../../../hooks/useLoad.ts';

/** The machine's trend: diagnoses over time, line levels, fault-log entries, causes by month. */
export function useMachineTrend(machineId: string): Loaded<MachineTrend> {
  const api = useApi();
  const load = useCallback(() => api.machines.trend(machineId), [api, machineId]);
  return useLoad(load);
}
