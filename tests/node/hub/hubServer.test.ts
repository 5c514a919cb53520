/**
 * The hub over HTTP on a real PostgreSQL cluster: sign-in (form and JSON), and access — each
 * role refused (403) on every method it may not call, no session refused (401), another plant's
 * machine not found (404), lists holding only the caller's plants, repeated wrong passwords
 * refused (429), a request from another site refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api/methods.ts';
import type { ApiMethod } from '../../../shared/api/methods.ts';
import { addUser, ROLES } from '../../../node/hub/people.ts';
import type { Role } from '../../../node/hub/people.ts';
import { METHOD_ROLES } from '../../../node/hub/roles.ts';
import { startHub } from '../../../node/hub/server.ts';
import type { Hub } from '../../../node/hub/server.ts';
import { migratePostgresDatabase } from '../../../node/store/postgres/postgresStore.ts';
import { startPostgresCluster } from '../../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../../helpers/postgresCluster.ts';

const PASSWORD = 'a password long enough';
let cluster: PostgresCluster;
let folder: string;
let hub: Hub;
let pool: pg.Pool;

/** Who signs in: each role in plant North, and a technician of plant South. */
const PEOPLE: Record<string, { role: Role; plants: string[] }> = {
  technician: { role: 'technician', plants: ['North'] },
  expert: { role: 'expert', plants: ['North'] },
  supervisor: { role: 'supervisor', plants: ['North'] },
  admin: { role: 'admin', plants: [] },
  south: { role: 'technician', plants: ['South'] },
};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  cluster = await startPostgresCluster();
  folder = await mkdtemp(join(tmpdir(), 'auscult-hub-server-'));
  const url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  pool = new pg.Pool({ connectionString: url, max: 2 });
  const clock = { now: () => new Date(), newId: randomUUID };
  for (const [name, person] of Object.entries(PEOPLE)) {
    await addUser(pool, clock, {
      name,
      role: person.role,
      password: PASSWORD,
      plants: person.plants,
    });
  }
  hub = await startHub({ databaseUrl: url, port: 0, workFolder: folder });
  for (const name of Object.keys(PEOPLE)) cookies[name] = await signInCookie(name);
});
afterAll(async () => {
  await hub?.close();
  await pool?.end();
  await cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function signInCookie(name: string): Promise<string> {
  const response = await fetch(new URL('hub/sign-in', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
  return cookie.split(';')[0];
}

async function call(who: string | null, method: ApiMethod, args: unknown[], headers = {}) {
  const response = await fetch(new URL(`api/${method.replace('.', '/')}`, hub.url), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(who ? { Cookie: cookies[who] } : {}),
      ...headers,
    },
    body: JSON.stringify({ args }),
  });
  const body = (await response.json()) as {
    result?: unknown;
    error?: { code: string; reason: string };
  };
  return { status: response.status, body };
}

const profile = (name: string) => ({
  id: name.toLowerCase().replace(/ /g, '-'),
  name,
  lineFrequencyHz: 50,
});

describe('the hub over HTTP', () => {
  it('refuses every API call without a session (401), naming sign-in', async () => {
    for (const method of ['machines.list', 'faultLog.list', 'settings.get'] as ApiMethod[]) {
      const answer = await call(null, method, []);
      expect(answer.status).toBe(401);
      expect(answer.body.error?.reason).toBe('sign-in-required');
    }
  });

  it('refuses each role every method it may not call (403), before looking at the arguments', async () => {
    let refused = 0;
    for (const role of ROLES) {
      for (const method of API_METHODS.filter((m) => !METHOD_ROLES[m].includes(role))) {
        const answer = await call(role, method, ['x']);
        expect(answer.status, `${role} ${method}`).toBe(403);
        expect(answer.body.error?.code).toBe('forbidden');
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(20);
  });

  it("shows each plant's machines to its own people only; other plants' ids are not found", async () => {
    const north = await call('technician', 'machines.create', [profile('Lathe North')]);
    expect(north.status).toBe(200);
    const south = await call('south', 'machines.create', [profile('Mill South')]);
    const northId = (north.body.result as { id: string }).id;
    const southId = (south.body.result as { id: string }).id;
    const names = async (who: string) =>
      ((await call(who, 'machines.list', [])).body.result as { name: string }[]).map((m) => m.name);
    expect(await names('technician')).toEqual(['Lathe North']);
    expect(await names('expert')).toEqual(['Lathe North']);
    expect(await names('south')).toEqual(['Mill South']);
    expect((await names('admin')).sort()).toEqual(['Lathe North', 'Mill South']);
    for (const method of ['machines.get', 'machines.trend', 'recordings.list'] as ApiMethod[]) {
      expect((await call('south', method, [northId])).status, method).toBe(404);
      expect((await call('supervisor', method, [southId])).status, method).toBe(404);
      expect((await call('supervisor', method, [northId])).status, method).toBe(200);
    }
    expect((await call('south', 'machines.update', [northId, profile('Taken')])).status).toBe(404);
  });

  it("tells everyone that a desktop's hub link does not apply here, so the page hides its panel", async () => {
    for (const role of ROLES) {
      const answer = await call(role, 'hubLink.status', []);
      expect(answer.status, role).toBe(422);
      expect(answer.body.error?.reason, role).toBe('hub-link-not-here');
    }
  });

  it('refuses a browser request from another site even with a session', async () => {
    const answer = await call('admin', 'machines.list', [], { Origin: 'https://evil.example' });
    expect(answer.status).toBe(401);
  });

  it('gives a desktop app a device token that works as a bearer token', async () => {
    const response = await fetch(new URL('hub/sign-in', hub.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'south', password: PASSWORD, deviceName: 'Laptop 7' }),
    });
    const { token } = (await response.json()) as { token: string };
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const answer = await call(null, 'machines.list', [], { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
    expect((answer.body.result as { name: string }[]).map((m) => m.name)).toEqual(['Mill South']);
  });

  it('serves the sign-in page in the browser language', async () => {
    const zh = await fetch(new URL('hub/sign-in', hub.url), {
      headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    });
    expect(await zh.text()).toContain('登录 Auscult 中心服务器');
    const en = await fetch(new URL('hub/sign-in?notice=ended', hub.url));
    const html = await en.text();
    expect(html).toContain('Sign in to Auscult Hub');
    expect(html).toContain('Your session has ended');
  });
  // Last: its failed attempts limit this address for every account afterwards.
  it('signs in through the form, refuses a wrong password and limits repeated attempts (429)', async () => {
    const form = (password: string) =>
      fetch(new URL('hub/sign-in', hub.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: 'expert', password }).toString(),
        redirect: 'manual',
      });
    const right = await form(PASSWORD);
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/');
    const wrong = await form('not the password');
    expect(wrong.headers.get('location')).toBe('/hub/sign-in?notice=invalid');
    const json = (password: string) =>
      fetch(new URL('hub/sign-in', hub.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'expert', password }),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await json(`guess ${i}`)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const limited = await json(PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
