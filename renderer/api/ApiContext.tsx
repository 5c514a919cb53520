/**
 * The AuscultApi reaches hooks through React context, so components never import a host client
 * and tests of a hook could hand it any implementation.
 */
import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { AuscultApi } from '../../shared/api/contract.ts';

const ApiContext = createContext<AuscultApi | null>(null);

export function ApiProvider({ api, children }: { api: AuscultApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The API of the host the page runs in; only feature hooks call it. */
export function useApi(): AuscultApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi: no ApiProvider above this component');
  return api;
}
