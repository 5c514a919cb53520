/**
 * The desktop's link to a hub (hubLink.* of the API): its status, refreshed every few seconds
 * while shown, and the actions. `available` turns true once the host answers a status; on a hub
 * the methods do not apply and it stays false.
 */
import { useCallback, useEffect, useState } from 'react';
import type { HubConnectInput, HubLinkStatus } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';

const REFRESH_MS = 5000;

export interface HubLink {
  readonly available: boolean;
  readonly status: HubLinkStatus | null;
  /** Plants to choose from after a connect by someone of several plants. */
  readonly plantIds: readonly string[];
  readonly busy: boolean;
  readonly error: unknown;
  connect(input: HubConnectInput): void;
  disconnect(): void;
  syncNow(): void;
}

export function useHubLink(): HubLink {
  const api = useApi();
  const [status, setStatus] = useState<HubLinkStatus | null>(null);
  const [plantIds, setPlantIds] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const refresh = useCallback(() => {
    // A failed refresh keeps the last status; on a hub every one fails ('hub-link-not-here').
    api.hubLink.status().then(setStatus, () => undefined);
  }, [api]);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  const run = useCallback((work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    work().then(
      () => setBusy(false),
      (failure: unknown) => {
        setError(failure);
        setBusy(false);
      },
    );
  }, []);
  return {
    // Shown only once the host answered a status: on a hub the panel never flashes up.
    available: status !== null,
    status,
    plantIds,
    busy,
    error,
    connect: (input) =>
      run(async () => {
        const result = await api.hubLink.connect(input);
        if (result.linked) {
          setPlantIds([]);
          setStatus(result.status);
        } else {
          setPlantIds(result.plantIds);
        }
      }),
    disconnect: () => run(async () => setStatus(await api.hubLink.disconnect())),
    syncNow: () => run(async () => setStatus(await api.hubLink.syncNow())),
  };
}
