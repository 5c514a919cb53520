/**
 * The sync routes under /hub/sync/ (shared/sync/protocol.ts, docs/sync.md). They sign in with a
 * desktop's device token only (`Authorization: Bearer`): a browser's cookie is refused, so no
 * page, ours or another site's, can push or pull in a signed-in person's name. Technicians and
 * admins may upload and push; every signed-in device may pull.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import { ApiError, errorBody } from '../../../shared/api/errors.ts';
import type { ApiErrorCode } from '../../../shared/api/errors.ts';
import type { AudioUploadState } from '../../../shared/sync/protocol.ts';
import type { Clock } from '../../store/types.ts';
import { BodyTooLargeError, ClientGoneError, readBody } from '../../web/body.ts';
import { sendError, sendJson } from '../../web/responses.ts';
import type { Role } from '../people.ts';
import { credentials } from '../requests.ts';
import { seesPlant } from '../scope.ts';
import { sessionOf } from '../sessions.ts';
import type { HubSession } from '../sessions.ts';
import { changesQuery, changesSince } from './changes.ts';
import { checkPushRequest, MAX_PUSH_BODY_BYTES, push } from './push.ts';
import { plantOfRow } from './rowAccess.ts';
import { chunkHeaders, SYNC_AUDIO_PREFIX, uploadTarget } from './uploadRequest.ts';
import { putChunk, uploadState } from './uploads.ts';

export const SYNC_PATH_PREFIX = '/hub/sync/';

/** Who may send rows and audio up; everyone signed in may pull. */
const PUSHERS: readonly Role[] = ['technician', 'admin'];

export interface SyncContext {
  readonly pool: pg.Pool;
  readonly clock: Clock;
}

const CODE_BY_STATUS: Readonly<Record<number, ApiErrorCode>> = {
  400: 'invalid-argument',
  404: 'not-found',
  409: 'conflict',
  413: 'invalid-argument',
  422: 'invalid-input',
};

/** An error envelope that also carries an upload's state, so the desktop knows where to resume. */
function sendRefusal(
  response: ServerResponse,
  status: number,
  message: string,
  state?: AudioUploadState,
) {
  const error = errorBody(new ApiError(CODE_BY_STATUS[status] ?? 'internal', message));
  sendJson(response, status, state ? { error, state } : { error });
}

async function device(context: SyncContext, request: IncomingMessage): Promise<HubSession | null> {
  const presented = credentials(request);
  if (presented?.via !== 'bearer') return null;
  const session = await sessionOf(context.pool, context.clock, presented.token);
  return session?.kind === 'device' ? session : null;
}

async function audioRoute(
  context: SyncContext,
  session: HubSession,
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
) {
  const target = uploadTarget(pathname);
  if (!target.ok) return sendRefusal(response, target.status, target.problem);
  const { recordingId, part } = target.value;
  // A recording of another plant is not there for this device, as on the API.
  const plant = await plantOfRow(context.pool, 'recordings', recordingId);
  if (plant !== undefined && !seesPlant(session.user, plant)) {
    return sendRefusal(response, 404, 'There is no such recording in your plants.');
  }
  if (request.method === 'GET') {
    return sendJson(
      response,
      200,
      await uploadState(context.pool, recordingId, part, context.clock.now()),
    );
  }
  const headers = chunkHeaders(request, part);
  if (!headers.ok) return sendRefusal(response, headers.status, headers.problem);
  const { startByte, endByte, totalBytes, sha256 } = headers.value;
  const bytes = await readBody(request, endByte - startByte + 1);
  if (bytes.length !== endByte - startByte + 1) {
    return sendRefusal(response, 400, 'The body is shorter than its Content-Range.');
  }
  const chunk = { startByte, totalBytes, sha256, bytes };
  const answer = await putChunk(context.pool, recordingId, part, chunk, context.clock.now());
  if (answer.status === 200) return sendJson(response, 200, answer.state);
  return sendRefusal(response, answer.status, answer.message ?? '', answer.state);
}

async function pushRoute(
  context: SyncContext,
  session: HubSession,
  request: IncomingMessage,
  response: ServerResponse,
) {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(await readBody(request, MAX_PUSH_BODY_BYTES)).toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw error;
    return sendRefusal(response, 400, 'The body must be a JSON PushRequest.');
  }
  const checked = checkPushRequest(body);
  if (!checked.ok) return sendRefusal(response, checked.status, checked.problem);
  return sendJson(response, 200, await push(context.pool, context.clock, session, checked));
}

async function route(
  context: SyncContext,
  session: HubSession,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) {
  const { pathname } = url;
  const pushes = pathname.startsWith(SYNC_AUDIO_PREFIX) || pathname === '/hub/sync/push';
  if (pushes && !PUSHERS.includes(session.user.role)) {
    request.resume();
    return sendError(response, 'forbidden', `A ${session.user.role} may not send to the hub.`);
  }
  const method = request.method ?? '';
  if (pathname.startsWith(SYNC_AUDIO_PREFIX) && (method === 'GET' || method === 'PUT')) {
    return audioRoute(context, session, request, response, pathname);
  }
  if (pathname === '/hub/sync/push' && method === 'POST') {
    return pushRoute(context, session, request, response);
  }
  request.resume();
  if (pathname === '/hub/sync/changes' && method === 'GET') {
    const query = changesQuery(url.searchParams);
    if (!query.ok) return sendRefusal(response, query.status, query.problem);
    return sendJson(response, 200, await changesSince(context.pool, session, query.value));
  }
  return sendError(response, 'not-found', `There is nothing at ${method} ${pathname}.`);
}

export async function handleSyncRoute(
  context: SyncContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const session = await device(context, request);
  if (session === null) {
    request.resume();
    return sendError(response, 'unauthorized', 'Sync signs in with a device token.', 401, {
      reason: 'sign-in-required',
    });
  }
  try {
    return await route(context, session, request, response, url);
  } catch (error) {
    // A desktop cut off mid-chunk is no failure of the hub: nothing of the chunk was kept, and
    // it asks where to resume when it is back.
    if (error instanceof ClientGoneError) return void response.destroy();
    if (!(error instanceof BodyTooLargeError)) throw error;
    request.resume();
    return sendRefusal(response, 413, error.message);
  }
}
