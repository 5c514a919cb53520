/**
 * `auscult hub serve`: the hub's HTTP server. The same page and API as the laptop's web host,
 * on the PostgreSQL stores, for people who sign in: every API and media request needs a session
 * (cookie) or a device token (bearer), and every call passes the role and plant checks of
 * hubApi.ts. Browser requests must come from the hub's own pages (Origin); sign-in attempts are
 * limited and audited (signIn.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { API_PATH_PREFIX, methodFromApiPath } from '../../shared/api/httpProtocol.ts';
import { createAuscultService } from '../api/service.ts';
import { MEDIA_PATH_PREFIX } from '../api/mediaUrls.ts';
import { createPostgresAudioStore } from '../store/postgres/audioStore.ts';
import { openPostgresStore } from '../store/postgres/postgresStore.ts';
import type { Clock } from '../store/types.ts';
import { handleApiRequest } from '../web/apiRoute.ts';
import { createBodyGate, DEFAULT_MAX_LARGE_BODIES } from '../web/bodyGate.ts';
import { handleMediaRequest } from '../web/mediaRoute.ts';
import { sendError, setSecurityHeaders } from '../web/responses.ts';
import { DEFAULT_RENDERER_DIR } from '../web/server.ts';
import { handleStaticRequest } from '../web/staticRoute.ts';
import { createHubCall } from './hubApi.ts';
import { createLiveCalls } from './live/calls.ts';
import { iceServersFor } from './live/iceServers.ts';
import type { IceServerEntry } from './live/iceServers.ts';
import { handleLiveUpgrade } from './live/liveRoute.ts';
import type { HubUser } from './people.ts';
import { createSignInLimiter } from './rateLimit.ts';
import { mayCall } from './roles.ts';
import { clientAddress, credentials, fromOwnSite } from './requests.ts';
import { createScope, seesPlant } from './scope.ts';
import { sessionUser } from './sessions.ts';
import { handleHubRoute, HUB_PATH_PREFIX } from './signInRoutes.ts';
import type { HubRouteContext } from './signInRoutes.ts';
import { handleSyncRoute, SYNC_PATH_PREFIX } from './sync/routes.ts';

export const DEFAULT_HUB_PORT = 8918;

export interface HubOptions {
  readonly databaseUrl: string;
  /** Default 127.0.0.1; a hub for many people binds 0.0.0.0 behind a TLS proxy. */
  readonly host?: string;
  readonly port?: number;
  /** The https origin a proxy serves the hub at (Secure cookies, accepted Origin), if any. */
  readonly publicOrigin?: string | null;
  /** A local folder for files on their way in and the analysis workers' copies of audio. */
  readonly workFolder: string;
  readonly rendererDir?: string;
  readonly clock?: Clock;
  /** STUN/TURN servers for live calls (node/hub/live/iceServers.ts); default none. */
  readonly iceServers?: readonly IceServerEntry[];
}

export interface Hub {
  readonly url: string;
  close(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const clock = options.clock ?? { now: () => new Date(), newId: randomUUID };
  const store = await openPostgresStore(options.databaseUrl, clock);
  const folders = ['staging', 'capture', 'audio-cache'].map((name) =>
    join(options.workFolder, name),
  );
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const audio = createPostgresAudioStore(store.pool, folders[2]);
  const library = {
    store,
    audio,
    stagingFolder: folders[0],
    captureFolder: folders[1],
    now: clock.now,
    newId: clock.newId,
  };
  const service = createAuscultService(library);
  const scope = createScope(store.pool);
  const call = createHubCall(service, scope, store.pool, clock);
  const largeBodies = createBodyGate(DEFAULT_MAX_LARGE_BODIES);
  const publicOrigin = options.publicOrigin ?? null;
  const routes: HubRouteContext = {
    sql: store.pool,
    clock,
    limiter: createSignInLimiter(),
    secureCookies: publicOrigin?.startsWith('https://') ?? false,
  };
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;

  const signedIn = async (request: IncomingMessage): Promise<HubUser | null> => {
    const presented = credentials(request);
    if (presented === null) return null;
    if (presented.via === 'cookie' && !fromOwnSite(request, publicOrigin)) return null;
    return sessionUser(store.pool, clock, presented.token);
  };

  const route = async (request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response);
    const url = new URL(request.url ?? '/', 'http://host.invalid');
    if (url.pathname.startsWith(HUB_PATH_PREFIX)) {
      if (!fromOwnSite(request, publicOrigin)) {
        return sendError(response, 'forbidden', 'The request comes from another site.');
      }
      if (url.pathname.startsWith(SYNC_PATH_PREFIX)) {
        return handleSyncRoute({ pool: store.pool, clock }, request, response, url);
      }
      return handleHubRoute(routes, request, response, url);
    }
    const isApi = url.pathname.startsWith(API_PATH_PREFIX);
    const isMedia = url.pathname.startsWith(MEDIA_PATH_PREFIX);
    if (!isApi && !isMedia) {
      // The page itself is public code; what it shows comes through the API.
      return handleStaticRequest(request, response, url.pathname, rendererDir);
    }
    const user = await signedIn(request);
    if (user === null) {
      request.resume();
      return sendError(response, 'unauthorized', 'Sign in to the hub first.', 401, {
        reason: 'sign-in-required',
      });
    }
    if (isApi) {
      // The role is checked before the body is read: a refused upload costs nothing.
      const method = methodFromApiPath(url.pathname);
      if (method !== null && !mayCall(user.role, method)) {
        request.resume();
        return sendError(response, 'forbidden', `A ${user.role} may not call ${method}.`);
      }
      const userCall = (method: Parameters<typeof call>[1], args: unknown[]) =>
        call(user, method, args, clientAddress(request));
      return handleApiRequest(request, response, url.pathname, userCall, largeBodies);
    }
    return handleMediaRequest(request, response, url.pathname, async (recordingId) => {
      // The same plant check as recordings.audio; an unknown or foreign id is not served.
      const plant = await scope.plantOf('recordingId', recordingId);
      if (plant === undefined || !seesPlant(user, plant)) return null;
      return audio.localPath(recordingId);
    });
  };

  const live = createLiveCalls({
    machine: async (machineId) => {
      const { rows } = await store.pool.query('SELECT name, plant_id FROM machines WHERE id = $1', [
        machineId,
      ]);
      if (rows.length === 0) return undefined;
      return { name: String(rows[0].name), plantId: (rows[0].plant_id ?? null) as string | null };
    },
    iceServers: (user) => iceServersFor(options.iceServers ?? [], user.id, clock.now()),
  });

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error('auscult hub: request failed:', error);
      if (!response.headersSent) sendError(response, 'internal', 'The hub hit an internal error.');
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Bytes a client sent right after its handshake belong to the WebSocket stream.
    if (head.length > 0) socket.unshift(head);
    // A reset while the session is looked up must not become an uncaught 'error'.
    socket.on('error', () => socket.destroy());
    handleLiveUpgrade(live, signedIn, request, socket).catch((error: unknown) => {
      console.error('auscult hub: live connection failed:', error);
      socket.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  let address: AddressInfo;
  try {
    address = await listen(server, host, options.port ?? DEFAULT_HUB_PORT);
  } catch (error) {
    await service.close();
    await store.close();
    throw error;
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}/`,
    async close() {
      live.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(deadline);
      await service.close();
      await store.close();
    },
  };
}
