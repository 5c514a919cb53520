/**
 * Live listening from a desktop linked to a hub (issue 13's technician works on the desktop):
 * a hub on a throwaway PostgreSQL cluster, a desktop web host with its own library linked to it
 * as the technician, a lathe made there and synced. The technician's Chromium (fake microphone
 * playing a simulated spindle unbalance, loopback) asks an expert from the desktop's own page,
 * whose /hub/live the host relays to the hub with its device token; the hub's expert (another
 * Chromium, on the hub's page) joins, sees the 1× line within 5 %, and asks for 10 s on site.
 * The recording is made and diagnosed on the desktop, synced, and found on the hub through the
 * hub's API, as the expert, diagnosed as unbalance. The demo machine (never synced) gets "sync
 * this machine first". Prints "Ask an expert" → first sound at the expert and the remote record
 * request → the recording on the hub.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildRenderer, rendererBuildReason } from '../../node/web/rendererBuild.ts';
import { DEFAULT_RENDERER_DIR } from '../../node/web/server.ts';
import { createLatheWithBaseline, hostApi } from '../helpers/deskLathe.ts';
import { startTestWebHost } from '../helpers/webHost.ts';
import type { TestWebHost } from '../helpers/webHost.ts';
import { PASSWORD, startSyncHub } from '../node/hub/syncFixture.ts';
import type { SyncHub } from '../node/hub/syncFixture.ts';
import {
  fakeMicrophone,
  hearsSpindleLine,
  liveShot,
  livePerson,
  peaksHz,
  signedInToHub,
  writeUnbalanceWav,
} from './liveSupport.ts';
import type { Person } from './liveSupport.ts';
import { STARTUP_TIMEOUT_MS } from './support.ts';

const LATHE = 'Lathe 3';
let hub: SyncHub;
let desk: TestWebHost;
let deskOrigin: string;
let folder: string;
let wavPath: string;
let latheId: string;

/** Polls `probe` every 250 ms until it gives a value; fails after `timeoutMs`. */
async function until<T>(probe: () => Promise<T | null>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen in ${timeoutMs} ms`);
    await new Promise((wake) => setTimeout(wake, 250));
  }
}

beforeAll(async () => {
  if ((await rendererBuildReason(DEFAULT_RENDERER_DIR)) !== null) {
    await buildRenderer(DEFAULT_RENDERER_DIR);
  }
  folder = await mkdtemp(join(tmpdir(), 'auscult-live-desk-e2e-'));
  [hub, desk, wavPath] = await Promise.all([
    startSyncHub(),
    startTestWebHost(STARTUP_TIMEOUT_MS),
    writeUnbalanceWav(folder),
  ]);
  deskOrigin = new URL(desk.url).origin;
  await hostApi(deskOrigin).hubLink.connect({ url: hub.hub.url, name: 'tech', password: PASSWORD });
  latheId = await createLatheWithBaseline(deskOrigin, LATHE);
  await until(
    async () =>
      (await hub.pool.query('SELECT 1 FROM baselines WHERE machine_id = $1', [latheId])).rows[0] ??
      null,
    60_000,
    'the lathe and its baseline reaching the hub',
  );
}, 4 * STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await desk?.stop();
  await hub?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** The hub's diagnoses of `recordingId`, asked through the hub's API on the expert's page. */
async function hubDiagnoses(expertPage: Page, recordingId: string) {
  return expertPage.evaluate(async (id) => {
    const response = await fetch('/api/diagnoses/list', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ args: [id] }),
    });
    if (!response.ok) return { status: response.status, causes: [] as string[] };
    const body = (await response.json()) as { result: { report: { causes: { id: string }[] } }[] };
    return { status: 200, causes: body.result.map((d) => d.report.causes[0]?.id ?? '') };
  }, recordingId);
}

it('asks an expert from the linked desktop, records there and the recording reaches the hub', async () => {
  const people: Person[] = [];
  try {
    const tech = await livePerson(fakeMicrophone(wavPath));
    people.push(tech);
    await tech.page.goto(`${desk.url}#/record`);
    const record = tech.page.getByRole('region', { name: 'Record' });
    // The first field of Input (its label's name also holds the options' text).
    const machine = tech.page.locator('.record-input select').first();
    const ask = tech.page.getByRole('button', { name: 'Ask an expert' });
    await ask.waitFor({ timeout: 30_000 });
    // The hub's own screens stay on the hub: the desktop's bar offers no queue or live requests.
    await expect(tech.page.getByRole('link', { name: 'Live requests' }).count()).resolves.toBe(0);

    // The demo machine never syncs: the hub does not know it, and the page says what to do.
    await machine.selectOption({ label: 'Demo lathe' });
    await ask.click();
    await tech.page.getByText('sync this machine first').waitFor();

    await machine.selectOption({ label: LATHE });
    await expect
      .poll(() => record.getByRole('button', { name: 'Record', exact: true }).isEnabled(), {
        timeout: 30_000,
      })
      .toBe(true);
    const expert = await signedInToHub(hub.hub.url, 'expert', PASSWORD, '#/live');
    people.push(expert);
    await expert.page.getByText('No technician is asking for an expert now.').waitFor();

    const askedAt = Date.now();
    await ask.click();
    const join = expert.page.getByRole('button', { name: `Join the call for ${LATHE}` });
    await join.waitFor();
    await join.click();
    const joinedAt = Date.now();
    await tech.page.getByText('Listening now: expert').waitFor();
    const call = expert.page.locator('.live-call');
    await call.and(expert.page.locator('[data-first-audio-ms]')).waitFor({ timeout: 30_000 });
    const heardAt = Date.now();
    const pageMs = Number(await call.getAttribute('data-first-audio-ms'));
    await expect
      .poll(() => hearsSpindleLine(expert.page), { timeout: 30_000, interval: 500 })
      .toBe(true);
    console.log(
      `live from a desktop: "Ask an expert" to first sound at the expert ${heardAt - askedAt} ms ` +
        `(of which Join to first sound ${heardAt - joinedAt} ms by the test's clock, ` +
        `${pageMs} ms by the expert page's own); strongest lines ` +
        `${(await peaksHz(expert.page)).join(', ')} Hz`,
    );
    await liveShot(tech.page, 'live-desktop-technician-en-1366x768');

    const requestedAt = Date.now();
    await expert.page.getByRole('button', { name: 'Record 10 s on site' }).click();
    await tech.page.getByText('expert asked for a recording: recording on site…').waitFor();
    const done = expert.page.locator('.live-record[data-record-phase="done"]');
    await done.waitFor({ timeout: 90_000 });
    const announcedMs = Date.now() - requestedAt;
    expect(await done.locator('[data-cause-id]').getAttribute('data-cause-id')).toBe('unbalance');
    const link = await done.getByRole('link').getAttribute('href');
    const recordingId = decodeURIComponent((link ?? '').replace('#/review/', ''));
    // Recorded on the desktop: the id is the desktop library's, and the same on the hub.
    const local = await hostApi(deskOrigin).recordings.list(latheId);
    expect(local.map((r) => r.id)).toContain(recordingId);
    const onHub = await until(
      async () => {
        const answer = await hubDiagnoses(expert.page, recordingId);
        return answer.causes.length > 0 ? answer : null;
      },
      60_000,
      'the recording and its diagnosis reaching the hub',
    );
    const arrivedMs = Date.now() - requestedAt;
    expect(onHub.causes[0]).toBe('unbalance');
    console.log(
      `live from a desktop: "Record 10 s on site" to the result at the expert ${announcedMs} ms, ` +
        `to the diagnosed recording on the hub ${arrivedMs} ms`,
    );
    await liveShot(expert.page, 'live-desktop-expert-recorded-en-1366x768');

    await tech.page.getByRole('button', { name: 'End call' }).click();
    await expert.page.getByText('The technician ended the call.').waitFor();
    for (const person of people) expect(person.errors).toEqual([]);
  } finally {
    for (const person of people) await person.browser.close();
  }
}, 300_000);
