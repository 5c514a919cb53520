/** `GET`/`HEAD` of the built page's files under `dist/renderer`. */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from './responses.ts';
import { contentTypeFor, resolveStaticPath } from './staticPath.ts';

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

/**
 * Answers with the file the path names inside `rootDir`: 400 for a path that would leave it,
 * 404 for a missing file, 405 for a method other than GET or HEAD. `no-cache` keeps a rebuilt
 * page from mixing with stale assets.
 */
export async function handleStaticRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  rootDir: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendError(response, 'invalid-argument', 'Pages are read with GET.', 405);
    return;
  }
  const target = resolveStaticPath(rootDir, pathname);
  if (target.kind === 'refused') {
    sendError(response, 'invalid-argument', target.reason);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(target.path);
  } catch (error) {
    if (!isMissing(error)) throw error;
    sendError(response, 'not-found', `Nothing is at ${pathname}.`);
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypeFor(target.path),
    'Content-Length': bytes.length,
    'Cache-Control': 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}
