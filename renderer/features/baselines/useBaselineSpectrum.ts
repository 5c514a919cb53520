import { useCallback } from 'react';
import type { BaselineSpectrumView } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';

/** The healthy spectrum of the machine's baseline; null data when it has none. */
export function useBaselineSpectrum(
  machineId: string,
  baselineId: string | null,
): Loaded<BaselineSpectrumView | null> {
  const api = useApi();
  // baselineId is a dependency so a new baseline loads a new spectrum.
  const load = useCallback(
    () => (baselineId === null ? Promise.resolve(null) : api.baselines.spectrum(machineId)),
    [api, machineId, baselineId],
  );
  return useLoad(load);
}
