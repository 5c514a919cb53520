/**
 * The admin's routes under /hub/admin/ (JSON): users, plants, device tokens and the audit log
 * (admin.ts). Checked on the server: a session or device token of an admin, else 401 or 403.
 * Reads are GET, changes POST with a JSON body whose fields are checked before anything is done.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import { ID_PATTERN } from '../../shared/api/limits.ts';
import { readBody } from '../web/body.ts';
import { sendError, sendJson } from '../web/responses.ts';
import {
  addPlant,
  listDevices,
  listPlants,
  listUsers,
  readAuditLog,
  renamePlant,
  requirePlants,
  revokeDevice,
  setDisabled,
  setUserPlants,
} from './admin.ts';
import type { Actor } from './admin.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';
import { addUser, PeopleError, ROLES } from './people.ts';
import type { HubUser } from './people.ts';
import { clientAddress, credentials } from './requests.ts';
import { sessionUser } from './sessions.ts';
import type { HubRouteContext } from './routeContext.ts';

export const ADMIN_PATH_PREFIX = '/hub/admin/';
const MAX_ADMIN_BODY_BYTES = 16 * 1024;
const MAX_AUDIT_PAGE = 200;

const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be an id'));
const ids = v.pipe(v.array(id), v.maxLength(1000));
const text = v.pipe(v.string(), v.maxLength(200));

const BODIES = {
  'POST /hub/admin/users': v.strictObject({
    name: text,
    role: v.picklist(ROLES),
    password: v.pipe(v.string(), v.maxLength(MAX_PASSWORD_LENGTH)),
    plantIds: ids,
  }),
  'POST /hub/admin/users/disabled': v.strictObject({ userId: id, disabled: v.boolean() }),
  'POST /hub/admin/users/plants': v.strictObject({ userId: id, plantIds: ids }),
  'POST /hub/admin/plants': v.strictObject({ name: text }),
  'POST /hub/admin/plants/rename': v.strictObject({ plantId: id, name: text }),
  'POST /hub/admin/devices/revoke': v.strictObject({
    userId: id,
    deviceId: v.nullable(v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/, 'must be a device id'))),
  }),
} as const;

type PostRoute = keyof typeof BODIES;
type Body<R extends PostRoute> = v.InferOutput<(typeof BODIES)[R]>;

/** The changes, each given its checked body, the context and the acting admin. */
const CHANGES: {
  [R in PostRoute]: (c: HubRouteContext, a: Actor, b: Body<R>) => Promise<unknown>;
} = {
  'POST /hub/admin/users': async (c, actor, body) => {
    await requirePlants(c.sql, body.plantIds);
    const user = await addUser(c.sql, c.clock, { ...body, plants: body.plantIds }, actor);
    return { ...user, plantIds: [...user.plantIds].sort() };
  },
  'POST /hub/admin/users/disabled': (c, actor, body) =>
    setDisabled(c.sql, c.clock, actor, body.userId, body.disabled),
  'POST /hub/admin/users/plants': (c, actor, body) =>
    setUserPlants(c.sql, c.clock, actor, body.userId, body.plantIds),
  'POST /hub/admin/plants': (c, actor, body) => addPlant(c.sql, c.clock, actor, body.name),
  'POST /hub/admin/plants/rename': (c, actor, body) =>
    renamePlant(c.sql, c.clock, actor, body.plantId, body.name),
  'POST /hub/admin/devices/revoke': async (c, actor, body) => ({
    revoked: await revokeDevice(c.sql, c.clock, actor, body.userId, body.deviceId),
  }),
};

async function read(context: HubRouteContext, route: string, url: URL): Promise<unknown> {
  const { sql } = context;
  if (route === 'GET /hub/admin/users') return listUsers(sql);
  if (route === 'GET /hub/admin/plants') return listPlants(sql);
  if (route === 'GET /hub/admin/devices') {
    const userId = url.searchParams.get('userId') ?? '';
    if (!ID_PATTERN.test(userId)) throw new PeopleError('userId must be an id');
    return listDevices(sql, userId);
  }
  if (route === 'GET /hub/admin/audit') {
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const before = url.searchParams.get('before');
    const beforeSeq = before === null ? null : Number(before);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
      throw new PeopleError(`limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}`);
    }
    if (beforeSeq !== null && !Number.isSafeInteger(beforeSeq)) {
      throw new PeopleError('before must be a whole number');
    }
    return readAuditLog(sql, limit, beforeSeq);
  }
  return undefined;
}

async function change(
  context: HubRouteContext,
  route: PostRoute,
  request: IncomingMessage,
  actor: Actor,
): Promise<unknown> {
  const bytes = await readBody(request, MAX_ADMIN_BODY_BYTES);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new PeopleError('the body must be JSON');
  }
  const checked = v.safeParse(BODIES[route], parsed);
  if (!checked.success) {
    const [issue] = checked.issues;
    throw new PeopleError(`${v.getDotPath(issue) ?? 'the body'}: ${issue.message}`);
  }
  const perform = CHANGES[route] as (c: HubRouteContext, a: Actor, b: unknown) => Promise<unknown>;
  return perform(context, actor, checked.output);
}

async function signedInAdmin(
  context: HubRouteContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<HubUser | null> {
  const presented = credentials(request);
  const user = presented ? await sessionUser(context.sql, context.clock, presented.token) : null;
  if (user === null) {
    sendError(response, 'unauthorized', 'Sign in to the hub first.', 401, {
      reason: 'sign-in-required',
    });
    return null;
  }
  if (user.role !== 'admin') {
    sendError(response, 'forbidden', `A ${user.role} may not manage the hub.`);
    return null;
  }
  return user;
}

export async function handleAdminRoute(
  context: HubRouteContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  const route = `${request.method} ${url.pathname}`;
  const admin = await signedInAdmin(context, request, response);
  if (admin === null) {
    request.resume();
    return;
  }
  try {
    if (route in BODIES) {
      const actor = { userId: admin.id, address: clientAddress(request) };
      const result = await change(context, route as PostRoute, request, actor);
      return sendJson(response, 200, { result: result ?? null });
    }
    request.resume();
    const result = await read(context, route, url);
    if (result === undefined) {
      return sendError(response, 'not-found', `There is nothing at ${url.pathname}.`);
    }
    return sendJson(response, 200, { result });
  } catch (error) {
    if (!(error instanceof PeopleError)) throw error;
    return sendError(response, 'invalid-argument', error.message);
  }
}
