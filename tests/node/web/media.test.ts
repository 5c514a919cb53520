/**
 * The web host's live recording (binary sessions.append over HTTP) and its media route:
 * `/media/recordings/<id>.wav` with range requests, as an <audio> element seeks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MachineDetail, SessionResult } from '../../../shared/api/contract.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
  TOKEN_COOKIE,
  TOKEN_HEADER,
} from '../../../shared/api/httpProtocol.ts';
import { postJson, rawRequest, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

const RATE = 8000;
let host: TestHost;
let machine: MachineDetail;
let recordingUrl: string;
let fileBytes: Uint8Array;

function append(origin: string, sessionId: string, body: Uint8Array, type = BINARY_CONTENT_TYPE) {
  return fetch(origin + apiPath('sessions.append'), {
    method: 'POST',
    headers: { 'Content-Type': type, [ARGS_HEADER]: encodeArgsHeader([sessionId]) },
    body: new Uint8Array(body),
  });
}

function signal(frames: number, offset: number): Uint8Array {
  const samples = new Float32Array(frames).map((_, i) => Math.sin((i + offset) / 7) * 0.5);
  return new Uint8Array(samples.buffer);
}

beforeAll(async () => {
  host = await startTestHost({ demo: false });
  machine = (await postJson(host.origin, 'machines.create', [{ id: 'mill', lineFrequencyHz: 50 }]))
    .body.result as MachineDetail;
  const sessionId = (await postJson(host.origin, 'sessions.start', [machine.id, RATE])).body
    .result as string;
  for (let i = 0; i < 20; i++) {
    const response = await append(host.origin, sessionId, signal(RATE / 10, (i * RATE) / 10));
    expect(response.status).toBe(200);
  }
  const stopped = (await postJson(host.origin, 'sessions.stop', [sessionId])).body
    .result as SessionResult;
  recordingUrl = (await postJson(host.origin, 'recordings.audioUrl', [stopped.recording.id])).body
    .result as string;
  const audio = await fetch(host.origin + apiPath('recordings.audio'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ args: [stopped.recording.id] }),
  });
  fileBytes = new Uint8Array(await audio.arrayBuffer());
}, 30_000);
afterAll(() => host.stop());

describe('sessions.append over HTTP', () => {
  it('answers each chunk with the seconds written, and keeps a session after a refused chunk', async () => {
    const sessionId = (await postJson(host.origin, 'sessions.start', [machine.id, RATE])).body
      .result as string;
    const ok = await append(host.origin, sessionId, signal(800, 0));
    expect(await ok.json()).toEqual({ result: { sessionId, writtenSeconds: 0.1 } });
    const refusals = [
      [new Uint8Array(6), 400, /multiple of 4 bytes/],
      [new Uint8Array(new Float32Array([Number.NaN]).buffer), 400, /finite/],
    ] as const;
    for (const [body, status, message] of refusals) {
      const response = await append(host.origin, sessionId, body);
      expect(response.status).toBe(status);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe('invalid-argument');
      expect(error.message).toMatch(message);
    }
    const wrongType = await append(host.origin, sessionId, signal(8, 0), 'application/json');
    expect(wrongType.status).toBe(415);
    const again = await append(host.origin, sessionId, signal(800, 800));
    expect(await again.json()).toEqual({ result: { sessionId, writtenSeconds: 0.2 } });
    expect((await postJson(host.origin, 'sessions.stop', [sessionId])).status).toBe(200);
  });

  it('does not serve the partial file of a session still recording', async () => {
    const sessionId = (await postJson(host.origin, 'sessions.start', [machine.id, RATE])).body
      .result as string;
    await append(host.origin, sessionId, signal(800, 0));
    const response = await fetch(`${host.origin}/media/recordings/${sessionId}.wav`);
    expect(response.status).toBe(404);
    const url = (await postJson(host.origin, 'recordings.audioUrl', [sessionId])).body;
    expect(url.error?.code).toBe('not-found');
    await postJson(host.origin, 'sessions.stop', [sessionId]);
  });
});

describe('the media route', () => {
  it('serves the whole WAV with its type and Accept-Ranges', async () => {
    expect(recordingUrl).toMatch(/^\/media\/recordings\/[\w-]+\.wav$/);
    const response = await fetch(host.origin + recordingUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(fileBytes.length));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(fileBytes);
    expect(fileBytes.length).toBe(58 + 2 * RATE * 4);
  });

  it.each([
    ['the first bytes', 'bytes=0-99', 0, 99],
    ['the middle', 'bytes=1000-1999', 1000, 1999],
    ['to the end', 'bytes=60000-', 60000, 64057],
    ['a suffix', 'bytes=-500', 63558, 64057],
    ['an end past the file, clamped', 'bytes=64000-99999999', 64000, 64057],
    ['a suffix longer than the file', 'bytes=-99999999', 0, 64057],
  ])('answers a range of %s with 206 and exactly those bytes', async (_what, range, start, end) => {
    const response = await fetch(host.origin + recordingUrl, { headers: { Range: range } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/64058`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(fileBytes.slice(start, end + 1));
  });

  it.each(['bytes=64058-', 'bytes=5-2', 'bytes=abc', 'bytes=-0', 'bytes=-'])(
    'answers the unsatisfiable range %s with 416 and the size',
    async (range) => {
      const response = await fetch(host.origin + recordingUrl, { headers: { Range: range } });
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe('bytes */64058');
    },
  );

  it.each(['bytes=0-1,5-6', 'items=0-1'])(
    'ignores the range %s and sends the whole file',
    async (range) => {
      const response = await fetch(host.origin + recordingUrl, { headers: { Range: range } });
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(64058);
    },
  );

  it('answers HEAD with the headers only', async () => {
    const response = await rawRequest(host.port, { path: recordingUrl, method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('64058');
    expect(response.body).toBe('');
  });

  it.each([
    ['an unknown id', '/media/recordings/nope.wav', 'GET', 404],
    ['a path out of the folder', '/media/recordings/..%2f..%2fauscult.db', 'GET', 404],
    ['the database', '/media/auscult.db', 'GET', 404],
    ['another extension', 'PARTIAL', 'GET', 404],
    ['POST', '', 'POST', 405],
  ])('refuses %s', async (_what, path, method, status) => {
    const resolved = path === 'PARTIAL' ? recordingUrl.replace('.wav', '.partial') : path;
    const response = await rawRequest(host.port, { path: resolved || recordingUrl, method });
    expect(response.status).toBe(status);
  });

  it('refuses a request another site makes the browser send', async () => {
    const response = await fetch(host.origin + recordingUrl, {
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(response.status).toBe(403);
  });
});

describe('the media route of a host with an access token', () => {
  let tokenHost: TestHost;
  let url: string;
  beforeAll(async () => {
    tokenHost = await startTestHost({ host: '127.0.0.2', demo: false });
    const token = tokenHost.host.token ?? '';
    const headers = { [TOKEN_HEADER]: token };
    const created = await postJson(
      tokenHost.origin,
      'machines.create',
      [{ id: 'm', lineFrequencyHz: 50 }],
      headers,
    );
    const machineId = (created.body.result as MachineDetail).id;
    const start = await postJson(tokenHost.origin, 'sessions.start', [machineId, RATE], headers);
    const sessionId = start.body.result as string;
    await fetch(tokenHost.origin + apiPath('sessions.append'), {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': BINARY_CONTENT_TYPE,
        [ARGS_HEADER]: encodeArgsHeader([sessionId]),
      },
      body: new Uint8Array(signal(800, 0)),
    });
    await postJson(tokenHost.origin, 'sessions.stop', [sessionId], headers);
    url = tokenHost.origin + `/media/recordings/${sessionId}.wav`;
  }, 30_000);
  afterAll(() => tokenHost.stop());

  it('refuses the recording without the token', async () => {
    expect((await fetch(url, { headers: { Range: 'bytes=0-9' } })).status).toBe(401);
  });

  it.each([
    ['header', (token: string) => ({ [TOKEN_HEADER]: token })],
    ['cookie', (token: string) => ({ Cookie: `${TOKEN_COOKIE}=${token}` })],
  ])('serves it with the token in the %s', async (_where, headers) => {
    const response = await fetch(url, {
      headers: { ...headers(tokenHost.host.token ?? ''), Range: 'bytes=0-9' },
    });
    expect(response.status).toBe(206);
    expect(new TextDecoder().decode(await response.arrayBuffer()).slice(0, 4)).toBe('RIFF');
  });
});
