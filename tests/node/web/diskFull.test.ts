/**
 * A full disk through the web host's API, on a real small disk (a tmpfs filled to the last
 * byte): every writing path answers 507 `disk-full` with the bytes it needed, and a live
 * recording keeps everything acknowledged and is listed once there is room, without a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  BaselineSummary,
  JobStatus,
  MachineSummary,
  RecordingSummary,
} from '../../../shared/api/contract.ts';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
} from '../../../shared/api/httpProtocol.ts';
import type { ApiMethod } from '../../../shared/api/methods.ts';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { exampleProfileJson } from '../../../shared/simulation/profiles.ts';
import { mountSmallDisk } from '../../helpers/smallDisk.ts';
import type { SmallDisk } from '../../helpers/smallDisk.ts';
import { simpleWav } from '../../helpers/wavBytes.ts';
import { postJson, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

const RATE = 48_000;

let disk: SmallDisk;
let host: TestHost;
let demo: MachineSummary;

beforeAll(async () => {
  disk = await mountSmallDisk(64 * 1024 * 1024);
  host = await startTestHost({ home: `${disk.path}/library` });
  demo = ((await postJson(host.origin, 'machines.list', [])).body.result as MachineSummary[])[0];
});
afterAll(async () => {
  await host?.stop();
  await disk?.unmount();
});
afterEach(() => disk.free());

async function call(method: ApiMethod, ...args: unknown[]) {
  return postJson(host.origin, method, args);
}

async function sendBinary(method: ApiMethod, id: string, bytes: ArrayBuffer) {
  const response = await fetch(host.origin + apiPath(method), {
    method: 'POST',
    headers: { 'Content-Type': BINARY_CONTENT_TYPE, [ARGS_HEADER]: encodeArgsHeader([id]) },
    body: bytes,
  });
  return { status: response.status, body: (await response.json()) as Record<string, never> };
}

function samples(count: number, value: number): ArrayBuffer {
  return new Float32Array(count).fill(value).buffer;
}

const diskFull = (neededBytes: number) => ({
  status: 507,
  body: {
    error: {
      code: 'disk-full',
      reason: 'disk-full',
      params: { neededBytes },
      message: `The disk is full: this needed ${neededBytes} bytes more.`,
    },
  },
});

describe('a full disk', () => {
  it('keeps a live recording: acknowledged audio is listed once there is room again', async () => {
    const machine = (await call('machines.create', exampleProfileJson())).body.result as {
      id: string;
    };
    const sessionId = (await call('sessions.start', machine.id, RATE)).body.result as string;
    expect((await sendBinary('sessions.append', sessionId, samples(RATE, 0.25))).status).toBe(200);
    await disk.fill();
    const chunk = samples(RATE / 10, 0.5);
    expect(await sendBinary('sessions.append', sessionId, chunk)).toEqual(
      diskFull(chunk.byteLength),
    );
    // Stop while the disk is still full: refused, and nothing is lost or forgotten.
    const refused = await call('sessions.stop', sessionId);
    expect(refused).toMatchObject({ status: 507, body: { error: { code: 'disk-full' } } });
    await disk.free();
    const stopped = await call('sessions.stop', sessionId);
    expect(stopped.status).toBe(200);
    const { recording } = stopped.body.result as { recording: RecordingSummary };
    const listed = (await call('recordings.list', machine.id)).body.result as RecordingSummary[];
    expect(listed.map((r) => r.id)).toEqual([recording.id]);
    const audio = await fetch(host.origin + apiPath('recordings.audio'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [recording.id] }),
    });
    const decoded = await decodeWav(new Uint8Array(await audio.arrayBuffer()));
    expect(decoded.samples.length).toBeGreaterThanOrEqual(RATE);
    expect(decoded.samples.subarray(0, RATE).every((sample) => sample === 0.25)).toBe(true);
  });

  it('refuses an import chunk, naming the size of the whole file', async () => {
    const wav = simpleWav({ format: 'pcm16', samples: new Array(RATE).fill(0.1) });
    const begun = await call('recordings.beginImport', demo.id, 'tone.wav', wav.length);
    const importId = begun.body.result as string;
    await disk.fill();
    expect(await sendBinary('recordings.appendImport', importId, wav.slice().buffer)).toEqual(
      diskFull(wav.length),
    );
  });

  it('refuses to finish an import whose row does not fit, and leaves nothing behind', async () => {
    const wav = simpleWav({ format: 'pcm16', samples: new Array(RATE).fill(0.1) });
    const before = (await call('recordings.list', demo.id)).body.result as RecordingSummary[];
    const begun = await call('recordings.beginImport', demo.id, 'tone.wav', wav.length);
    const importId = begun.body.result as string;
    expect((await sendBinary('recordings.appendImport', importId, wav.slice().buffer)).status).toBe(
      200,
    );
    await disk.fill();
    expect(await call('recordings.finishImport', importId)).toEqual(diskFull(wav.length));
    await disk.free();
    const after = (await call('recordings.list', demo.id)).body.result as RecordingSummary[];
    expect(after).toEqual(before);
  });

  it('refuses settings, a diagnosis and a baseline, each with the bytes it was storing', async () => {
    const recordings = (await call('recordings.list', demo.id)).body.result as RecordingSummary[];
    await disk.fill();
    expect(await call('settings.set', { language: 'zh-CN' })).toEqual(diskFull(4096));

    const diagnosis = await call('diagnoses.run', recordings[0].id);
    expect(diagnosis).toMatchObject({ status: 507, body: { error: { code: 'disk-full' } } });
    const neededBytes = (diagnosis.body.error as unknown as { params: { neededBytes: number } })
      .params.neededBytes;
    expect(neededBytes).toBeGreaterThanOrEqual(4096);

    const jobId = (
      await call(
        'baselines.build',
        demo.id,
        recordings.map((r) => r.id),
      )
    ).body.result as string;
    let job: JobStatus<BaselineSummary>;
    do {
      job = (await call('baselines.job', jobId)).body.result as JobStatus<BaselineSummary>;
    } while (job.state === 'running');
    expect(job.state).toBe('failed');
    expect(job.error).toMatchObject({ code: 'disk-full', reason: 'disk-full' });
    expect(job.error?.params.neededBytes).toBeGreaterThan(4096);
  });
});
