import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiPath,
  JSON_CONTENT_TYPE,
  TOKEN_COOKIE,
  TOKEN_HEADER,
  TOKEN_QUERY_PARAMETER,
} from '../../../shared/api/httpProtocol.ts';
import {
  cookieValue,
  generateToken,
  isLoopbackHost,
  tokensMatch,
} from '../../../node/web/access.ts';
import { PAGE_HTML, postJson, rawRequest, startTestHost } from './webHostFixture.ts';
import type { TestHost } from './webHostFixture.ts';

describe('access rules', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['::1', true],
    ['[::1]', true],
    ['127.0.0.2', false],
    ['0.0.0.0', false],
    ['192.168.1.20', false],
    ['::', false],
  ])('treats %s as a loopback bind without token: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it('generates distinct 43-character base64url tokens', () => {
    const tokens = new Set(Array.from({ length: 20 }, generateToken));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ['the same token', 'abc', 'abc', true],
    ['a prefix', 'abcdef', 'abc', false],
    ['a longer string', 'abc', 'abcdef', false],
    ['an empty string', 'abc', '', false],
    ['another token', 'abc', 'abd', false],
  ])('compares %s in constant time: %s', (_name, expected, candidate, match) => {
    expect(tokensMatch(expected, candidate)).toBe(match);
  });

  it.each([
    ['auscult_token=t1', 't1'],
    ['a=1; auscult_token=t2; b=3', 't2'],
    ['xauscult_token=t3', null],
    ['a=1', null],
    [undefined, null],
  ])('reads the token cookie from %s', (header, value) => {
    expect(cookieValue(header, TOKEN_COOKIE)).toBe(value);
  });
});

describe('a loopback host without token', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(() => host.stop());

  it('needs no token and prints a URL without one', async () => {
    expect(host.host.token).toBeNull();
    expect(host.host.url).toBe(`${host.origin}/`);
    expect((await postJson(host.origin, 'settings.get', [])).status).toBe(200);
  });

  it.each([`localhost`, `127.0.0.1`])('answers to the Host %s:PORT', async (name) => {
    const response = await rawRequest(host.port, {
      path: '/',
      headers: { Host: `${name}:${host.port}` },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a Host header naming another site (DNS rebinding)', async () => {
    const response = await rawRequest(host.port, {
      path: apiPath('settings.get'),
      method: 'POST',
      headers: { Host: `evil.example:${host.port}`, 'Content-Type': JSON_CONTENT_TYPE },
      body: '{"args":[]}',
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body)).toEqual({
      error: {
        code: 'unauthorized',
        reason: 'unauthorized',
        params: {},
        message: 'The request names another host.',
      },
    });
  });

  it.each([
    ['an Origin of another site', { Origin: 'http://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another local port)', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses an API call carrying %s', async (_name, headers) => {
    const response = await rawRequest(host.port, {
      path: apiPath('settings.get'),
      method: 'POST',
      headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': JSON_CONTENT_TYPE, ...headers },
      body: '{"args":[]}',
    });
    expect(response.status).toBe(403);
  });

  it('accepts an API call from its own origin', async () => {
    const { status } = await postJson(host.origin, 'settings.get', [], {
      Origin: host.origin,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(status).toBe(200);
  });
});

// Linux routes all of 127.0.0.0/8 to the loopback interface: 127.0.0.2 stands for "another
// address" without exposing anything to the network.
describe('a host bound to another address', () => {
  let host: TestHost;
  let token: string;
  beforeAll(async () => {
    host = await startTestHost({ host: '127.0.0.2' });
    token = host.host.token ?? '';
  });
  afterAll(() => host.stop());

  it('generates a token and prints it in the URL', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.host.url).toBe(`http://127.0.0.2:${host.port}/?${TOKEN_QUERY_PARAMETER}=${token}`);
  });

  it.each([
    ['the page without token', '/', {}],
    ['an asset without token', '/app.js', {}],
    ['the page with a wrong token', `/?${TOKEN_QUERY_PARAMETER}=wrong`, {}],
    ['the page with a wrong cookie', '/', { Cookie: `${TOKEN_COOKIE}=wrong` }],
  ])('answers 401 to %s', async (_name, path, headers) => {
    const response = await fetch(`${host.origin}${path}`, { headers });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Auscult test page');
  });

  it('answers 401 to an API call without token', async () => {
    const { status, body } = await postJson(host.origin, 'settings.get', []);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('unauthorized');
  });

  it('serves the page opened with the token and sets an HttpOnly SameSite=Strict cookie', async () => {
    const response = await fetch(host.host.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE_HTML);
    expect(response.headers.get('set-cookie')).toBe(
      `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  it('accepts the token from the cookie and from the header', async () => {
    const byCookie = await postJson(host.origin, 'settings.get', [], {
      Cookie: `${TOKEN_COOKIE}=${token}`,
    });
    const byHeader = await postJson(host.origin, 'settings.get', [], { [TOKEN_HEADER]: token });
    expect([byCookie.status, byHeader.status]).toEqual([200, 200]);
  });

  it('does not take the token from the query of an API call', async () => {
    const response = await fetch(
      `${host.origin}${apiPath('settings.get')}?${TOKEN_QUERY_PARAMETER}=${token}`,
      {
        method: 'POST',
        headers: { 'Content-Type': JSON_CONTENT_TYPE },
        body: '{"args":[]}',
      },
    );
    expect(response.status).toBe(401);
  });
});
