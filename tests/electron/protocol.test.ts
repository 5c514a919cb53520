import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../shared/api/httpProtocol.ts';
import { APP_ENTRY_URL, isAppUrl } from '../../electron/appOrigin.ts';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../electron/protocol.ts';

let folder: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-protocol-'));
  await mkdir(join(folder, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(folder, 'renderer', 'index.html'), '<!doctype html><title>page</title>');
  await writeFile(join(folder, 'renderer', 'assets', 'main.js'), 'export {};');
  await writeFile(join(folder, 'secret.txt'), 'secret');
  handle = createAppProtocolHandler({ rendererDir: join(folder, 'renderer'), readFile });
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('registers app as a standard, secure scheme that does not bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP');
  });

  it('serves the entry page with its type, the CSP and nosniff', async () => {
    const response = await handle(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>page</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['app://auscult/', 200],
    ['app://auscult/assets/main.js', 200],
    ['app://auscult/assets/missing.js', 404],
    ['app://auscult/..%2fsecret.txt', 400],
    ['app://auscult/assets/..%2F..%2Fsecret.txt', 400],
    ['app://auscult/..%5csecret.txt', 400],
    ['app://auscult/%2e%2e/secret.txt', 404],
    ['app://other/index.html', 404],
    ['app://auscult:81/index.html', 404],
  ])('answers %s with %i and never the file outside the page folder', async (url, status) => {
    const response = await handle(new Request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toBe('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handle(
      new Request('app://auscult/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://auscult', true],
    ['app://auscult/index.html#/machines', true],
    ['app://auscult.evil/', false],
    ['app://evil/', false],
    ['https://auscult/', false],
    ['file:///auscult/index.html', false],
    ['app://user:pass@auscult/', false],
    ['not a url', false],
    ['', false],
  ])('%j is the app origin: %s', (url, own) => {
    expect(isAppUrl(url)).toBe(own);
  });
});
