/**
 * People on the hub in Chromium, on a real PostgreSQL cluster: an expert signs in, lands on the
 * queue of diagnoses awaiting review, opens one on Review, records a verdict, and the item leaves
 * the queue; a queue longer than a page asks for its next page once, even on a double click; an
 * admin adds a user and revokes a technician's device, whose bearer token is then refused (401).
 * Screenshots of the queue and the admin screen at 1366×768 in both languages go to
 * /work/shots/s18/ (and test-output/e2e/).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeArgsHeader } from '../../shared/api/httpProtocol.ts';
import { addUser } from '../../node/hub/people.ts';
import { startHub } from '../../node/hub/server.ts';
import type { Hub } from '../../node/hub/server.ts';
import { migratePostgresDatabase } from '../../node/store/postgres/postgresStore.ts';
import { buildRenderer, rendererBuildReason } from '../../node/web/rendererBuild.ts';
import { DEFAULT_RENDERER_DIR } from '../../node/web/server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { startPostgresCluster } from '../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../helpers/postgresCluster.ts';
import { healthyWav, screenshot, STARTUP_TIMEOUT_MS } from './support.ts';

const PASSWORD = 'a password long enough';
const SHOTS = '/work/shots/s18';
/** The queue's page (renderer/features/queue/useReviewQueue.ts QUEUE_PAGE_ITEMS). */
const QUEUE_PAGE_ITEMS = 50;
/** Recordings awaiting review in the paging test: more than a page, fewer than two. */
const QUEUE_COPIES = QUEUE_PAGE_ITEMS + 10;
/** How long a count on the page may take to settle. */
const POLL = { timeout: 15_000 };
let cluster: PostgresCluster;
let folder: string;
let hub: Hub;
let deviceToken: string;
let databaseUrl: string;

async function signInJson(name: string, deviceName?: string) {
  const response = await fetch(new URL('hub/sign-in', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD, deviceName }),
  });
  expect(response.status).toBe(200);
  return {
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0],
    token: deviceName ? ((await response.json()) as { token: string }).token : '',
  };
}

/** Calls `method` as the holder of `cookie`; a binary `body` goes as the request body. */
async function apiCall(cookie: string, method: string, args: unknown[], body?: Uint8Array) {
  const response = await fetch(new URL(`api/${method.replace('.', '/')}`, hub.url), {
    method: 'POST',
    headers: body
      ? {
          'Content-Type': 'application/octet-stream',
          'X-Auscult-Args': encodeArgsHeader(args),
          Cookie: cookie,
        }
      : { 'Content-Type': 'application/json', Cookie: cookie },
    body: body ? Buffer.from(body) : JSON.stringify({ args }),
  });
  expect(response.status, method).toBe(200);
  return ((await response.json()) as { result: unknown }).result;
}

/** A technician of North makes a machine, imports a recording and diagnoses it. */
async function seedRecording(cookie: string): Promise<void> {
  const machine = (await apiCall(cookie, 'machines.create', [
    { id: 'lathe-north', name: 'Lathe North', lineFrequencyHz: 50 },
  ])) as { id: string };
  const wav = healthyWav(7);
  const importId = await apiCall(cookie, 'recordings.beginImport', [
    machine.id,
    'north-shift-1.wav',
    wav.byteLength,
  ]);
  await apiCall(cookie, 'recordings.appendImport', [importId], wav);
  const recording = (await apiCall(cookie, 'recordings.finishImport', [importId])) as {
    id: string;
  };
  await apiCall(cookie, 'diagnoses.run', [recording.id]);
}

beforeAll(async () => {
  cluster = await startPostgresCluster();
  folder = await mkdtemp(join(tmpdir(), 'auscult-hub-people-e2e-'));
  await mkdir(SHOTS, { recursive: true });
  const url = await cluster.newDatabase();
  databaseUrl = url;
  await migratePostgresDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const clock = { now: () => new Date(), newId: randomUUID };
  const people = [
    ['Li Wei', 'technician', ['North']],
    ['Dr Wen', 'expert', ['North']],
    ['Ada', 'admin', []],
  ] as const;
  for (const [name, role, plants] of people) {
    await addUser(pool, clock, { name, role, password: PASSWORD, plants });
  }
  await pool.end();
  if ((await rendererBuildReason(DEFAULT_RENDERER_DIR)) !== null) {
    await buildRenderer(DEFAULT_RENDERER_DIR);
  }
  hub = await startHub({ databaseUrl: url, port: 0, workFolder: folder });
  const technician = await signInJson('Li Wei');
  await seedRecording(technician.cookie);
  deviceToken = (await signInJson('Li Wei', 'Laptop 7')).token;
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await hub?.close();
  await cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function signInInBrowser(browser: TestBrowser, name: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(45_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(hub.url);
  await page.waitForURL(/\/hub\/sign-in/, { timeout: 30_000 });
  await page.locator('input[name=name]').fill(name);
  await page.locator('input[name=password]').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  return page;
}

/** The same view in both languages, at 1366×768, into /work/shots/s18 and test-output/e2e. */
async function shootBothLanguages(page: Page, name: string, heading: RegExp): Promise<void> {
  for (const lang of ['en', 'zh-CN'] as const) {
    await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`) });
    await screenshot(page, `${name}-${lang}`);
  }
  await page.getByLabel(/^(Language|语言)$/).selectOption('en');
}

describe('people on the hub, in a browser', () => {
  it('shows an expert the queue; a verdict recorded on Review takes the item off it', async () => {
    let browser: TestBrowser | null = null;
    try {
      browser = await launchBrowser();
      const page = await signInInBrowser(browser, 'Dr Wen');
      await page.waitForURL(/#\/queue$/, { timeout: 30_000 });
      const row = page.locator('tbody tr').filter({ hasText: 'Lathe North' });
      await row.waitFor();
      // The plant's own cell: the machine's name holds 'North' too.
      await row.getByRole('cell', { name: 'North', exact: true }).waitFor({ timeout: 5_000 });
      await expect(row.textContent()).resolves.toContain('north-shift-1.wav');
      expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
      await shootBothLanguages(page, 'hub-queue', /^(Awaiting review|待审核)$/);

      await row.getByRole('link', { name: 'Review' }).click();
      await page.waitForURL(/#\/review\//);
      const panel = page.locator('.expert-verdict-panel');
      await panel.getByLabel('Correct it').check({ timeout: 30_000 });
      await panel.getByLabel('Cause', { exact: true }).selectOption('looseness');
      await panel.getByLabel("Expert's name").fill('Dr Wen');
      await panel.getByRole('button', { name: 'Record verdict' }).click();
      await panel.getByRole('status').filter({ hasText: 'Verdict recorded.' }).waitFor();

      await page.getByRole('link', { name: 'Awaiting review' }).click();
      await page.getByText('Nothing awaits review').waitFor();
      expect(await page.locator('tbody tr').filter({ hasText: 'Lathe North' }).count()).toBe(0);
    } finally {
      await browser?.close();
    }
  }, 120_000);

  it('pages the queue, and a double click on "Show more" asks for the next page once', async () => {
    // More recordings awaiting review than one page holds: copies of the seeded one, each with
    // its diagnosis (the first test's verdict judged only the original).
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    const copy = (table: string, changes: string) =>
      pool.query(
        `INSERT INTO ${table} OVERRIDING SYSTEM VALUE
         SELECT (jsonb_populate_record(null::${table}, to_jsonb(t) || ${changes})).*
         FROM ${table} t, generate_series(1, ${QUEUE_COPIES}) g`,
      );
    await copy('recordings', `jsonb_build_object('id', t.id || '-' || g, 'seq', t.seq + 1000 * g)`);
    await copy(
      'diagnoses',
      `jsonb_build_object('id', t.id || '-' || g, 'recording_id', t.recording_id || '-' || g,
        'seq', t.seq + 1000 * g)`,
    );
    await pool.end();
    let browser: TestBrowser | null = null;
    try {
      browser = await launchBrowser();
      const page = await signInInBrowser(browser, 'Dr Wen');
      const cursors: unknown[] = [];
      let pending = 0;
      page.on('request', (request) => {
        if (!request.url().endsWith('/api/review/queue')) return;
        pending++;
        cursors.push((request.postDataJSON() as { args: [{ cursor: unknown }] }).args[0].cursor);
      });
      page.on('requestfinished', (request) => {
        if (request.url().endsWith('/api/review/queue')) pending--;
      });
      await page.waitForURL(/#\/queue$/, { timeout: 30_000 });
      const rows = page.locator('tbody tr');
      await expect.poll(() => rows.count(), POLL).toBe(QUEUE_PAGE_ITEMS);
      await page.getByRole('button', { name: 'Show more' }).dblclick();
      await expect.poll(() => rows.count(), POLL).toBe(QUEUE_COPIES);
      await expect.poll(() => pending, POLL).toBe(0);
      expect(await rows.count()).toBe(QUEUE_COPIES);
      expect(cursors.filter((cursor) => cursor !== null)).toHaveLength(1);
    } finally {
      await browser?.close();
    }
  }, 120_000);

  it('lets an admin add a user and revoke a device, whose token is then refused', async () => {
    const bearer = () =>
      fetch(new URL('api/machines/list', hub.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${deviceToken}`, 'Content-Type': 'application/json' },
        body: '{"args":[]}',
      }).then((response) => response.status);
    expect(await bearer()).toBe(200);
    let browser: TestBrowser | null = null;
    try {
      browser = await launchBrowser();
      const page = await signInInBrowser(browser, 'Ada');
      await page.waitForURL(/#\/queue$/, { timeout: 30_000 });
      await page.getByRole('link', { name: 'Admin' }).click();
      await page.getByRole('button', { name: 'Manage Li Wei' }).click();
      await page.getByRole('cell', { name: 'Laptop 7', exact: true }).waitFor();
      await shootBothLanguages(page, 'hub-admin', /^(Admin|管理)$/);

      const form = page.locator('form.admin-form');
      await form.getByLabel('Name').fill('Mei Lin');
      await form.getByLabel('Role').selectOption('expert');
      await form.getByLabel('First password').fill(PASSWORD);
      await form.getByLabel('North').check();
      await form.getByRole('button', { name: 'Add user' }).click();
      await page.getByRole('button', { name: 'Manage Mei Lin' }).waitFor();
      await expect(signInJson('Mei Lin')).resolves.toMatchObject({ cookie: /auscult_hub/ });

      await page.getByRole('button', { name: 'Revoke Laptop 7' }).click();
      await page.getByRole('cell', { name: 'Revoked', exact: true }).waitFor();
      expect(await bearer()).toBe(401);
      await page
        .getByRole('cell', { name: 'devices-revoked', exact: true })
        .waitFor({ state: 'attached' });

      // More lines than a page of the audit log: a double click on Show older lists the next
      // page once (the lines are numbered, so a page listed twice shows its numbers twice).
      const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
      await pool.query(
        `INSERT INTO audit_log (at, action, detail)
         SELECT now() - interval '1 day', 'e2e-old', jsonb_build_object('n', g)
         FROM generate_series(1, 120) g`,
      );
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM audit_log');
      await pool.end();
      await page.reload();
      await page.getByRole('button', { name: 'Show older' }).dblclick();
      const lines = page.locator('section[aria-labelledby=audit-title] tbody tr');
      await expect.poll(() => lines.count(), POLL).toBe(100);
      // Switching the language keeps the pages listed, and Show older still lists the next.
      await page.getByLabel(/^(Language|语言)$/).selectOption('zh-CN');
      await page.getByRole('heading', { name: '审计日志' }).waitFor();
      await page.getByLabel(/^(Language|语言)$/).selectOption('en');
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      await page.waitForTimeout(500);
      expect(await lines.count()).toBe(100);
      await page.getByRole('button', { name: 'Show older' }).click();
      await expect.poll(() => lines.count(), POLL).toBe(rows[0].n);
      expect(await page.getByRole('button', { name: 'Show older' }).count()).toBe(0);
    } finally {
      await browser?.close();
    }
  }, 120_000);
});
