/** Bundles written for download, on the app:// protocol: streamed as an attachment by token. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../electron/appOrigin.ts';
import { createAppProtocolHandler } from '../../electron/protocol.ts';

let folder: string;
let handle: (request: Request) => Promise<Response>;
const bytes = new Uint8Array(5000).map((_, i) => (i * 7) % 256);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-protocol-bundles-'));
  await writeFile(join(folder, 'b.part'), bytes);
  handle = createAppProtocolHandler({
    rendererDir: join(folder, 'renderer'),
    readFile,
    bundleFile: (token) =>
      token === 'tok-1'
        ? { path: join(folder, 'b.part'), fileName: '车床-2026-03-02.auscult' }
        : null,
  });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('bundles on the app:// protocol', () => {
  it('streams a bundle as an attachment under its name', async () => {
    const response = await handle(new Request(`${APP_ORIGIN}/media/bundles/tok-1.auscult`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="__-2026-03-02.auscult"; filename*=UTF-8''${encodeURIComponent('车床-2026-03-02.auscult')}`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  it('answers 404 for an unknown or malformed token', async () => {
    for (const path of ['tok-2.auscult', '../b.part', 'tok-1.zip']) {
      const response = await handle(new Request(`${APP_ORIGIN}/media/bundles/${path}`));
      expect(response.status).toBe(404);
    }
  });
});
