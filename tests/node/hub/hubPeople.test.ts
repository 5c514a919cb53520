/**
 * The hub's people on a real PostgreSQL cluster: migrations, `auscult hub add-user`, Argon2id
 * passwords, sign-in with its limits and audit log, sessions and device tokens.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../node/cli/main.ts';
import { hashPassword, verifyPassword } from '../../../node/hub/passwords.ts';
import { createSignInLimiter, MAX_FAILURES } from '../../../node/hub/rateLimit.ts';
import {
  BROWSER_IDLE_SECONDS,
  endSession,
  revokeDevices,
  sessionUser,
} from '../../../node/hub/sessions.ts';
import { signIn } from '../../../node/hub/signIn.ts';
import { migratePostgresDatabase } from '../../../node/store/postgres/postgresStore.ts';
import { POSTGRES_MIGRATIONS } from '../../../node/store/postgres/migrations.ts';
import { startPostgresCluster } from '../../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../../helpers/postgresCluster.ts';

let cluster: PostgresCluster;
let folder: string;
let url: string;
let pool: pg.Pool;
beforeAll(async () => {
  cluster = await startPostgresCluster();
  folder = await mkdtemp(join(tmpdir(), 'auscult-hub-people-'));
  url = await cluster.newDatabase();
  pool = new pg.Pool({ connectionString: url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { status, stdout, stderr };
}

async function passwordFile(password: string): Promise<string> {
  const path = join(folder, `${randomUUID()}.txt`);
  await writeFile(path, `${password}\n`);
  return path;
}

/** A clock the test moves; ids are random. */
function testClock(start = new Date('2026-12-04T08:00:00Z')) {
  let now = start.getTime();
  return { now: () => new Date(now), newId: randomUUID, advance: (s: number) => (now += s * 1000) };
}

describe('hub migrate and add-user', () => {
  it('migrates once, even when two hubs migrate at the same time', async () => {
    const fresh = await cluster.newDatabase();
    const runs = await Promise.all([
      migratePostgresDatabase(fresh),
      migratePostgresDatabase(fresh),
    ]);
    expect(runs.flat().sort()).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    const again = await cli('hub', 'migrate', '--database', fresh);
    expect(again).toMatchObject({ status: 0, stdout: expect.stringContaining('up to date') });
  });

  it('adds a person whose password is stored as an Argon2id hash, never as itself', async () => {
    expect((await cli('hub', 'migrate', '--database', url)).status).toBe(0);
    const file = await passwordFile('correct horse battery');
    const added = await cli(
      'hub',
      'add-user',
      '--database',
      url,
      '--name',
      'Li Wei',
      '--role',
      'technician',
      '--plant',
      'Suzhou',
      '--password-file',
      file,
    );
    expect(added).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('technician "Li Wei"'),
    });
    const { rows } = await pool.query(
      `SELECT u.password_hash, p.name AS plant FROM users u
       JOIN user_plants up ON up.user_id = u.id JOIN plants p ON p.id = up.plant_id
       WHERE u.name = 'Li Wei'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].plant).toBe('Suzhou');
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0].password_hash).not.toContain('correct horse');
    const twice = await cli(
      'hub',
      'add-user',
      '--database',
      url,
      '--name',
      'Li Wei',
      '--role',
      'expert',
      '--plant',
      'Suzhou',
      '--password-file',
      file,
    );
    expect(twice).toMatchObject({ status: 1, stderr: expect.stringContaining('already exists') });
  });

  it.each([
    [['hub'], 'expected the subcommand'],
    [['hub', 'migrate'], '--database expects a URL'],
    [['hub', 'migrate', '--database', 'mysql://x'], '--database expects a URL'],
    [
      ['hub', 'add-user', '--database', 'postgres://h/d', '--name', 'A', '--role', 'boss'],
      '--role expects',
    ],
    [
      [
        'hub',
        'add-user',
        '--database',
        'postgres://h/d',
        '--name',
        'A',
        '--role',
        'expert',
        '--password-file',
        'f',
      ],
      'needs at least one --plant',
    ],
    [
      ['hub', 'add-user', '--database', 'postgres://h/d', '--name', 'A', '--role', 'admin'],
      '--password-file F is required',
    ],
  ])('refuses %j as wrong usage', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('refuses a short password and an unreachable database as bad input', async () => {
    const short = await cli(
      'hub',
      'add-user',
      '--database',
      url,
      '--name',
      'Short',
      '--role',
      'admin',
      '--password-file',
      await passwordFile('short'),
    );
    expect(short).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('at least 12 characters'),
    });
    const nowhere = await cli('hub', 'migrate', '--database', `postgres://auscult@127.0.0.1:1/x`);
    expect(nowhere).toMatchObject({ status: 1, stderr: expect.stringContaining('Cannot connect') });
  });
});

describe('passwords', () => {
  it('verifies the right password only, and never a malformed hash', async () => {
    const hash = await hashPassword('a long enough password');
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
    expect(await verifyPassword('a long enough passworD', hash)).toBe(false);
    expect(
      await verifyPassword('a long enough password', hash.replace('argon2id', 'argon2i')),
    ).toBe(false);
    expect(await hashPassword('a long enough password')).not.toBe(hash);
  });
});

describe('signing in', () => {
  it('gives a session for the right password and refuses a wrong one, both audited', async () => {
    const clock = testClock();
    const limiter = createSignInLimiter();
    const request = { name: 'Li Wei', address: '10.0.0.5', kind: 'browser' as const };
    const wrong = await signIn(pool, clock, limiter, { ...request, password: 'wrong password' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    const right = await signIn(pool, clock, limiter, {
      ...request,
      password: 'correct horse battery',
    });
    if (!right.ok) throw new Error('the right password was refused');
    expect(right.user).toMatchObject({
      name: 'Li Wei',
      role: 'technician',
      plantIds: [expect.any(String)],
    });
    expect((await sessionUser(pool, clock, right.token))?.name).toBe('Li Wei');
    const { rows } = await pool.query(
      `SELECT action, address FROM audit_log WHERE action LIKE 'sign%' ORDER BY seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['sign-in-failed', 'signed-in']),
    );
    const stored = await pool.query('SELECT token_sha256 FROM sessions');
    expect(stored.rows.map((r) => r.token_sha256)).not.toContain(right.token);
  });

  it('refuses attempts after repeated wrong passwords, per account and per address', async () => {
    const clock = testClock();
    const limiter = createSignInLimiter();
    for (let i = 0; i < MAX_FAILURES; i++) {
      const result = await signIn(pool, clock, limiter, {
        name: 'Li Wei',
        password: `guess ${i}`,
        address: '10.0.0.9',
        kind: 'browser',
      });
      expect(result).toEqual({ ok: false, reason: 'invalid' });
    }
    // Even the right password waits now, from that address and for that account elsewhere.
    const limited = await signIn(pool, clock, limiter, {
      name: 'Li Wei',
      password: 'correct horse battery',
      address: '10.0.0.1',
      kind: 'browser',
    });
    expect(limited).toMatchObject({ ok: false, reason: 'rate-limited' });
    const otherAccount = await signIn(pool, clock, limiter, {
      name: 'Nobody',
      password: 'whatever it is',
      address: '10.0.0.9',
      kind: 'browser',
    });
    expect(otherAccount).toMatchObject({ ok: false, reason: 'rate-limited' });
    clock.advance(16 * 60);
    const later = await signIn(pool, clock, limiter, {
      name: 'Li Wei',
      password: 'correct horse battery',
      address: '10.0.0.9',
      kind: 'browser',
    });
    expect(later.ok).toBe(true);
  });

  it('ends idle browser sessions, signed-out sessions and revoked device tokens', async () => {
    const clock = testClock();
    const limiter = createSignInLimiter();
    const request = { name: 'Li Wei', password: 'correct horse battery', address: '10.0.0.7' };
    const browser = await signIn(pool, clock, limiter, { ...request, kind: 'browser' });
    const device = await signIn(pool, clock, limiter, {
      ...request,
      kind: 'device',
      deviceName: 'Laptop 3',
    });
    const signedOut = await signIn(pool, clock, limiter, { ...request, kind: 'browser' });
    if (!browser.ok || !device.ok || !signedOut.ok) throw new Error('sign-in refused');
    await endSession(pool, clock, signedOut.token);
    expect(await sessionUser(pool, clock, signedOut.token)).toBeNull();
    clock.advance(BROWSER_IDLE_SECONDS + 1);
    expect(await sessionUser(pool, clock, browser.token)).toBeNull();
    expect((await sessionUser(pool, clock, device.token))?.name).toBe('Li Wei');
    expect(await revokeDevices(pool, clock, device.user.id)).toBeGreaterThanOrEqual(1);
    expect(await sessionUser(pool, clock, device.token)).toBeNull();
    expect(await sessionUser(pool, clock, 'not a token')).toBeNull();
  });
});
