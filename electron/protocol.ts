/**
 * The `app://auscult` protocol: serves the built page (dist/renderer) to the window, refusing
 * any path that would leave that folder, and recordings under `/media/recordings/<id>.wav` (with
 * range requests, for the media element; the same rules as the web host's media route), and
 * bundles written for download under `/media/bundles/<token>.auscult`. Privileged as a standard, secure scheme so the page
 * gets an origin, `fetch`, module scripts and workers like an https page, without the extra
 * powers of file://.
 */
import { RENDERER_CSP } from '../shared/api/httpProtocol.ts';
import { MEDIA_PATH_PREFIX, recordingIdFromMediaPath } from '../node/api/mediaUrls.ts';
import { bundleFileResponse, isBundlePath } from '../node/web/bundleRoute.ts';
import type { BundleFileLookup } from '../node/web/bundleRoute.ts';
import { mediaFileResponse } from '../node/web/mediaResponse.ts';
import { contentTypeFor, resolveStaticPath } from '../node/web/staticPath.ts';
import { APP_SCHEME, isAppUrl } from './appOrigin.ts';

/** For `protocol.registerSchemesAsPrivileged` (before the app is ready). No bypassCSP. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    // The media element streams recordings from app:// (range requests, seeking).
    stream: true,
  },
} as const;

export interface AppProtocolOptions {
  /** Absolute path of dist/renderer. */
  readonly rendererDir: string;
  /** Reads a file (fs/promises readFile; reads inside app.asar too). */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** The WAV file of a listed recording, or null (node/web's ApiBackend.recordingFile). */
  readonly recordingFile?: (recordingId: string) => Promise<string | null>;
  /** A bundle written for download, by its token (node/web's ApiBackend.bundleFile). */
  readonly bundleFile?: BundleFileLookup;
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * The handler for `protocol.handle('app', ...)`: GET of a file under `rendererDir` on the
 * app's host, with its Content-Type and the CSP; 400 for a path leaving the folder, 404 for a
 * missing file or another host, 405 for another method. Media paths: see mediaFileResponse.
 */
export function createAppProtocolHandler(options: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(405, 'Method not allowed.');
    if (!isAppUrl(request.url)) return plain(404, 'Not found.');
    const { pathname } = new URL(request.url);
    if (isBundlePath(pathname)) {
      return bundleFileResponse(pathname, options.bundleFile ?? (() => null));
    }
    if (pathname.startsWith(MEDIA_PATH_PREFIX)) {
      const id = recordingIdFromMediaPath(pathname);
      const file = id === null || !options.recordingFile ? null : await options.recordingFile(id);
      return mediaFileResponse(request, file);
    }
    const target = resolveStaticPath(options.rendererDir, pathname);
    if (target.kind === 'refused') return plain(400, target.reason);
    let bytes: Uint8Array;
    try {
      bytes = await options.readFile(target.path);
    } catch {
      return plain(404, 'Not found.');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(target.path),
        'Content-Security-Policy': RENDERER_CSP,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
