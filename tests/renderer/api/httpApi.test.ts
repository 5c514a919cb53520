/**
 * The page's HTTP client against the real web host (node/web) on a fresh library, in Node's own
 * fetch: the same requests the page sends, without a browser.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi, requestFor } from '../../../renderer/api/httpApi.ts';
import { importInChunks } from '../../../renderer/features/recordings/chunkedImport.ts';
import { ApiError } from '../../../shared/api/contract.ts';
import type { AuscultApi } from '../../../shared/api/contract.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { startWebHost } from '../../../node/web/server.ts';
import type { WebHost } from '../../../node/web/server.ts';

let home: string;
let host: WebHost;
let api: AuscultApi;
let demoId: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'auscult-http-api-'));
  host = await startWebHost({ home, port: 0, rendererDir: home });
  api = createHttpApi({ origin: new URL(host.url).origin });
  const machines = await api.machines.list();
  demoId = machines.find((m) => m.isDemo)?.id ?? '';
}, 120_000);

afterAll(async () => {
  await host?.close();
  await rm(home, { recursive: true, force: true });
});

function tone(seconds: number, sampleRateHz = 8000): Uint8Array {
  const samples = Float64Array.from({ length: seconds * sampleRateHz }, (_, i) =>
    Math.sin((2 * Math.PI * 440 * i) / sampleRateHz),
  );
  return encodeWav([samples], sampleRateHz);
}

/** A File as the page gets one from a picker or a drop. */
const file = (bytes: Uint8Array, name: string) =>
  new File([bytes.slice()], name, { type: 'audio/wav' });

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('createHttpApi', () => {
  it('lists the demo machine of a fresh library', () => {
    expect(demoId).not.toBe('');
  });

  it('imports a WAV in chunks, reporting every byte the host acknowledged', async () => {
    const bytes = tone(2);
    const progress: number[] = [];
    const recording = await importInChunks(
      api.recordings,
      demoId,
      file(bytes, '音 tone.wav'),
      (sent) => progress.push(sent),
      10_000,
    );
    expect(progress).toEqual([10_000, 20_000, 30_000, bytes.length]);
    expect(recording).toMatchObject({ name: '音 tone.wav', sampleRateHz: 8000, channelCount: 1 });
    const listed = await api.recordings.list(demoId);
    expect(listed.map((r) => r.id)).toContain(recording.id);
  });

  it('gets a recording back as the bytes imported', async () => {
    const bytes = tone(1);
    const recording = await importInChunks(
      api.recordings,
      demoId,
      file(bytes, 'back.wav'),
      () => {},
    );
    const audio = await api.recordings.audio(recording.id);
    expect(audio).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(audio)).toEqual(bytes);
  });

  it('rejects a file that is not a WAV with the host’s sentence, and lists nothing', async () => {
    const before = await api.recordings.list(demoId);
    const bad = file(new TextEncoder().encode('not a wav at all'), 'bad.wav');
    const error = await rejection(importInChunks(api.recordings, demoId, bad, () => {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/bad\.wav/);
    expect(await api.recordings.list(demoId)).toEqual(before);
  });

  it('rejects an unknown machine as not-found', async () => {
    const error = await rejection(api.machines.get('no-such-machine'));
    expect(error.code).toBe('not-found');
  });

  it('keeps the language setting', async () => {
    await api.settings.set({ language: 'zh-CN' });
    expect(await api.settings.get()).toEqual({ language: 'zh-CN' });
  });

  it('reports an unreachable host in one sentence', async () => {
    const nowhere = createHttpApi({ origin: 'http://127.0.0.1:1' });
    const error = await rejection(nowhere.machines.list());
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/could not reach its host/);
  });
});

describe('requestFor', () => {
  it('sends a chunk as the body with the other arguments in the header', () => {
    const chunk = new ArrayBuffer(4);
    const init = requestFor('recordings.appendImport', ['imp_1', chunk]);
    expect(init.body).toBe(chunk);
    expect(init.headers).toEqual({
      'Content-Type': 'application/octet-stream',
      'X-Auscult-Args': encodeURIComponent('["imp_1"]'),
    });
  });

  it('refuses a chunk that is not an ArrayBuffer', () => {
    expect(() => requestFor('recordings.appendImport', ['imp_1', 'text'])).toThrow(ApiError);
  });

  it('sends other calls as JSON arguments', () => {
    expect(requestFor('machines.get', ['m1']).body).toBe('{"args":["m1"]}');
  });
});
