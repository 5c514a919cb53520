/**
 * A desktop connects to a hub from its page (Chromium, the web host with its own library, a hub
 * on a throwaway PostgreSQL cluster): the Hub panel signs in once, a machine made on the
 * desktop reaches the hub in the background, and "Sync now" shows nothing left to send.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { simLatheProfileJson } from '../../shared/simulation/profiles.ts';
import { startSyncHub } from '../node/hub/syncFixture.ts';
import type { SyncHub } from '../node/hub/syncFixture.ts';
import { connectFromHubPanel, ensureRendererBuilt } from './hubDesktop.ts';
import { openSession, screenshot, STARTUP_TIMEOUT_MS } from './support.ts';
import type { Session } from './support.ts';

let hub: SyncHub;
let session: Session;

beforeAll(async () => {
  await ensureRendererBuilt();
  [hub, session] = await Promise.all([startSyncHub(), openSession()]);
}, STARTUP_TIMEOUT_MS * 2);

afterAll(async () => {
  await session?.close();
  await hub?.close();
});

async function hubMachineNames(): Promise<string[]> {
  const { rows } = await hub.pool.query('SELECT name FROM machines ORDER BY name');
  return rows.map((row) => String(row.name));
}

it('connects from the Hub panel and syncs a new machine in the background', async () => {
  const { page } = session;
  await page.goto(session.host.url);
  await connectFromHubPanel(page, hub.hub.url, 'tech');
  // A machine made on the desktop goes up without anyone asking.
  const made = await page.evaluate(async (profile) => {
    const response = await fetch('/api/machines/create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [profile] }),
    });
    return response.status;
  }, simLatheProfileJson);
  expect(made).toBe(200);
  const deadline = Date.now() + 20_000;
  while (!(await hubMachineNames()).includes(simLatheProfileJson.name) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await hubMachineNames()).toEqual([simLatheProfileJson.name]);
  await page.getByRole('button', { name: 'Sync now' }).click();
  // The pass ended: its time is shown (a background pass may have pushed but not yet pulled).
  await page.getByText(/^Last sync: \d/).waitFor({ timeout: 20_000 });
  await page.getByText('Waiting to be sent: 0 changes, 0 MB of audio.').waitFor();
  await screenshot(page, 'hub-link-connected');
  expect(session.pageErrors).toEqual([]);
}, 90_000);
