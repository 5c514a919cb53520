/**
 * The hub in Chromium, on a real PostgreSQL cluster: the page sends a visitor without a session
 * to the sign-in page (in the browser's language), signing in brings the page back, and it lists
 * only the machines of the person's plant.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { screenshot, STARTUP_TIMEOUT_MS } from './support.ts';

const PASSWORD = 'a password long enough';
let cluster: PostgresCluster;
let folder: string;
let hub: Hub;

/** Signs `name` in through the JSON route and makes a machine as them. */
async function machineAs(name: string, machineName: string): Promise<void> {
  const signIn = await fetch(new URL('hub/sign-in', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, password: PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const made = await fetch(new URL('api/machines/create', hub.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({
      args: [{ id: randomUUID(), name: machineName, lineFrequencyHz: 50 }],
    }),
  });
  expect(made.status).toBe(200);
}

beforeAll(async () => {
  cluster = await startPostgresCluster();
  folder = await mkdtemp(join(tmpdir(), 'auscult-hub-e2e-'));
  const url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const clock = { now: () => new Date(), newId: randomUUID };
  await addUser(pool, clock, {
    name: 'Li Wei',
    role: 'technician',
    password: PASSWORD,
    plants: ['North'],
  });
  await addUser(pool, clock, {
    name: 'Sam',
    role: 'technician',
    password: PASSWORD,
    plants: ['South'],
  });
  await pool.end();
  if ((await rendererBuildReason(DEFAULT_RENDERER_DIR)) !== null) {
    await buildRenderer(DEFAULT_RENDERER_DIR);
  }
  hub = await startHub({ databaseUrl: url, port: 0, workFolder: folder });
  await machineAs('Li Wei', 'Lathe North');
  await machineAs('Sam', 'Mill South');
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await hub?.close();
  await cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});

describe('the hub in a browser', () => {
  for (const [locale, title, button] of [
    ['en-US', 'Sign in to Auscult Hub', 'Sign in'],
    ['zh-CN', '登录 Auscult 中心服务器', '登录'],
  ] as const) {
    it(`sends a visitor to sign in and back to the plant's machines (${locale})`, async () => {
      let browser: TestBrowser | null = null;
      try {
        browser = await launchBrowser([], locale);
        const page = await browser.context.newPage();
        await page.goto(hub.url);
        await page.waitForURL(/\/hub\/sign-in\?notice=ended$/, { timeout: 30_000 });
        await page.getByRole('heading', { name: title }).waitFor();
        await screenshot(page, `hub-sign-in-${locale}`);
        await page.locator('input[name=name]').fill('Li Wei');
        await page.locator('input[name=password]').fill(PASSWORD);
        await page.getByRole('button', { name: button }).click();
        await page.waitForURL(hub.url);
        await page.getByRole('button', { name: /Lathe North/ }).waitFor({ timeout: 30_000 });
        expect(await page.getByRole('button', { name: /Mill South/ }).count()).toBe(0);
        await screenshot(page, `hub-machines-${locale}`);
      } finally {
        await browser?.close();
      }
    }, 90_000);
  }
});
