/**
 * The machine the Record screen records (the last one used, else the demo machine) and its
 * baseline's spectrum for the live chart.
 */
import { useCallback, useState } from 'react';
import type { BaselineSpectrumView, MachineSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import { defaultMachineId, readLastMachineId, rememberLastMachineId } from './machineChoice.ts';

export interface RecordTarget {
  readonly machines: readonly MachineSummary[] | null;
  readonly machinesError: string | null;
  readonly machineId: string | null;
  readonly machine: MachineSummary | null;
  chooseMachine(machineId: string): void;
  /** The machine's baseline spectrum; null while loading or when it has none. */
  readonly baseline: BaselineSpectrumView | null;
  readonly baselineLoading: boolean;
  readonly baselineError: string | null;
}

export function useRecordTarget(): RecordTarget {
  const api = useApi();
  const loadMachines = useCallback(() => api.machines.list(), [api]);
  const machines = useLoad(loadMachines);
  const [chosen, setChosen] = useState<string | null>(null);
  const list = machines.data;
  const machineId =
    list === null
      ? null
      : chosen !== null && list.some((m) => m.id === chosen)
        ? chosen
        : defaultMachineId(list, readLastMachineId());
  const loadBaseline = useCallback(
    () => (machineId === null ? Promise.resolve(null) : api.baselines.spectrum(machineId)),
    [api, machineId],
  );
  const baseline = useLoad(loadBaseline);
  const chooseMachine = useCallback((id: string) => {
    setChosen(id);
    rememberLastMachineId(id);
  }, []);
  return {
    machines: list,
    machinesError: machines.error,
    machineId,
    machine: list?.find((m) => m.id === machineId) ?? null,
    chooseMachine,
    baseline: baseline.data,
    baselineLoading: baseline.loading,
    baselineError: baseline.error,
  };
}
