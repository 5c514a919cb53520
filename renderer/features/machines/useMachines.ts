import { useCallback } from 'react';
import type { MachineDetail, MachineSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';

/** Every machine of the library. */
export function useMachineList(): Loaded<MachineSummary[]> {
  const api = useApi();
  const load = useCallback(() => api.machines.list(), [api]);
  return useLoad(load);
}

/** One machine with its profile and baseline. */
export function useMachine(machineId: string): Loaded<MachineDetail> {
  const api = useApi();
  const load = useCallback(() => api.machines.get(machineId), [api, machineId]);
  return useLoad(load);
}
