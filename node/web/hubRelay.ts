/**
 * Live listening from a desktop linked to a hub (docs/live.md, "From a linked desktop"): the web
 * host answers `/hub/me` with the linked person, as the hub knows them, and relays the page's
 * `/hub/live` WebSocket to the hub, signed in with the device token. The token stays here: the
 * page talks to its own origin only, and the hub sees a device, as it does for sync.
 */
import { request as httpRequest } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import { hubBase } from '../sync/hubClient.ts';
import type { HubLinkRow } from '../sync/linkState.ts';
import { refuseUpgrade as refuse } from './responses.ts';

/** What a desktop's `/hub/me` says: the hub's own answer, marked as coming through the link. */
export interface LinkedHubMe {
  readonly name: string;
  readonly role: string;
  readonly plantIds: readonly string[];
  readonly via: 'desktop-link';
}

export type HubLinkLookup = () => Promise<Pick<HubLinkRow, 'hubUrl' | 'deviceToken'> | null>;

/** How long the hub may take to answer `/hub/me` or the upgrade before it counts as away. */
export const HUB_RELAY_TIMEOUT_MS = 10_000;

/**
 * The linked person as the hub has them now (role and plants may have changed since linking,
 * and a revoked device is nobody): null when not linked, refused, or the hub is away.
 */
export async function linkedHubMe(link: HubLinkLookup): Promise<LinkedHubMe | null> {
  const linked = await link();
  if (linked === null) return null;
  try {
    const response = await fetch(`${hubBase(linked.hubUrl)}/hub/me`, {
      headers: { Authorization: `Bearer ${linked.deviceToken}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(HUB_RELAY_TIMEOUT_MS),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return null;
    }
    const me = (await response.json()) as Partial<LinkedHubMe> | null;
    if (typeof me?.name !== 'string' || typeof me.role !== 'string') return null;
    const plantIds = Array.isArray(me.plantIds) ? me.plantIds.map(String) : [];
    return { name: me.name, role: me.role, plantIds, via: 'desktop-link' };
  } catch {
    return null;
  }
}

/** The WebSocket handshake headers passed on; cookies, Origin and the local token are not. */
const PASSED_HEADERS = ['sec-websocket-key', 'sec-websocket-version', 'sec-websocket-protocol'];

/** The hub's 101 answer, as it sent it, for the page's side. */
function switchingHead(answer: IncomingMessage): string {
  const lines = [`HTTP/1.1 101 ${answer.statusMessage || 'Switching Protocols'}`];
  for (let i = 0; i < answer.rawHeaders.length; i += 2) {
    lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Pipes two sockets both ways; either ending or failing ends the other. */
function splice(page: Duplex, hub: Duplex): void {
  const endBoth = () => {
    page.destroy();
    hub.destroy();
  };
  page.on('error', endBoth).on('close', endBoth);
  hub.on('error', endBoth).on('close', endBoth);
  page.pipe(hub);
  hub.pipe(page);
}

/**
 * Relays the page's upgrade `request` (already checked as same-origin by the caller) to
 * `<hub>/hub/live` with the device token. A hub that refuses gets its status passed on to the
 * page; one that cannot be reached is a 502; no link is a 404 (there is no hub to talk to).
 */
export async function relayLiveUpgrade(
  link: HubLinkLookup,
  request: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  const linked = await link();
  if (linked === null) return refuse(socket, 404, 'Not Found');
  const target = new URL(`${hubBase(linked.hubUrl)}/hub/live`);
  const headers: Record<string, string> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    Authorization: `Bearer ${linked.deviceToken}`,
  };
  for (const name of PASSED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing: ClientRequest = send(target, {
    method: 'GET',
    headers,
    timeout: HUB_RELAY_TIMEOUT_MS,
  });
  outgoing.on('upgrade', (answer: IncomingMessage, hubSocket: Duplex, hubHead: Buffer) => {
    outgoing.setTimeout(0);
    if (socket.destroyed) return hubSocket.destroy();
    socket.write(switchingHead(answer));
    if (hubHead.length > 0) socket.write(hubHead);
    if (head.length > 0) hubSocket.write(head);
    splice(socket, hubSocket);
  });
  outgoing.on('response', (answer: IncomingMessage) => {
    answer.resume();
    refuse(socket, answer.statusCode ?? 502, answer.statusMessage || 'Refused');
  });
  outgoing.on('timeout', () => outgoing.destroy(new Error('the hub did not answer in time')));
  outgoing.on('error', () => {
    if (!socket.destroyed && socket.writable) refuse(socket, 502, 'Bad Gateway');
  });
  // The page left before the hub answered: nothing to relay.
  socket.once('close', () => outgoing.destroy());
  outgoing.end();
}
