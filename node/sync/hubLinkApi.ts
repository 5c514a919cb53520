/**
 * hubLink.* of AuscultApi on the desktop (docs/sync.md): connect signs in once as this computer
 * and keeps the device token (never the password); the engine does the rest in the background.
 */
import { hostname } from 'node:os';
import type { AuscultApi } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { HubConnectInput, HubConnectResult } from '../../shared/sync/hubLink.ts';
import type { Library } from '../library/library.ts';
import { HubAnswerError, HubUnreachableError, signInDevice } from './hubClient.ts';
import { removeLink, writeLink } from './linkState.ts';
import type { SyncEngine } from './syncEngine.ts';
import { withDatabase } from './syncPass.ts';

/** The sign-in's failure as the page words it. */
function connectError(error: unknown, url: string): unknown {
  if (error instanceof HubUnreachableError) {
    return new ApiError('invalid-input', `cannot reach the hub at ${url}`, {
      reason: 'hub-unreachable',
    });
  }
  if (error instanceof HubAnswerError && error.status === 401) {
    return new ApiError('invalid-input', 'the hub refused the name or password', {
      reason: 'sign-in-failed',
    });
  }
  if (error instanceof HubAnswerError && error.status === 403) {
    return new ApiError('invalid-argument', 'the plant is not one of the person signing in', {
      params: {},
    });
  }
  if (error instanceof HubAnswerError && error.status === 429) {
    const params = (error.body as { params?: { retryAfterSeconds?: unknown } } | null)?.params;
    const seconds = Number(params?.retryAfterSeconds);
    return new ApiError('rate-limited', 'too many sign-in attempts on the hub', {
      params: Number.isFinite(seconds) ? { retryAfterSeconds: seconds } : {},
    });
  }
  if (error instanceof HubAnswerError || error instanceof TypeError) {
    return new ApiError('invalid-input', `no hub answers at ${url}`, { reason: 'hub-bad-answer' });
  }
  return error;
}

/** Signs in and links the library; the plants to choose from when the person has several. */
export async function connectToHub(
  library: Library,
  input: HubConnectInput,
  deviceName: string = hostname(),
): Promise<Extract<HubConnectResult, { linked: false }> | null> {
  let signedIn: Awaited<ReturnType<typeof signInDevice>>;
  try {
    signedIn = await signInDevice(input.url, input.name, input.password, deviceName, input.plantId);
  } catch (error) {
    throw connectError(error, input.url);
  }
  if (typeof signedIn?.token !== 'string' || !Array.isArray(signedIn.user?.plantIds)) {
    throw connectError(new HubAnswerError('no token in the answer', 200, signedIn), input.url);
  }
  // Someone of several plants names the one this computer's machines belong to.
  if (input.plantId === undefined && signedIn.user.plantIds.length > 1)
    return { linked: false, plantIds: [...signedIn.user.plantIds] };
  await withDatabase(library, () =>
    writeLink(
      library.store.db,
      {
        hubUrl: input.url,
        deviceToken: signedIn.token,
        userName: signedIn.user.name,
        plantId: signedIn.plantId ?? null,
      },
      library.now(),
    ),
  );
  return null;
}

export function hubLinkApi(library: Library, engine: SyncEngine): AuscultApi['hubLink'] {
  return {
    status: () => engine.status(),
    async connect(input) {
      const choice = await connectToHub(library, input);
      if (choice !== null) return choice;
      engine.relinked();
      return { linked: true, status: await engine.status() };
    },
    async disconnect() {
      await withDatabase(library, () => removeLink(library.store.db));
      engine.relinked();
      return engine.status();
    },
    syncNow: () => engine.syncNow(),
  };
}

/** On a hub: linking to another hub does not apply. */
export function hubLinkNotHere(): AuscultApi['hubLink'] {
  const refuse = async (): Promise<never> => {
    throw new ApiError('invalid-input', 'a hub links to no other hub', {
      reason: 'hub-link-not-here',
    });
  };
  return { status: refuse, connect: refuse, disconnect: refuse, syncNow: refuse };
}
