import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MachineSummary, RecordingSummary } from '../../../shared/api/contract.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
  JSON_CONTENT_TYPE,
} from '../../../shared/api/httpProtocol.ts';
import { MAX_BINARY_BODY_BYTES, MAX_JSON_BODY_BYTES } from '../../../shared/api/limits.ts';
import { simpleWav } from '../../helpers/wavBytes.ts';
import { appendChunk as appendChunkTo, postJson, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

let host: TestHost;
let demoMachineId: string;

beforeAll(async () => {
  host = await startTestHost();
  const { body } = await postJson(host.origin, 'machines.list', []);
  demoMachineId = (body.result as MachineSummary[])[0].id;
});
afterAll(() => host.stop());

const appendChunk = (importId: string, bytes: Uint8Array) =>
  appendChunkTo(host.origin, importId, bytes);

describe('the web host API', () => {
  it('answers machines.list with the demo machine of a fresh library', async () => {
    const { status, body } = await postJson(host.origin, 'machines.list', []);
    expect(status).toBe(200);
    expect(body.result).toEqual([expect.objectContaining({ isDemo: true, hasBaseline: true })]);
  });

  it('round-trips the settings', async () => {
    const set = await postJson(host.origin, 'settings.set', [{ language: 'zh-CN' }]);
    expect(set).toEqual({ status: 200, body: { result: { language: 'zh-CN' } } });
    const got = await postJson(host.origin, 'settings.get', []);
    expect(got.body.result).toEqual({ language: 'zh-CN' });
  });

  it('imports a WAV sent in binary chunks and serves the same bytes back as octet-stream', async () => {
    const samples = Array.from({ length: 4800 }, (_, i) =>
      Math.sin((2 * Math.PI * 440 * i) / 48_000),
    );
    const wav = simpleWav({ format: 'pcm16', samples });
    const begin = await postJson(host.origin, 'recordings.beginImport', [
      demoMachineId,
      '车床 tone.wav',
      wav.length,
    ]);
    const importId = begin.body.result as string;
    const half = Math.floor(wav.length / 2);
    const first = await appendChunk(importId, wav.subarray(0, half));
    expect(await first.json()).toEqual({ result: half });
    const second = await appendChunk(importId, wav.subarray(half));
    expect(await second.json()).toEqual({ result: wav.length });
    const finished = await postJson(host.origin, 'recordings.finishImport', [importId]);
    const recording = finished.body.result as RecordingSummary;
    expect(recording).toMatchObject({
      name: '车床 tone.wav',
      sampleRateHz: 48_000,
      channelCount: 1,
    });

    const audio = await fetch(host.origin + apiPath('recordings.audio'), {
      method: 'POST',
      headers: { 'Content-Type': JSON_CONTENT_TYPE },
      body: JSON.stringify({ args: [recording.id] }),
    });
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe(BINARY_CONTENT_TYPE);
    expect(new Uint8Array(await audio.arrayBuffer())).toEqual(wav);
  });

  it('marks API answers as not cacheable and not sniffable', async () => {
    const response = await fetch(host.origin + apiPath('settings.get'), {
      method: 'POST',
      headers: { 'Content-Type': JSON_CONTENT_TYPE },
      body: '{"args":[]}',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

interface BadRequest {
  readonly path: string;
  readonly method?: string;
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array<ArrayBuffer>;
}

describe('the web host refuses', () => {
  it.each<[string, BadRequest, number, string, RegExp]>([
    [
      'a body that is not JSON',
      { path: '/api/settings/get', body: '{"args": [' },
      400,
      'invalid-argument',
      /not valid JSON/,
    ],
    [
      'a JSON body that is an array',
      { path: '/api/settings/get', body: '[]' },
      400,
      'invalid-argument',
      /JSON object/,
    ],
    [
      '"args" that is not an array',
      { path: '/api/settings/get', body: '{"args": 3}' },
      400,
      'invalid-argument',
      /array/,
    ],
    [
      'the wrong number of arguments',
      { path: '/api/machines/get', body: '{"args": []}' },
      400,
      'invalid-argument',
      /machines\.get takes 1 argument/,
    ],
    [
      'an argument of the wrong type',
      { path: '/api/machines/get', body: '{"args": [42]}' },
      400,
      'invalid-argument',
      /machineId/,
    ],
    [
      'an id that names nothing',
      { path: '/api/machines/get', body: '{"args": ["nope"]}' },
      404,
      'not-found',
      /nope|machine/i,
    ],
    [
      'an invalid profile',
      { path: '/api/machines/create', body: '{"args": [{"name": 3}]}' },
      422,
      'invalid-input',
      /profile/,
    ],
    [
      'an unknown method',
      { path: '/api/machines/destroy', body: '{"args": []}' },
      404,
      'not-found',
      /\/api\/machines\/destroy/,
    ],
    [
      'a domain without a verb',
      { path: '/api/machines', body: '{}' },
      404,
      'not-found',
      /no API method/,
    ],
    [
      'a GET of an API path',
      { path: '/api/machines/list', method: 'GET' },
      405,
      'invalid-argument',
      /POST/,
    ],
    [
      'a text/plain body (what a cross-site form can send)',
      { path: '/api/settings/get', contentType: 'text/plain', body: '{"args":[]}' },
      415,
      'invalid-argument',
      /application\/json/,
    ],
    [
      'binary data for a JSON method',
      { path: '/api/settings/get', contentType: BINARY_CONTENT_TYPE, body: '{}' },
      415,
      'invalid-argument',
      /application\/json/,
    ],
    [
      'JSON for the binary method',
      { path: '/api/recordings/appendImport', body: '{"args":["x"]}' },
      415,
      'invalid-argument',
      /octet-stream/,
    ],
    [
      'an X-Auscult-Args header that is not encoded JSON',
      {
        path: '/api/recordings/appendImport',
        contentType: BINARY_CONTENT_TYPE,
        headers: { [ARGS_HEADER]: '%7Bnot' },
        body: 'RIFF',
      },
      400,
      'invalid-argument',
      /X-Auscult-Args/,
    ],
    [
      'a JSON body over the limit',
      { path: '/api/settings/get', body: `{"args":[],"pad":"${'x'.repeat(MAX_JSON_BODY_BYTES)}"}` },
      413,
      'invalid-argument',
      /larger than/,
    ],
    [
      'a binary body over the limit',
      {
        path: '/api/recordings/appendImport',
        contentType: BINARY_CONTENT_TYPE,
        headers: { [ARGS_HEADER]: encodeArgsHeader(['x']) },
        body: new Uint8Array(MAX_BINARY_BODY_BYTES + 1),
      },
      413,
      'invalid-argument',
      /larger than/,
    ],
    [
      'an unknown recording for the binary-result method',
      { path: '/api/recordings/audio', body: '{"args":["nope"]}' },
      404,
      'not-found',
      /./,
    ],
  ])('%s', async (_name, request, status, code, message) => {
    const method = request.method ?? 'POST';
    const response = await fetch(host.origin + request.path, {
      method,
      headers: { 'Content-Type': request.contentType ?? JSON_CONTENT_TYPE, ...request.headers },
      body: method === 'GET' ? undefined : request.body,
    });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    if (status === 405) expect(response.headers.get('allow')).toBe('POST');
  });
});
