/**
 * A client that goes away (a closed tab, a skipped track) is not the host's failure: at most
 * one line on the log, no stack, and the host keeps answering. The recording is 23 MB, far more
 * than the loopback socket buffers, and 4 minutes long, so the host is still streaming it, or
 * still computing its spectrogram, when the client leaves.
 */
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import type { MachineSummary, RecordingSummary } from '../../../shared/api/contract.ts';
import { apiPath, JSON_CONTENT_TYPE } from '../../../shared/api/httpProtocol.ts';
import { simpleWav } from '../../helpers/wavBytes.ts';
import { recordingMediaPath } from '../../../node/api/mediaUrls.ts';
import { appendChunk, postJson, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

let host: TestHost;
let recording: RecordingSummary;
let logged: MockInstance<typeof console.error>;

/** Imports a 4-minute 48 kHz 16-bit recording (23 MB) through the API. */
async function importLongRecording(machineId: string): Promise<RecordingSummary> {
  const samples = Array.from({ length: 240 * 48_000 }, (_, i) => Math.sin(i / 7) * 0.5);
  const wav = simpleWav({ format: 'pcm16', samples });
  const begin = await postJson(host.origin, 'recordings.beginImport', [
    machineId,
    'long.wav',
    wav.length,
  ]);
  const importId = begin.body.result as string;
  for (let offset = 0; offset < wav.length; offset += 8 * 1024 * 1024) {
    const response = await appendChunk(
      host.origin,
      importId,
      wav.subarray(offset, offset + 8 * 1024 * 1024),
    );
    expect(response.status).toBe(200);
  }
  return (await postJson(host.origin, 'recordings.finishImport', [importId])).body
    .result as RecordingSummary;
}

beforeAll(async () => {
  host = await startTestHost();
  const [demo] = (await postJson(host.origin, 'machines.list', [])).body.result as MachineSummary[];
  recording = await importLongRecording(demo.id);
}, 60_000);
afterAll(() => host.stop());
afterEach(() => logged.mockRestore());

/** Sends a request and destroys the connection at the first bytes of the answer's body. */
function leaveMidAnswer(path: string, method: string, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method,
        agent: false,
        headers: body ? { 'Content-Type': JSON_CONTENT_TYPE } : {},
      },
      (incoming) => {
        incoming.once('data', () => {
          outgoing.destroy();
          resolve(incoming.statusCode ?? 0);
        });
      },
    );
    outgoing.on('error', () => undefined);
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

describe('a client that leaves mid-answer', () => {
  it('stops streaming a recording without a word when its listener leaves', async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await leaveMidAnswer(recordingMediaPath(recording.id), 'GET')).toBe(200);
    expect((await postJson(host.origin, 'machines.list', [])).status).toBe(200);
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs one line, no stack, when the client left before a slow answer was ready', async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const outgoing = request({
      host: '127.0.0.1',
      port: host.port,
      path: apiPath('review.spectrogram'),
      method: 'POST',
      agent: false,
      headers: { 'Content-Type': JSON_CONTENT_TYPE },
    });
    outgoing.on('error', () => undefined);
    outgoing.end(JSON.stringify({ args: [recording.id, 4000] }));
    // Gone while the host reads four minutes of audio for the spectrogram.
    setTimeout(() => outgoing.destroy(), 100);
    await vi.waitFor(() => expect(logged).toHaveBeenCalledTimes(1), { timeout: 20_000 });
    expect(logged.mock.calls[0]).toEqual([
      'auscult: review.spectrogram: the client closed the connection before its answer was sent',
    ]);
    expect((await postJson(host.origin, 'machines.list', [])).status).toBe(200);
  });

  it('logs nothing for a binary API answer it had already handed to the socket', async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const body = JSON.stringify({ args: [recording.id] });
    expect(await leaveMidAnswer(apiPath('recordings.audio'), 'POST', body)).toBe(200);
    expect((await postJson(host.origin, 'machines.list', [])).status).toBe(200);
    expect(logged).not.toHaveBeenCalled();
  });
});
