/**
 * The `/hub/live` WebSocket upgrade: a signed-in person (the session cookie of the hub's own
 * pages, or a device's bearer token) joins the live calls; anyone else is refused before the
 * handshake completes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { MAX_LIVE_MESSAGE_BYTES } from '../../../shared/live/protocol.ts';
import type { HubUser } from '../people.ts';
import type { LiveCalls } from './calls.ts';
import { refuseUpgrade } from '../../web/responses.ts';
import { acceptWebSocket } from './webSocket.ts';

export const LIVE_PATH = '/hub/live';

export async function handleLiveUpgrade(
  calls: LiveCalls,
  signedIn: (request: IncomingMessage) => Promise<HubUser | null>,
  request: IncomingMessage,
  socket: Duplex,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://host.invalid');
  if (url.pathname !== LIVE_PATH) return refuseUpgrade(socket, 404, 'Not Found');
  // signedIn applies the Origin / Sec-Fetch-Site check to cookies: another site's page may not
  // open a call with a visitor's session.
  const user = await signedIn(request);
  if (user === null) return refuseUpgrade(socket, 401, 'Unauthorized');
  const accepted = acceptWebSocket(request, socket, MAX_LIVE_MESSAGE_BYTES);
  if (accepted) calls.connect(user, accepted);
}
