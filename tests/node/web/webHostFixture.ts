/**
 * A real web host for tests: a temporary library folder (AUSCULT_HOME), a small page folder with
 * a secret file next to it (for traversal tests), port 0 on a loopback address.
 */
import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiMethod } from '../../../shared/api/methods.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
  JSON_CONTENT_TYPE,
} from '../../../shared/api/httpProtocol.ts';
import { startWebHost } from '../../../node/web/server.ts';
import type { WebHost, WebHostOptions } from '../../../node/web/server.ts';

export const PAGE_HTML =
  '<!doctype html><title>Auscult test page</title><script src="app.js"></script>';
export const PAGE_SCRIPT = 'console.log("page");';
export const SECRET = 'not for the page';

export interface TestHost {
  readonly host: WebHost;
  /** `http://address:port` without path or token. */
  readonly origin: string;
  readonly port: number;
  readonly folder: string;
  stop(): Promise<void>;
}

/** Starts a host on port 0 with a fresh library and page folder. */
export async function startTestHost(options: WebHostOptions = {}): Promise<TestHost> {
  const folder = await mkdtemp(join(tmpdir(), 'auscult-web-'));
  const rendererDir = join(folder, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), PAGE_HTML);
  await writeFile(join(rendererDir, 'app.js'), PAGE_SCRIPT);
  await writeFile(join(rendererDir, 'assets', 'style.css'), 'body { margin: 0 }');
  await writeFile(join(folder, 'secret.txt'), SECRET);
  const host = await startWebHost({
    home: join(folder, 'library'),
    rendererDir,
    port: 0,
    ...options,
  });
  const url = new URL(host.url);
  return {
    host,
    origin: url.origin,
    port: Number(url.port),
    folder,
    stop: async () => {
      await host.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** POSTs `{ args }` to a method's path; returns the status and the parsed JSON body. */
export async function postJson(
  origin: string,
  method: ApiMethod,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: { result?: unknown; error?: { code: string; message: string } };
}> {
  const response = await fetch(origin + apiPath(method), {
    method: 'POST',
    headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers },
    body: JSON.stringify({ args }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** POSTs one binary chunk of an import to the host at `origin`, as the page sends it. */
export function appendChunk(
  origin: string,
  importId: string,
  bytes: Uint8Array,
): Promise<Response> {
  return fetch(origin + apiPath('recordings.appendImport'), {
    method: 'POST',
    headers: { 'Content-Type': BINARY_CONTENT_TYPE, [ARGS_HEADER]: encodeArgsHeader([importId]) },
    body: new Uint8Array(bytes),
  });
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * A request with headers fetch will not send as given (Host, Origin) and a path it would
 * normalise (`/../x`): node:http sends the path verbatim.
 */
export function rawRequest(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
  address = '127.0.0.1',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: address,
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (incoming) => {
        let body = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (text: string) => (body += text));
        incoming.on('end', () =>
          resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}
