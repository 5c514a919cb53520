/**
 * Who may talk to the web host. Loopback binds trust the local user, but still refuse requests
 * that another web site makes the browser send (DNS rebinding, cross-site forms and fetches);
 * any other bind also needs the access token printed at start.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_COOKIE, TOKEN_HEADER } from '../../shared/api/httpProtocol.ts';

/** A fresh access token: 32 random bytes, base64url (43 characters, URL- and cookie-safe). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time token comparison. Hashing both sides first gives equal lengths, so neither the
 * length nor a matching prefix of the expected token shows in the timing.
 */
export function tokensMatch(expected: string, candidate: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(candidate).digest();
  return timingSafeEqual(a, b);
}

/**
 * True for the default binds that only this machine reaches without a token: `localhost`,
 * 127.0.0.1 and ::1. Any other `--host` needs the token, even another 127.x address: that keeps
 * the rule simple ("another host requires a token"), and lets the tests exercise it safely.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '127.0.0.1' || bare === '::1';
}

/** The value of one cookie in a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      return part.slice(separator + 1).trim();
    }
  }
  return null;
}

/** The token a request presents, from the header or the cookie. */
export function presentedToken(request: IncomingMessage): string | null {
  const header = request.headers[TOKEN_HEADER.toLowerCase()];
  if (typeof header === 'string') return header;
  return cookieValue(request.headers.cookie, TOKEN_COOKIE);
}

/** The Set-Cookie value that stores the token in the browser for this host. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * Why a request must be refused for naming a host this server does not answer to, or null.
 * `allowedHosts` are its own `address:port` (and `localhost:port` on loopback). A loopback host
 * without a token relies on this against DNS rebinding: a page from evil.example whose name
 * later resolves to 127.0.0.1 still sends `Host: evil.example:PORT`.
 */
export function foreignHostReason(
  request: IncomingMessage,
  allowedHosts: ReadonlySet<string>,
): string | null {
  const host = request.headers.host?.toLowerCase();
  if (!host || !allowedHosts.has(host)) return 'The request names another host.';
  return null;
}

/**
 * Why an API call must be refused as sent by another site, or null. Browsers mark such a
 * request with `Sec-Fetch-Site` and an `Origin` that is not ours; the page's own fetches are
 * `same-origin`. Tools (curl, tests) send neither header and pass.
 */
export function crossSiteReason(request: IncomingMessage): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return 'The request comes from another site.';
  }
  const origin = request.headers.origin;
  const ownOrigin = `http://${request.headers.host ?? ''}`.toLowerCase();
  if (origin !== undefined && origin.toLowerCase() !== ownOrigin) {
    return 'The request comes from another site.';
  }
  return null;
}
