/**
 * hubLink.* through the desktop's API backend (the web host's and Electron's) while no hub
 * answers: every other call still works at once, and the status says what is wrong. On a hub,
 * the methods answer that they do not apply.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors.ts';
import type { HubLinkStatus, MachineDetail } from '../../../shared/api/contract.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { dispatch } from '../../../node/api/dispatch.ts';
import { createAuscultService } from '../../../node/api/service.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { writeLink } from '../../../node/sync/linkState.ts';
import { openApiBackend } from '../../../node/web/apiBackend.ts';
import type { ApiBackend } from '../../../node/web/apiBackend.ts';
import { temporaryFolder } from '../library/libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let backend: ApiBackend;
/** A port nothing listens on: the hub is down. */
let deadUrl: string;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

beforeAll(async () => {
  folder = await temporaryFolder('auscult-offline-');
  deadUrl = `http://127.0.0.1:${await closedPort()}/`;
  backend = await openApiBackend(folder.path, {
    demo: false,
    service: { pool: 'inline' },
    sync: { debounceMs: 10, firstRetryMs: 50 },
  });
});

afterAll(async () => {
  await backend.close();
  await folder.remove();
});

describe('a desktop whose hub is down', () => {
  it('is not linked at first, and a hub that does not answer cannot be linked', async () => {
    const status = (await backend.call('hubLink.status', [])) as HubLinkStatus;
    expect(status).toMatchObject({ hubUrl: null, pendingRows: 0, lastError: null });
    const refused = await rejection(
      backend.call('hubLink.connect', [{ url: deadUrl, name: 'tech', password: 'secret' }]),
    );
    expect(refused.reason).toBe('hub-unreachable');
  });

  it('keeps working, queues its writes and says the hub cannot be reached', async () => {
    await backend.close();
    // Linked earlier, while the hub was up.
    const library = await openLibrary(folder.path, { demo: false });
    await library.store.transaction(async () =>
      writeLink(
        library.store.db,
        { hubUrl: deadUrl, deviceToken: 'token', userName: 'tech', plantId: null },
        new Date(),
      ),
    );
    await library.close();
    backend = await openApiBackend(folder.path, {
      demo: false,
      service: { pool: 'inline' },
      sync: { debounceMs: 10, firstRetryMs: 50 },
    });
    const started = performance.now();
    const machine = (await backend.call('machines.create', [simLatheProfileJson])) as MachineDetail;
    expect(await backend.call('machines.get', [machine.id])).toMatchObject({ id: machine.id });
    // No call waits for the hub: the engine works beside them.
    expect(performance.now() - started).toBeLessThan(1000);
    const status = (await backend.call('hubLink.syncNow', [])) as HubLinkStatus;
    expect(status).toMatchObject({
      hubUrl: deadUrl,
      pendingRows: 1,
      syncing: false,
      lastSyncAt: null,
      lastError: { code: 'hub-unreachable', params: {} },
    });
  });

  it('forgets the hub on disconnect and keeps what waits to be sent', async () => {
    const status = (await backend.call('hubLink.disconnect', [])) as HubLinkStatus;
    expect(status).toMatchObject({ hubUrl: null, pendingRows: 1, lastError: null });
  });
});

describe('a hub', () => {
  it('answers that linking to a hub does not apply to it', async () => {
    const hubFolder = await temporaryFolder('auscult-offline-hub-');
    const library = await openLibrary(hubFolder.path, { demo: false });
    // A service without the desktop's link, as the hub makes it.
    const service = createAuscultService(library, { pool: 'inline' });
    try {
      const refused = await rejection(dispatch(service, 'hubLink.status', []));
      expect(refused.reason).toBe('hub-link-not-here');
    } finally {
      await service.close();
      await library.close();
      await hubFolder.remove();
    }
  });
});
