/**
 * Writing answers: the security headers every answer carries, JSON and error envelopes, and the
 * plain refusal of a WebSocket upgrade.
 */
import type { ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, errorBody } from '../../shared/api/errors.ts';
import type { ApiErrorCode, ApiErrorDetail } from '../../shared/api/errors.ts';
import {
  HTTP_STATUS_BY_ERROR_CODE,
  JSON_CONTENT_TYPE,
  RENDERER_CSP,
} from '../../shared/api/httpProtocol.ts';

/** Headers on every answer, page or API (docs/hosts.md "Headers on every answer"). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'microphone=(self), camera=(), geolocation=()',
};

export function setSecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}

/** A JSON answer that no cache keeps (API answers can change with every call). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body), 'utf8');
  response.writeHead(status, {
    'Content-Type': `${JSON_CONTENT_TYPE}; charset=utf-8`,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
  });
  response.end(bytes);
}

/**
 * An error envelope `{ error: { code, reason, params, message } }`. The status defaults to the
 * code's (`HTTP_STATUS_BY_ERROR_CODE`); protocol errors (405, 413, 415, 403) pass their own.
 */
export function sendError(
  response: ServerResponse,
  code: ApiErrorCode,
  message: string,
  status: number = HTTP_STATUS_BY_ERROR_CODE[code],
  detail: ApiErrorDetail = {},
): void {
  sendJson(response, status, { error: errorBody(new ApiError(code, message, detail)) });
}

/** Refuses a WebSocket upgrade (the hub's `/hub/live`, a desktop's relay of it) in plain HTTP. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
