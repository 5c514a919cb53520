/**
 * Who sends a hub request: the session cookie of a browser, or the device token of a desktop app
 * (`Authorization: Bearer …`); and whether a browser request comes from the hub's own pages.
 */
import type { IncomingMessage } from 'node:http';
import { cookieValue } from '../web/access.ts';

export const SESSION_COOKIE = 'auscult_hub_session';

export interface Credentials {
  readonly token: string;
  /** A browser's cookie (so the Origin check applies), or a device's bearer token. */
  readonly via: 'cookie' | 'bearer';
}

export function credentials(request: IncomingMessage): Credentials | null {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
    return { token: authorization.slice('Bearer '.length).trim(), via: 'bearer' };
  }
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/** The cookie that holds a browser session: not readable by scripts, not sent cross-site. */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`;
}

/**
 * True when a browser request may act. Browsers mark every request with `Sec-Fetch-Site`, which
 * a page cannot forge: same-origin (or none, a typed address) is ours. Without it (older
 * browsers, tools), the Origin must be absent or the hub's own (http or https, as a proxy in
 * front may end TLS). A form posted under `Referrer-Policy: no-referrer` says `Origin: null`,
 * so the Origin alone would refuse the hub's own sign-in form.
 */
export function fromOwnSite(request: IncomingMessage, publicOrigin: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin?.toLowerCase();
  if (origin === undefined) return true;
  const host = (request.headers.host ?? '').toLowerCase();
  const own = [`http://${host}`, `https://${host}`];
  if (publicOrigin) own.push(publicOrigin.toLowerCase());
  return own.includes(origin);
}

/** The client's address, for the sign-in limits and the audit log. */
export function clientAddress(request: IncomingMessage): string {
  return request.socket.remoteAddress ?? '';
}
