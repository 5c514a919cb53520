import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../shared/api/httpProtocol.ts';
import { PAGE_HTML, PAGE_SCRIPT, SECRET, rawRequest, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

let host: TestHost;

beforeAll(async () => {
  host = await startTestHost();
});
afterAll(() => host.stop());

describe('the web host serving the page', () => {
  it('serves index.html at / with the CSP and the other security headers', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(PAGE_HTML);
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each([
    ['/app.js', 'text/javascript; charset=utf-8', PAGE_SCRIPT],
    ['/assets/style.css', 'text/css; charset=utf-8', 'body { margin: 0 }'],
  ])('serves %s as %s', async (path, contentType, content) => {
    const response = await fetch(host.origin + path);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(await response.text()).toBe(content);
  });

  it('says nobody is signed in to a hub here (/hub/me is null, not a 404)', async () => {
    const response = await fetch(`${host.origin}/hub/me`);
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${host.origin}/app.js`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(PAGE_SCRIPT.length));
    expect(await response.text()).toBe('');
  });

  it.each(['/missing.js', '/assets', '/machines/abc'])('answers 404 for %s', async (path) => {
    const response = await fetch(host.origin + path);
    expect(response.status).toBe(404);
  });

  it('refuses to change files with POST', async () => {
    const response = await fetch(`${host.origin}/index.html`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  // Sent verbatim by node:http; the secret lies next to the page folder.
  it.each([
    ['/../secret.txt', 404],
    ['/%2e%2e/secret.txt', 404],
    ['/..%2fsecret.txt', 400],
    ['/assets/..%2f..%2fsecret.txt', 400],
    ['/..%5csecret.txt', 400],
    ['/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 400],
    ['/%00index.html', 400],
    ['/%E0%A4%A', 400],
  ])('never serves the file outside the page folder for %s (status %i)', async (path, status) => {
    const response = await rawRequest(host.port, {
      path,
      headers: { Host: `127.0.0.1:${host.port}` },
    });
    expect(response.status).toBe(status);
    expect(response.body).not.toContain(SECRET);
  });
});
