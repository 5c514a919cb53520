/**
 * A client that goes away while an answer streams to it (a closed tab, a skipped track) is not
 * the host's failure: no stack on the log, and the host keeps answering.
 */
import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import type { MachineSummary, RecordingSummary } from '../../../shared/api/contract.ts';
import { apiPath, JSON_CONTENT_TYPE } from '../../../shared/api/httpProtocol.ts';
import { recordingMediaPath } from '../../../node/api/mediaUrls.ts';
import { postJson, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

let host: TestHost;
let recording: RecordingSummary;
let logged: MockInstance<typeof console.error>;

beforeAll(async () => {
  host = await startTestHost();
  const [demo] = (await postJson(host.origin, 'machines.list', [])).body.result as MachineSummary[];
  [recording] = (await postJson(host.origin, 'recordings.list', [demo.id])).body
    .result as RecordingSummary[];
});
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
  it.each([
    ['a binary API answer', apiPath('recordings.audio'), 'POST', true],
    ['a streamed recording', '', 'GET', false],
  ])('costs no stack trace: %s', async (_what, path, method, isApi) => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const target = path === '' ? recordingMediaPath(recording.id) : path;
    const body = isApi ? JSON.stringify({ args: [recording.id] }) : undefined;
    expect(await leaveMidAnswer(target, method, body)).toBe(200);
    // The host still answers, and what it logged (if anything) is single lines.
    const after = await postJson(host.origin, 'machines.list', []);
    expect(after.status).toBe(200);
    for (const args of logged.mock.calls) {
      expect(args).toHaveLength(1);
      expect(String(args[0])).not.toMatch(/\n\s+at /);
    }
  });
});
