/**
 * The web host's bound on large request bodies (node/web/bodyGate.ts) and what a client that
 * leaves early costs: one line on the log. No timing: each step waits for the state it needs.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
} from '../../../shared/api/httpProtocol.ts';
import { LARGE_BODY_BYTES } from '../../../node/web/bodyGate.ts';
import { startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

const LARGE_BYTES = 2 * LARGE_BODY_BYTES;

let host: TestHost;
let logged: MockInstance<typeof console.error>;

beforeAll(async () => {
  host = await startTestHost({ maxLargeBodies: 1, demo: false });
});
afterAll(() => host.stop());
afterEach(() => logged?.mockRestore());

/** Polls `condition` until it holds (the test's own timeout bounds the wait). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** A raw HTTP request to appendImport that sends its headers and `firstBytes` of its body. */
function startUpload(bodyBytes: number, firstBytes: number) {
  const socket: Socket = connect(host.port, '127.0.0.1');
  let answer = '';
  socket.setEncoding('latin1');
  socket.on('data', (text: string) => (answer += text));
  socket.on('error', () => undefined);
  socket.write(
    `POST ${apiPath('recordings.appendImport')} HTTP/1.1\r\n` +
      `Host: 127.0.0.1:${host.port}\r\n` +
      `Content-Type: ${BINARY_CONTENT_TYPE}\r\n` +
      `${ARGS_HEADER}: ${encodeArgsHeader(['imp_unknown'])}\r\n` +
      `Content-Length: ${bodyBytes}\r\nConnection: close\r\n\r\n`,
  );
  socket.write(Buffer.alloc(firstBytes, 1));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    answer: () => answer,
    /** Sends the rest of the body and resolves with the whole answer once the host closes. */
    async finish(): Promise<string> {
      socket.end(Buffer.alloc(bodyBytes - firstBytes, 1));
      await closed;
      return answer;
    },
  };
}

describe('large request bodies', () => {
  it('reads one large body at a time when the bound is 1: the next one waits its turn', async () => {
    const first = startUpload(LARGE_BYTES, 1000);
    await until(() => host.host.largeBodies().active === 1);
    const second = startUpload(LARGE_BYTES, LARGE_BYTES);
    await until(() => host.host.largeBodies().waiting === 1);
    expect(second.answer()).toBe('');

    // A small binary body (a live recording's chunk) does not queue behind the large ones.
    const small = await fetch(host.origin + apiPath('recordings.appendImport'), {
      method: 'POST',
      headers: {
        'Content-Type': BINARY_CONTENT_TYPE,
        [ARGS_HEADER]: encodeArgsHeader(['imp_unknown']),
      },
      body: new Uint8Array(4096),
    });
    expect(small.status).toBe(404);
    expect(host.host.largeBodies()).toEqual({ active: 1, waiting: 1 });

    const [firstAnswer, secondAnswer] = await Promise.all([first.finish(), second.finish()]);
    expect(firstAnswer).toMatch(/^HTTP\/1\.1 404 /);
    expect(secondAnswer).toMatch(/^HTTP\/1\.1 404 /);
    expect(host.host.largeBodies()).toEqual({ active: 0, waiting: 0 });
  });

  it('logs a client that leaves mid-body as one line, and frees its slot', async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const upload = startUpload(LARGE_BYTES, 64 * 1024);
    await until(() => host.host.largeBodies().active === 1);
    upload.socket.destroy();
    await until(() => logged.mock.calls.length > 0 && host.host.largeBodies().active === 0);
    expect(logged).toHaveBeenCalledTimes(1);
    const [line, ...rest] = logged.mock.calls[0];
    expect(rest).toEqual([]);
    expect(line).toMatch(
      /^auscult: recordings\.appendImport: the client closed the connection while sending its request \(\d+ bytes received\)$/,
    );
  });

  it('logs a client that leaves while waiting for a slot as one line', async () => {
    logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const holder = startUpload(LARGE_BYTES, 1000);
    await until(() => host.host.largeBodies().active === 1);
    const leaver = startUpload(LARGE_BYTES, 1000);
    await until(() => host.host.largeBodies().waiting === 1);
    leaver.socket.destroy();
    expect(await holder.finish()).toMatch(/^HTTP\/1\.1 404 /);
    await until(() => logged.mock.calls.length > 0);
    await until(() => host.host.largeBodies().active === 0);
    expect(logged.mock.calls).toEqual([
      [
        expect.stringMatching(
          /^auscult: recordings\.appendImport: the client closed the connection/,
        ),
      ],
    ]);
  });
});
