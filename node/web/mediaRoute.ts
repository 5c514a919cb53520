/**
 * `GET`/`HEAD /media/recordings/<id>.wav`: a recording's WAV for the page's media element, with
 * range requests (the element seeks with them), so a long recording is streamed, never loaded
 * whole. The id is checked against the library (only listed recordings, never a partial file);
 * the page never names a path.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordingIdFromMediaPath } from '../api/mediaUrls.ts';
import { parseByteRange, rangeHeaders } from './byteRange.ts';
import { sendError } from './responses.ts';

export const WAV_CONTENT_TYPE = 'audio/wav';

/** The file of a listed recording, or null for an id the library does not list. */
export type RecordingFileLookup = (recordingId: string) => Promise<string | null>;

/** The size of the file at `path`, or null when it is missing. */
export async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Answers a media request: 405 for a method other than GET/HEAD, 404 for a path that names no
 * listed recording, 416 for an unsatisfiable range, else 200 (whole file) or 206 (one range)
 * with `Accept-Ranges: bytes` and `Content-Type: audio/wav`.
 */
export async function handleMediaRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  lookup: RecordingFileLookup,
): Promise<void> {
  request.resume();
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendError(response, 'invalid-argument', 'Recordings are read with GET.', 405);
  }
  const id = recordingIdFromMediaPath(pathname);
  const path = id === null ? null : await lookup(id);
  const sizeBytes = path === null ? null : await fileSize(path);
  if (path === null || sizeBytes === null) {
    return sendError(response, 'not-found', `There is no recording at ${pathname}.`);
  }
  const answer = parseByteRange(request.headers.range, sizeBytes);
  const { status, headers } = rangeHeaders(answer, sizeBytes, WAV_CONTENT_TYPE);
  if (answer.kind === 'unsatisfiable') {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    return sendError(response, 'invalid-argument', 'The requested range is not in the file.', 416);
  }
  response.writeHead(status, headers);
  if (request.method === 'HEAD' || sizeBytes === 0) {
    response.end();
    return;
  }
  const range = answer.kind === 'partial' ? answer : { start: 0, end: sizeBytes - 1 };
  const stream = createReadStream(path, { start: range.start, end: range.end });
  stream.on('error', () => response.destroy());
  response.on('close', () => stream.destroy());
  stream.pipe(response);
}
