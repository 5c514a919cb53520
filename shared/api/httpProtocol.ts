/**
 * The wire protocol between the page and its two hosts (docs/hosts.md is the prose version).
 * Both sides import these definitions, so a path, a header name or a limit is spelled once.
 *
 * - Web host: `POST /api/<domain>/<verb>` with `{ "args": [...] }`; the answer is an envelope
 *   `{ "result": ... }` or `{ "error": { "code", "message" } }`. A binary argument travels as the
 *   `application/octet-stream` body with the other arguments in the `X-Auscult-Args` header; a
 *   binary result comes back as the octet-stream body.
 * - Desktop host: the preload exposes `window.auscult.<domain>.<verb>(...args)`, each resolving to
 *   the same envelope (an Error crossing Electron's contextBridge loses its code, an envelope
 *   does not). `apiFromDesktopBridge` turns it into an `AuscultApi`.
 */
import { API_METHODS, apiFromCall } from './methods.ts';
import type { AuscultApi } from './contract.ts';
import type { ApiMethod } from './methods.ts';
import { ApiError, errorBody, errorFromBody } from './errors.ts';
import type { ApiErrorCode, ErrorBody } from './errors.ts';

/** Every API path starts with this; the rest is `<domain>/<verb>`. */
export const API_PATH_PREFIX = '/api/';

export const JSON_CONTENT_TYPE = 'application/json';
export const BINARY_CONTENT_TYPE = 'application/octet-stream';

/** For a binary-argument method: the arguments before the binary one, see `encodeArgsHeader`. */
export const ARGS_HEADER = 'X-Auscult-Args';
/** The access token, when the host requires one (any bind other than loopback). */
export const TOKEN_HEADER = 'X-Auscult-Token';
/** `?token=` on the printed URL: opening it sets `TOKEN_COOKIE` and redirects without it. */
export const TOKEN_QUERY_PARAMETER = 'token';
/** HttpOnly, SameSite=Strict cookie holding the token, sent with every later request. */
export const TOKEN_COOKIE = 'auscult_token';

/** The HTTP status the web host answers with for each error code. */
export const HTTP_STATUS_BY_ERROR_CODE: Readonly<Record<ApiErrorCode, number>> = {
  'invalid-argument': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-input': 422,
  // 507 Insufficient Storage (RFC 4918): the request was fine, the disk is not.
  'disk-full': 507,
  'rate-limited': 429,
  internal: 500,
};

/**
 * The page's Content-Security-Policy, sent as a header by both hosts. `style-src` needs no
 * 'unsafe-inline' because the built page has no inline style (React sets styles through the
 * CSSOM); blob: is there for audio playback and canvases made from recordings, and workers.
 * `frame-ancestors` only works as a header: no site may frame the page.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `machines.list` → `/api/machines/list`. */
export function apiPath(method: ApiMethod): string {
  return API_PATH_PREFIX + method.replace('.', '/');
}

const METHOD_BY_PATH: ReadonlyMap<string, ApiMethod> = new Map(
  API_METHODS.map((method) => [apiPath(method), method]),
);

/** The method a request path names, or null for any other path (no prefix matching). */
export function methodFromApiPath(pathname: string): ApiMethod | null {
  return METHOD_BY_PATH.get(pathname) ?? null;
}

/**
 * Value of `ARGS_HEADER`: the JSON array of arguments, percent-encoded so that any text (a
 * Chinese file name) fits in a header, which only carries ASCII safely.
 */
export function encodeArgsHeader(args: readonly unknown[]): string {
  return encodeURIComponent(JSON.stringify(args));
}

/** Inverse of `encodeArgsHeader`. Throws TypeError when the value is not an encoded JSON array. */
export function decodeArgsHeader(value: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeURIComponent(value));
  } catch {
    throw new TypeError(`The ${ARGS_HEADER} header is not a percent-encoded JSON array.`);
  }
  if (!Array.isArray(parsed)) {
    throw new TypeError(`The ${ARGS_HEADER} header is not a percent-encoded JSON array.`);
  }
  return parsed;
}

/** What either host answers a call with. */
export type ApiEnvelope = { readonly result: unknown } | { readonly error: ErrorBody };

/**
 * The envelope for a failure. An ApiError keeps its code and sentence; anything else is a bug
 * on the host, reported as `internal` without its message (which could leak paths or stacks).
 */
export function errorEnvelope(error: unknown): ApiEnvelope {
  if (error instanceof ApiError) return { error: errorBody(error) };
  return {
    error: errorBody(new ApiError('internal', 'Auscult hit an internal error; see its log.')),
  };
}

/** The result inside an envelope, or the ApiError it carries. Throws ApiError for a malformed one. */
export function resultFromEnvelope(envelope: unknown): unknown {
  if (typeof envelope === 'object' && envelope !== null) {
    if ('error' in envelope) {
      const error = (envelope as { error: unknown }).error;
      if (typeof error === 'object' && error !== null) throw errorFromBody(error);
    } else if ('result' in envelope) {
      return (envelope as { result: unknown }).result;
    }
  }
  throw new ApiError('internal', 'The host sent an answer Auscult does not understand.', {
    reason: 'bad-answer',
  });
}

/** The name of the preload's global: `window.auscult`. */
export const DESKTOP_BRIDGE_GLOBAL = 'auscult';

/** IPC channel of a method: `machines.list` → `machines:list`. */
export function ipcChannel(method: ApiMethod): string {
  return method.replace('.', ':');
}

type EnvelopeFunctions<Domain> = {
  readonly [Verb in keyof Domain]: Domain[Verb] extends (...args: infer Args) => unknown
    ? (...args: Args) => Promise<ApiEnvelope>
    : never;
};

/** What the preload exposes as `window.auscult`: every API method, answering with an envelope. */
export type DesktopBridge = {
  readonly [Domain in keyof AuscultApi]: EnvelopeFunctions<AuscultApi[Domain]>;
};

/** The AuscultApi of the desktop host: calls the preload's functions and unwraps envelopes. */
export function apiFromDesktopBridge(bridge: DesktopBridge): AuscultApi {
  const functions = bridge as unknown as Record<
    string,
    Record<string, (...args: unknown[]) => Promise<unknown>>
  >;
  return apiFromCall(async (method, args) => {
    const [domain, verb] = method.split('.');
    return resultFromEnvelope(await functions[domain][verb](...args));
  });
}
