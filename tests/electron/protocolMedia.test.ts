import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../electron/appOrigin.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../electron/protocol.ts';

let folder: string;
let handle: (request: Request) => Promise<Response>;
const bytes = new Uint8Array(1000).map((_, i) => i % 251);
const looked: string[] = [];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-protocol-media-'));
  await writeFile(join(folder, 'rec-1.wav'), bytes);
  handle = createAppProtocolHandler({
    rendererDir: join(folder, 'renderer'),
    readFile,
    recordingFile: async (id) => {
      looked.push(id);
      return id === 'rec-1' ? join(folder, 'rec-1.wav') : null;
    },
  });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const url = `${APP_ORIGIN}/media/recordings/rec-1.wav`;

describe('recordings on the app:// protocol', () => {
  it('registers the scheme for streaming, as media elements need', () => {
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ stream: true });
  });

  it('serves a listed recording whole with its type and Accept-Ranges', async () => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it.each([
    ['bytes=0-9', 0, 9],
    ['bytes=500-599', 500, 599],
    ['bytes=-10', 990, 999],
  ])('answers Range %s with 206 and those bytes', async (range, start, end) => {
    const response = await handle(new Request(url, { headers: { Range: range } }));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes.slice(start, end + 1));
  });

  it('answers an unsatisfiable range with 416', async () => {
    const response = await handle(new Request(url, { headers: { Range: 'bytes=1000-' } }));
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */1000');
  });

  it.each([
    [`${APP_ORIGIN}/media/recordings/other.wav`, 404],
    [`${APP_ORIGIN}/media/recordings/..%2frec-1.wav`, 404],
    [`${APP_ORIGIN}/media/recordings/rec-1.partial`, 404],
    ['app://elsewhere/media/recordings/rec-1.wav', 404],
  ])('answers %s with %i', async (address, status) => {
    expect((await handle(new Request(address))).status).toBe(status);
  });

  it('asks the library only for well-formed ids, never for a path', () => {
    expect(looked.every((id) => /^[\w-]+$/.test(id))).toBe(true);
    expect(looked).toContain('other');
  });
});
