/**
 * Maps a URL path to a file inside the built page's folder, refusing anything that could leave
 * it. Shared by the web host and Electron's `app://` protocol, so both refuse the same paths.
 */
import { extname, join, resolve, sep } from 'node:path';

export type StaticPath =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * The file a request path names inside `rootDir`: `/` is `index.html`. Refused: a path that does
 * not start with `/`, does not percent-decode, or whose decoded segments contain `..`, `.`, a
 * backslash, a NUL or a drive letter (`C:`); the result is also checked to lie inside `rootDir`.
 * The WHATWG URL parser already folds `/a/../b` and `%2e%2e`, but not `..%2f`, which only
 * appears after decoding: hence the check after decoding.
 */
export function resolveStaticPath(rootDir: string, pathname: string): StaticPath {
  if (!pathname.startsWith('/')) return refused('The path does not start with a slash.');
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return refused('The path is not valid percent-encoding.');
  }
  const segments = decoded.slice(1).split('/');
  if (segments.length === 1 && segments[0] === '') segments[0] = 'index.html';
  for (const segment of segments) {
    if (segment === '..' || segment === '.' || /[\\\0]|^[A-Za-z]:/.test(segment)) {
      return refused('The path leaves the page folder.');
    }
  }
  if (segments.some((segment) => segment === '')) return refused('The path has an empty segment.');
  const root = resolve(rootDir);
  const path = join(root, ...segments);
  if (!path.startsWith(root + sep)) return refused('The path leaves the page folder.');
  return { kind: 'file', path };
}

function refused(reason: string): StaticPath {
  return { kind: 'refused', reason };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file name; unknown kinds are `application/octet-stream`. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}
