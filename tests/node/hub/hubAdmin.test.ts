/**
 * The admin's routes on a real hub and PostgreSQL cluster: users, plants, device tokens and the
 * audit log; refused without a session (401) and for every other role (403); no answer holds a
 * password hash or a token; every change is in the audit log, newest first, by page.
 */
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../node/hub/people.ts';
import { startHub } from '../../../node/hub/server.ts';
import type { Hub } from '../../../node/hub/server.ts';
import { HUB_PASSWORD as PASSWORD, startHubDatabase } from '../../helpers/hubDatabase.ts';
import type { HubDatabase } from '../../helpers/hubDatabase.ts';

let database: HubDatabase;
let hub: Hub;
let pool: pg.Pool;
const cookies: Record<string, string> = {};
const ROLES_TRIED: Role[] = ['technician', 'expert', 'supervisor'];

beforeAll(async () => {
  const people = Object.fromEntries(
    [...ROLES_TRIED, 'admin' as Role].map((role) => [role, { role, plants: ['North'] }]),
  );
  database = await startHubDatabase(people, 'hub-admin');
  pool = database.pool;
  hub = await startHub({ databaseUrl: database.url, port: 0, workFolder: database.folder });
  for (const role of [...ROLES_TRIED, 'admin']) cookies[role] = await signIn(role);
});
afterAll(async () => {
  await hub?.close();
  await database?.close();
});

async function signIn(name: string, deviceName?: string): Promise<string> {
  const response = await fetch(new URL('hub/sign-in', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD, deviceName }),
  });
  expect(response.status).toBe(200);
  if (deviceName !== undefined) return ((await response.json()) as { token: string }).token;
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function admin(who: string | null, path: string, body?: unknown) {
  const response = await fetch(new URL(`hub/admin/${path}`, hub.url), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(who ? { Cookie: cookies[who] } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // The answers' shapes are what the test checks; reading them loosely keeps the checks short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, text, body: JSON.parse(text) as { result?: any } };
}

const READS = ['users', 'plants', 'audit', 'devices?userId=x'];
const CHANGES: [string, unknown][] = [
  ['users', { name: 'x', role: 'admin', password: PASSWORD, plantIds: [] }],
  ['users/disabled', { userId: 'x', disabled: true }],
  ['users/plants', { userId: 'x', plantIds: [] }],
  ['plants', { name: 'x' }],
  ['plants/rename', { plantId: 'x', name: 'y' }],
  ['devices/revoke', { userId: 'x', deviceId: null }],
];

describe("the hub's admin routes", () => {
  it('refuses them without a session (401) and to every role but admin (403)', async () => {
    for (const [path, body] of [...READS.map((p) => [p, undefined] as const), ...CHANGES]) {
      expect((await admin(null, path, body)).status, path).toBe(401);
      for (const role of ROLES_TRIED) {
        expect((await admin(role, path, body)).status, `${role} ${path}`).toBe(403);
      }
    }
    const { rows } = await pool.query(`SELECT 1 FROM plants WHERE name = 'x'`);
    expect(rows).toEqual([]);
  });

  it('adds and renames plants, adds a user who can sign in, sets plants and disables', async () => {
    const south = (await admin('admin', 'plants', { name: 'South' })).body.result;
    expect((await admin('admin', 'plants', { name: 'South' })).status).toBe(400);
    const renamed = await admin('admin', 'plants/rename', { plantId: south.id, name: 'South 2' });
    expect(renamed.body.result).toEqual({ id: south.id, name: 'South 2' });
    const plants = (await admin('admin', 'plants')).body.result as { name: string }[];
    expect(plants.map((p) => p.name)).toEqual(['North', 'South 2']);

    const weak = { name: 'wen', role: 'expert', password: 'short', plantIds: [south.id] };
    expect((await admin('admin', 'users', weak)).status).toBe(400);
    const added = await admin('admin', 'users', { ...weak, password: PASSWORD });
    expect(added.body.result).toMatchObject({ name: 'wen', role: 'expert', plantIds: [south.id] });
    cookies.wen = await signIn('wen');
    const listed = await admin('admin', 'users');
    expect(listed.text).not.toMatch(/argon2|password/i);
    const wen = (listed.body.result as { name: string; id: string }[]).find(
      (u) => u.name === 'wen',
    );
    expect(wen).toMatchObject({ role: 'expert', disabled: false, plantIds: [south.id] });

    const north = plants.find((p) => p.name === 'North') as unknown as { id: string };
    await admin('admin', 'users/plants', { userId: added.body.result.id, plantIds: [north.id] });
    const me = await fetch(new URL('hub/me', hub.url), { headers: { Cookie: cookies.wen } });
    expect(((await me.json()) as { plantIds: string[] }).plantIds).toEqual([north.id]);

    await admin('admin', 'users/disabled', { userId: added.body.result.id, disabled: true });
    const after = await fetch(new URL('api/machines/list', hub.url), {
      method: 'POST',
      headers: { Cookie: cookies.wen, 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(after.status).toBe(401);
  });

  it("lists a user's devices without their tokens and revokes one, then all", async () => {
    const first = await signIn('technician', 'Laptop 7');
    const second = await signIn('technician', 'Tablet 2');
    const users = (await admin('admin', 'users')).body.result as { id: string; name: string }[];
    const tech = users.find((u) => u.name === 'technician') as { id: string };
    const listed = await admin('admin', `devices?userId=${tech.id}`);
    expect(listed.text).not.toContain(first);
    const devices = listed.body.result as { id: string; name: string; revoked: boolean }[];
    expect(devices.map((d) => [d.name, d.revoked])).toEqual([
      ['Tablet 2', false],
      ['Laptop 7', false],
    ]);
    const bearer = (token: string) =>
      fetch(new URL('api/machines/list', hub.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{"args":[]}',
      }).then((response) => response.status);
    expect([await bearer(first), await bearer(second)]).toEqual([200, 200]);
    const laptop = devices[1].id;
    const one = await admin('admin', 'devices/revoke', { userId: tech.id, deviceId: laptop });
    expect(one.body.result).toEqual({ revoked: 1 });
    expect([await bearer(first), await bearer(second)]).toEqual([401, 200]);
    const all = await admin('admin', 'devices/revoke', { userId: tech.id, deviceId: null });
    expect(all.body.result).toEqual({ revoked: 1 });
    expect(await bearer(second)).toBe(401);
  });

  it('reads the audit log newest first, by page, with who, what and from where', async () => {
    const first = (await admin('admin', 'audit?limit=3')).body.result;
    expect(first.lines.map((line: { action: string }) => line.action)).toEqual([
      'devices-revoked',
      'devices-revoked',
      'signed-in',
    ]);
    expect(first.lines[0]).toMatchObject({
      userName: 'admin',
      address: expect.stringMatching(/127\.0\.0\.1/),
    });
    const next = (await admin('admin', `audit?limit=200&before=${first.nextBeforeSeq}`)).body
      .result;
    expect(next.lines[0].seq).toBeLessThan(first.lines[2].seq);
    const actions = next.lines.map((line: { action: string }) => line.action);
    for (const action of [
      'user-disabled',
      'user-plants-set',
      'user-added',
      'plant-renamed',
      'plant-added',
    ]) {
      expect(actions).toContain(action);
    }
    expect(next.nextBeforeSeq).toBeNull();
    expect((await admin('admin', 'audit?limit=0')).status).toBe(400);
  });
});
