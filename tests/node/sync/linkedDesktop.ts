/**
 * A real hub (PostgreSQL, its HTTP routes) and a desktop library with one machine, linked to it
 * as the technician: what the sync engine's tests start from.
 */
import { expect } from 'vitest';
import type { MachineDetail } from '../../../shared/api/contract.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { connectToHub } from '../../../node/sync/hubLinkApi.ts';
import { openApiFixture } from '../api/apiFixtures.ts';
import type { ApiFixture } from '../api/apiFixtures.ts';
import { PASSWORD, startSyncHub } from '../hub/syncFixture.ts';
import type { SyncHub } from '../hub/syncFixture.ts';

export interface LinkedDesktop {
  readonly hub: SyncHub;
  readonly api: ApiFixture;
  readonly machine: MachineDetail;
}

export async function openLinkedDesktop(): Promise<LinkedDesktop> {
  const hub = await startSyncHub();
  const api = await openApiFixture();
  const machine = (await api.call('machines.create', simLatheProfileJson)) as MachineDetail;
  const linked = await connectToHub(api.library, {
    url: hub.hub.url,
    name: 'tech',
    password: PASSWORD,
  });
  expect(linked).toBeNull();
  return { hub, api, machine };
}
