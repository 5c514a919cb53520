/**
 * `POST /api/<domain>/<verb>`: decodes the arguments (JSON body, or binary body plus the
 * X-Auscult-Args header), performs the call and writes the envelope (docs/hosts.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiMethod } from '../../shared/api/methods.ts';
import { methodSpec } from '../../shared/api/methods.ts';
import {
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  HTTP_STATUS_BY_ERROR_CODE,
  JSON_CONTENT_TYPE,
  decodeArgsHeader,
  errorEnvelope,
  methodFromApiPath,
} from '../../shared/api/httpProtocol.ts';
import {
  BodyTooLargeError,
  ClientGoneError,
  declaredLength,
  readBody,
  toArrayBuffer,
} from './body.ts';
import { isLargeBody } from './bodyGate.ts';
import type { BodyGate } from './bodyGate.ts';
import { sendError, sendJson } from './responses.ts';

/** Performs one API call: node/api's dispatch on an open library (or a test's stand-in). */
export type ApiCall = (method: ApiMethod, args: unknown[]) => Promise<unknown>;

/** A request the protocol refuses before any call: status, and one sentence. */
class ProtocolError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

function mediaType(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

async function readArgs(request: IncomingMessage, method: ApiMethod): Promise<unknown[]> {
  const { binaryArgument, maxBodyBytes } = methodSpec(method);
  if (binaryArgument) {
    if (mediaType(request) !== BINARY_CONTENT_TYPE) {
      throw new ProtocolError(415, `${method} takes its data as ${BINARY_CONTENT_TYPE}.`);
    }
    const header = request.headers[ARGS_HEADER.toLowerCase()];
    let leading: unknown[];
    try {
      leading = decodeArgsHeader(typeof header === 'string' ? header : '[]');
    } catch (error) {
      throw new ProtocolError(400, (error as Error).message);
    }
    const body = await readBody(request, maxBodyBytes);
    return [...leading, toArrayBuffer(body)];
  }
  if (mediaType(request) !== JSON_CONTENT_TYPE) {
    throw new ProtocolError(415, `${method} takes a ${JSON_CONTENT_TYPE} body.`);
  }
  // Decoded where it lies (Buffer.from would copy the body first); bad UTF-8 becomes U+FFFD.
  const text = new TextDecoder().decode(await readBody(request, maxBodyBytes));
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ProtocolError(400, 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProtocolError(400, 'The request body must be a JSON object with an "args" array.');
  }
  const args = (body as { args?: unknown }).args ?? [];
  if (!Array.isArray(args)) throw new ProtocolError(400, '"args" must be a JSON array.');
  return args;
}

function sendResult(response: ServerResponse, method: ApiMethod, result: unknown): void {
  if (!methodSpec(method).binaryResult) {
    sendJson(response, 200, { result: result === undefined ? null : result });
    return;
  }
  const bytes =
    result instanceof ArrayBuffer
      ? new Uint8Array(result)
      : ArrayBuffer.isView(result)
        ? new Uint8Array(result.buffer, result.byteOffset, result.byteLength)
        : null;
  if (bytes === null) throw new TypeError(`${method} returned no binary data.`);
  response.writeHead(200, {
    'Content-Type': BINARY_CONTENT_TYPE,
    'Content-Length': bytes.byteLength,
    'Cache-Control': 'no-store',
  });
  response.end(bytes);
}

function sendFailure(response: ServerResponse, method: string, error: unknown): void {
  if (error instanceof ProtocolError) {
    sendError(response, 'invalid-argument', error.message, error.status);
  } else if (error instanceof BodyTooLargeError) {
    response.setHeader('Connection', 'close');
    sendError(response, 'invalid-argument', error.message, 413, {
      reason: 'too-large',
      params: { maxBytes: error.limitBytes },
    });
  } else {
    const envelope = errorEnvelope(error);
    if (!('error' in envelope)) return;
    if (envelope.error.code === 'internal') console.error(`auscult: ${method} failed:`, error);
    sendJson(response, HTTP_STATUS_BY_ERROR_CODE[envelope.error.code], envelope);
  }
}

/** One line on the host's log for a client that left: no stack, nothing went wrong here. */
function logClientGone(method: string, when: string): void {
  console.error(`auscult: ${method}: the client closed the connection ${when}`);
}

/** Answers one API request; `pathname` starts with the API prefix. */
export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  call: ApiCall,
  largeBodies: BodyGate,
): Promise<void> {
  const method = methodFromApiPath(pathname);
  if (method === null) {
    sendError(response, 'not-found', `There is no API method at ${pathname}.`);
    request.resume();
    return;
  }
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    sendError(response, 'invalid-argument', `${method} is called with POST.`, 405);
    request.resume();
    return;
  }
  // The slot is held until the answer is written: the body lives as long as the call.
  const large = methodSpec(method).binaryArgument && isLargeBody(declaredLength(request));
  const release = large ? await largeBodies.acquire() : null;
  try {
    if (request.destroyed) throw new ClientGoneError(0);
    const args = await readArgs(request, method);
    const result = await call(method, args);
    if (response.destroyed) logClientGone(method, 'before its answer was sent');
    else sendResult(response, method, result);
  } catch (error) {
    if (error instanceof ClientGoneError) {
      logClientGone(method, `while sending its request (${error.receivedBytes} bytes received)`);
    } else if (response.destroyed) {
      logClientGone(method, 'before its answer was sent');
    } else {
      request.resume();
      sendFailure(response, method, error);
    }
  } finally {
    release?.();
  }
}
