/**
 * The web host (docs/architecture.md, "The parts"): the built page and the API over HTTP on
 * 127.0.0.1, for a browser on this machine, a remote expert (with `--host` and a token) and the
 * end-to-end tests. Protocol and security model: docs/hosts.md.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { API_PATH_PREFIX, TOKEN_QUERY_PARAMETER } from '../../shared/api/httpProtocol.ts';
import {
  crossSiteReason,
  foreignHostReason,
  generateToken,
  isLoopbackHost,
  presentedToken,
  tokenCookie,
  tokensMatch,
} from './access.ts';
import { MEDIA_PATH_PREFIX } from '../api/mediaUrls.ts';
import { handleApiRequest } from './apiRoute.ts';
import { createBodyGate, DEFAULT_MAX_LARGE_BODIES } from './bodyGate.ts';
import type { BodyGate, BodyGateState } from './bodyGate.ts';
import type { ApiCall } from './apiRoute.ts';
import { openApiBackend } from './apiBackend.ts';
import { handleBundleRequest, isBundlePath } from './bundleRoute.ts';
import type { BundleFileLookup } from './bundleRoute.ts';
import { linkedHubMe, relayLiveUpgrade } from './hubRelay.ts';
import type { HubLinkLookup } from './hubRelay.ts';
import { handleMediaRequest } from './mediaRoute.ts';
import type { RecordingFileLookup } from './mediaRoute.ts';
import { refuseUpgrade, sendError, sendJson, setSecurityHeaders } from './responses.ts';
import { handleStaticRequest } from './staticRoute.ts';

/** The port when `PORT` is not set: above the common development servers' 3000/5173/8080. */
export const DEFAULT_PORT = 8917;
export const DEFAULT_HOST = '127.0.0.1';
/** How long `close()` lets requests in flight finish before cutting their connections. */
export const CLOSE_GRACE_MS = 2000;
/** `dist/renderer` of this checkout: where `npm run build:renderer` writes the page. */
export const DEFAULT_RENDERER_DIR = join(import.meta.dirname, '..', '..', 'dist', 'renderer');

export interface WebHostOptions {
  /** The library folder; default `AUSCULT_HOME`, else the OS's per-user data folder. */
  readonly home?: string;
  /** Address to bind; default 127.0.0.1. Any non-loopback address requires a token. */
  readonly host?: string;
  /** Port; 0 picks a free one. Default DEFAULT_PORT. */
  readonly port?: number;
  /** Access token to require; generated when `host` is not loopback and none is given. */
  readonly token?: string;
  /** The built page's folder; default DEFAULT_RENDERER_DIR. */
  readonly rendererDir?: string;
  /** Create the demo machine in a library that never had one; default true. */
  readonly demo?: boolean;
  /** Large (binary) request bodies read at once; the rest wait. Default DEFAULT_MAX_LARGE_BODIES. */
  readonly maxLargeBodies?: number;
}

export interface WebHost {
  /** The URL to open, with `?token=` when a token is required. */
  readonly url: string;
  readonly token: string | null;
  /** Large bodies being read or processed now, and requests waiting for their turn. */
  largeBodies(): BodyGateState;
  /** Stops accepting requests, ends open connections and closes the library. */
  close(): Promise<void>;
}

interface HostContext {
  readonly call: ApiCall;
  readonly recordingFile: RecordingFileLookup;
  readonly bundleFile: BundleFileLookup;
  readonly hubLink: HubLinkLookup;
  /** Relayed live sockets: upgraded connections that the server's own close does not end. */
  readonly upgraded: Set<Duplex>;
  readonly rendererDir: string;
  readonly token: string | null;
  readonly allowedHosts: ReadonlySet<string>;
  readonly largeBodies: BodyGate;
}

/** The token check: header or cookie; on a page load also `?token=`, which sets the cookie. */
function authorize(request: IncomingMessage, response: ServerResponse, url: URL, token: string) {
  const fromQuery = url.searchParams.get(TOKEN_QUERY_PARAMETER);
  if (fromQuery !== null && request.method === 'GET' && tokensMatch(token, fromQuery)) {
    response.setHeader('Set-Cookie', tokenCookie(token));
    return true;
  }
  const presented = presentedToken(request);
  return presented !== null && tokensMatch(token, presented);
}

async function route(context: HostContext, request: IncomingMessage, response: ServerResponse) {
  setSecurityHeaders(response);
  const url = new URL(request.url ?? '/', 'http://host.invalid');
  // With a token the Host header cannot be known in advance (any name of the machine) and is not
  // needed: a rebinding page does not have the token.
  const foreign = context.token === null ? foreignHostReason(request, context.allowedHosts) : null;
  if (foreign !== null) return sendError(response, 'unauthorized', foreign, 403);
  if (context.token !== null && !authorize(request, response, url, context.token)) {
    return sendError(response, 'unauthorized', 'This Auscult host needs its access token.');
  }
  if (url.pathname.startsWith(API_PATH_PREFIX)) {
    const crossSite = crossSiteReason(request);
    if (crossSite !== null) return sendError(response, 'unauthorized', crossSite, 403);
    return handleApiRequest(request, response, url.pathname, context.call, context.largeBodies);
  }
  if (url.pathname.startsWith(MEDIA_PATH_PREFIX)) {
    // A media element's request is same-origin too; another site may not embed recordings.
    const crossSite = crossSiteReason(request);
    if (crossSite !== null) return sendError(response, 'unauthorized', crossSite, 403);
    if (isBundlePath(url.pathname)) {
      return handleBundleRequest(request, response, url.pathname, context.bundleFile);
    }
    return handleMediaRequest(request, response, url.pathname, context.recordingFile);
  }
  if (request.method === 'GET' && url.pathname === '/hub/me') {
    // The page asks who is signed in to a hub: the linked person (never the device token), else
    // nobody (null, as a 404 would be a console error). Same-origin only, like the API.
    const crossSite = crossSiteReason(request);
    if (crossSite !== null) return sendError(response, 'unauthorized', crossSite, 403);
    return sendJson(response, 200, await linkedHubMe(context.hubLink));
  }
  return handleStaticRequest(request, response, url.pathname, context.rendererDir);
}

/** The status that refuses a WebSocket upgrade by the host's own rules, or null to relay it. */
function upgradeRefusal(context: HostContext, request: IncomingMessage): number | null {
  const url = new URL(request.url ?? '/', 'http://host.invalid');
  if (url.pathname !== '/hub/live') return 404;
  if (context.token === null && foreignHostReason(request, context.allowedHosts) !== null) {
    return 403;
  }
  if (context.token !== null) {
    const presented = presentedToken(request);
    if (presented === null || !tokensMatch(context.token, presented)) return 401;
  }
  // A browser always sends Origin with a WebSocket handshake: another site's page is refused.
  return crossSiteReason(request) === null ? null : 403;
}

function onUpgrade(context: HostContext, request: IncomingMessage, socket: Duplex, head: Buffer) {
  socket.on('error', () => socket.destroy());
  context.upgraded.add(socket);
  socket.once('close', () => context.upgraded.delete(socket));
  const refusal = upgradeRefusal(context, request);
  if (refusal !== null) {
    return refuseUpgrade(socket, refusal, 'Refused');
  }
  relayLiveUpgrade(context.hubLink, request, socket, head).catch((error: unknown) => {
    console.error('auscult: live relay failed:', error);
    socket.destroy();
  });
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Starts the web host: opens the library (node/library's openLibrary), binds `host:port` and
 * answers page and API requests. Resolves once listening. Rejects when the library cannot be
 * opened or the port is taken (EADDRINUSE).
 */
export async function startWebHost(options: WebHostOptions = {}): Promise<WebHost> {
  const host = options.host ?? DEFAULT_HOST;
  const loopback = isLoopbackHost(host);
  const token = options.token ?? (loopback ? null : generateToken());
  const backend = await openApiBackend(options.home, { demo: options.demo });
  const server = createServer();
  let address: AddressInfo;
  try {
    address = await listen(server, host, options.port ?? DEFAULT_PORT);
  } catch (error) {
    await backend.close();
    throw error;
  }
  const authority = `${hostForUrl(host)}:${address.port}`;
  const context: HostContext = {
    call: backend.call,
    recordingFile: backend.recordingFile,
    bundleFile: backend.bundleFile,
    hubLink: backend.hubLink,
    upgraded: new Set(),
    rendererDir: options.rendererDir ?? DEFAULT_RENDERER_DIR,
    token,
    // Consulted only without a token, that is on loopback, where `localhost` names us too.
    allowedHosts: new Set([authority.toLowerCase(), `localhost:${address.port}`]),
    largeBodies: createBodyGate(options.maxLargeBodies ?? DEFAULT_MAX_LARGE_BODIES),
  };
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    route(context, request, response).catch((error: unknown) => {
      if (response.destroyed) {
        // The client left (a closed tab, a cancelled download): one line, not a stack.
        const { pathname } = new URL(request.url ?? '/', 'http://host.invalid');
        console.error(`auscult: ${request.method} ${pathname}: the client closed the connection`);
        return;
      }
      console.error('auscult: request failed:', error);
      if (!response.headersSent) sendError(response, 'internal', 'Auscult hit an internal error.');
      else response.destroy();
    });
  });
  // Live listening from this desktop goes to its hub (node/web/hubRelay.ts).
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    onUpgrade(context, request, socket, head),
  );
  const query = token === null ? '' : `?${TOKEN_QUERY_PARAMETER}=${token}`;
  return {
    url: `http://${authority}/${query}`,
    token,
    largeBodies: () => context.largeBodies.state(),
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections go at once; calls in flight get a moment to finish.
      server.closeIdleConnections();
      context.upgraded.forEach((socket) => socket.destroy());
      const deadline = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(deadline);
      await backend.close();
    },
  };
}
