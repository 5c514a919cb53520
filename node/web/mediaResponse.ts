/**
 * The media answer as a fetch `Response`, for Electron's `app://` protocol handler: the same
 * rules as the web host's media route (byteRange.ts), the file streamed in the range asked.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parseByteRange, rangeHeaders } from './byteRange.ts';
import { fileSize, WAV_CONTENT_TYPE } from './mediaRoute.ts';

function plain(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * Answers `request` (GET or HEAD, already checked by the caller) with the WAV file at `path`
 * (null: no such recording → 404): 200, 206 for one range, 416 for an unsatisfiable one.
 */
export async function mediaFileResponse(request: Request, path: string | null): Promise<Response> {
  const sizeBytes = path === null ? null : await fileSize(path);
  if (path === null || sizeBytes === null) return plain(404, 'Not found.');
  const answer = parseByteRange(request.headers.get('range') ?? undefined, sizeBytes);
  const { status, headers } = rangeHeaders(answer, sizeBytes, WAV_CONTENT_TYPE);
  headers['X-Content-Type-Options'] = 'nosniff';
  if (answer.kind === 'unsatisfiable') return plain(416, 'Range not satisfiable.', headers);
  if (request.method === 'HEAD' || sizeBytes === 0) return new Response(null, { status, headers });
  const range = answer.kind === 'partial' ? answer : { start: 0, end: sizeBytes - 1 };
  const stream = createReadStream(path, { start: range.start, end: range.end });
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
}
