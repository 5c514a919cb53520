/**
 * `GET /media/bundles/<token>.auscult`: a bundle the API wrote for download (bundles.pack,
 * bundles.reply), streamed from the staging folder as an attachment under its file name, so a
 * bundle of long recordings is never loaded whole. The token is the only name the page knows.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_BUNDLES_PATH } from '../api/bundles.ts';
import { fileSize } from './mediaRoute.ts';
import { sendError } from './responses.ts';

const BUNDLE_PATH = /^\/media\/bundles\/([A-Za-z0-9_-]{1,64})\.auscult$/;

export type BundleFileLookup = (
  token: string,
) => { readonly path: string; readonly fileName: string } | null;

export function isBundlePath(pathname: string): boolean {
  return pathname.startsWith(MEDIA_BUNDLES_PATH);
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** The file a `/media/bundles/<token>.auscult` path names, with its size; null when it is gone. */
async function bundleFileOf(pathname: string, lookup: BundleFileLookup) {
  const token = BUNDLE_PATH.exec(pathname)?.[1] ?? null;
  const found = token === null ? null : lookup(token);
  const sizeBytes = found === null ? null : await fileSize(found.path);
  return found === null || sizeBytes === null ? null : { ...found, sizeBytes };
}

function bundleHeaders(fileName: string, sizeBytes: number): Record<string, string> {
  return {
    'Content-Type': 'application/zip',
    'Content-Length': String(sizeBytes),
    'Content-Disposition': attachmentHeader(fileName),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The same answer as a fetch `Response`, for Electron's `app://` protocol handler (GET only). */
export async function bundleFileResponse(
  pathname: string,
  lookup: BundleFileLookup,
): Promise<Response> {
  const found = await bundleFileOf(pathname, lookup);
  if (found === null) {
    return new Response('This bundle is no longer there; make it again.', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  const stream = Readable.toWeb(createReadStream(found.path)) as ReadableStream<Uint8Array>;
  const headers = bundleHeaders(found.fileName, found.sizeBytes);
  return new Response(stream, { status: 200, headers });
}

export async function handleBundleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  lookup: BundleFileLookup,
): Promise<void> {
  request.resume();
  if (request.method !== 'GET') {
    response.setHeader('Allow', 'GET');
    return sendError(response, 'invalid-argument', 'Bundles are read with GET.', 405);
  }
  const found = await bundleFileOf(pathname, lookup);
  if (found === null) {
    return sendError(response, 'not-found', 'This bundle is no longer there; make it again.');
  }
  response.writeHead(200, bundleHeaders(found.fileName, found.sizeBytes));
  const stream = createReadStream(found.path);
  stream.on('error', () => response.destroy());
  response.on('close', () => stream.destroy());
  stream.pipe(response);
}
