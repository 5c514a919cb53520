/**
 * The hub's own routes under /hub/: the sign-in page and form, sign-in for desktop apps (JSON,
 * answering a device token), sign-out, who is signed in, and the admin's routes (adminRoutes.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../web/body.ts';
import { ADMIN_PATH_PREFIX, handleAdminRoute } from './adminRoutes.ts';
import { sendError, sendJson } from '../web/responses.ts';
import type { HubRouteContext } from './routeContext.ts';
import { clearedSessionCookie, clientAddress, credentials, sessionCookie } from './requests.ts';
import { endSession, sessionOf } from './sessions.ts';
import { signIn } from './signIn.ts';
import { pageLanguage, SIGN_IN_CSS, signInPage } from './signInPage.ts';

export const HUB_PATH_PREFIX = '/hub/';
const SIGN_IN_CSP =
  "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const MAX_SIGN_IN_BYTES = 4096;

export type { HubRouteContext } from './routeContext.ts';

function sendText(response: ServerResponse, status: number, type: string, text: string) {
  const bytes = Buffer.from(text, 'utf8');
  response.writeHead(status, {
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  });
  response.end(bytes);
}

function redirect(response: ServerResponse, location: string, cookie?: string) {
  if (cookie) response.setHeader('Set-Cookie', cookie);
  response.writeHead(303, { Location: location, 'Content-Length': 0 });
  response.end();
}

/** The name, password and device name of a form or JSON body; null when unreadable. */
function signInFields(body: string, json: boolean) {
  try {
    const fields = json
      ? (JSON.parse(body) as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(body));
    const { name, password, deviceName, plantId } = fields;
    if (typeof name !== 'string' || typeof password !== 'string') return null;
    return {
      name,
      password,
      deviceName: typeof deviceName === 'string' ? deviceName : undefined,
      plantId: typeof plantId === 'string' ? plantId : undefined,
    };
  } catch {
    return null;
  }
}

async function postSignIn(
  context: HubRouteContext,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const json = (request.headers['content-type'] ?? '').startsWith('application/json');
  const body = Buffer.from(await readBody(request, MAX_SIGN_IN_BYTES)).toString('utf8');
  const fields = signInFields(body, json);
  if (fields === null) {
    return sendError(response, 'invalid-argument', 'Give a name and a password.');
  }
  // A desktop app asks for a device token by naming the device; a browser gets a cookie.
  const kind = json && fields.deviceName !== undefined ? 'device' : 'browser';
  const result = await signIn(context.sql, context.clock, context.limiter, {
    name: fields.name,
    password: fields.password,
    address: clientAddress(request),
    kind,
    deviceName: fields.deviceName?.slice(0, 100),
    plantId: fields.plantId,
  });
  if (!result.ok) {
    if (!json)
      return redirect(
        response,
        `/hub/sign-in?notice=${result.reason === 'invalid' ? 'invalid' : 'limited'}`,
      );
    if (result.reason === 'not-your-plant') {
      return sendError(response, 'forbidden', 'The plant is not one of yours.');
    }
    if (result.reason === 'invalid') {
      return sendError(response, 'unauthorized', 'The name or the password is wrong.', 401, {
        reason: 'sign-in-failed',
      });
    }
    response.setHeader('Retry-After', String(result.retryAfterSeconds));
    return sendError(response, 'rate-limited', 'Too many sign-in attempts.', 429, {
      params: { retryAfterSeconds: result.retryAfterSeconds },
    });
  }
  const { user, token } = result;
  const who = { name: user.name, role: user.role, plantIds: user.plantIds };
  if (kind === 'device') {
    return sendJson(response, 200, { user: who, token, plantId: result.plantId });
  }
  const cookie = sessionCookie(token, context.secureCookies);
  if (!json) return redirect(response, '/', cookie);
  response.setHeader('Set-Cookie', cookie);
  return sendJson(response, 200, { user: who });
}

export async function handleHubRoute(
  context: HubRouteContext,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname.startsWith(ADMIN_PATH_PREFIX)) {
    return handleAdminRoute(context, request, response, url);
  }
  const route = `${request.method} ${url.pathname}`;
  if (route === 'GET /hub/sign-in') {
    // The page's policy forbids forms; this one page posts its own, to itself only.
    response.setHeader('Content-Security-Policy', SIGN_IN_CSP);
    const language = pageLanguage(request.headers['accept-language']);
    return sendText(
      response,
      200,
      'text/html',
      signInPage(language, url.searchParams.get('notice')),
    );
  }
  if (route === 'GET /hub/sign-in.css') return sendText(response, 200, 'text/css', SIGN_IN_CSS);
  if (route === 'POST /hub/sign-in') return postSignIn(context, request, response);
  if (route === 'POST /hub/sign-out') {
    request.resume();
    const presented = credentials(request);
    if (presented) await endSession(context.sql, context.clock, presented.token);
    return redirect(response, '/hub/sign-in', clearedSessionCookie(context.secureCookies));
  }
  if (route === 'GET /hub/me') {
    const presented = credentials(request);
    const session = presented ? await sessionOf(context.sql, context.clock, presented.token) : null;
    if (!session) {
      return sendError(response, 'unauthorized', 'Sign in to the hub first.', 401, {
        reason: 'sign-in-required',
      });
    }
    const { user } = session;
    return sendJson(response, 200, {
      name: user.name,
      role: user.role,
      plantIds: user.plantIds,
      // A desktop's device token syncs into one plant (null for a browser or a plantless admin).
      plantId: session.plantId,
      // The page is served by the hub itself (a linked desktop answers 'desktop-link').
      via: 'hub',
    });
  }
  request.resume();
  return sendError(response, 'not-found', `There is nothing at ${url.pathname}.`);
}
