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
 * True when a browser request may act: no Origin (a navigation or a tool), or the hub's own
 * origin (over http or https, as a proxy in front may terminate TLS), and not marked cross-site.
 */
export function fromOwnSite(request: IncomingMessage, publicOrigin: string | null): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
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
