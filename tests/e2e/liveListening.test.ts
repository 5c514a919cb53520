/**
 * Live remote listening end to end: a real hub on a throwaway PostgreSQL cluster, and two
 * headless Chromiums on loopback (`--allow-loopback-in-peer-connection`). The technician's
 * microphone plays a simulated unbalance of the demo lathe's spindle (1× of 1480 rpm, 24.7 Hz);
 * the expert of the plant joins from "Live requests", the line shows in the expert's live peak
 * list within 5 %, "Record 10 s on site" records on the technician's page and the recording
 * lands on the hub diagnosed as unbalance; an expert of another plant cannot join; the
 * technician ending the call ends it on the expert's page, with words on both. Prints the time
 * from "Ask an expert" to the first sound at the expert; screenshots go to LIVE_SHOTS_DIR (liveSupport.ts).
 * Through a calibrated microphone the call carries the calibration: the expert sees dB SPL.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, ensurePlant } from '../../node/hub/people.ts';
import { startHub } from '../../node/hub/server.ts';
import type { Hub } from '../../node/hub/server.ts';
import { createPostgresAudioStore } from '../../node/store/postgres/audioStore.ts';
import {
  migratePostgresDatabase,
  openPostgresStore,
} from '../../node/store/postgres/postgresStore.ts';
import { buildRenderer, rendererBuildReason } from '../../node/web/rendererBuild.ts';
import { DEFAULT_RENDERER_DIR } from '../../node/web/server.ts';
import { createDemoMachine } from '../../node/workflows/demo.ts';
import { startPostgresCluster } from '../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../helpers/postgresCluster.ts';
import {
  audioBytesReceived,
  fakeMicrophone,
  hearsSpindleLine,
  liveShot as shot,
  peaksHz,
  signedInToHub,
  sendsEnabledTrack,
  writeUnbalanceWav,
} from './liveSupport.ts';
import type { Person } from './liveSupport.ts';
import { STARTUP_TIMEOUT_MS } from './support.ts';

const PASSWORD = 'a password long enough';
let cluster: PostgresCluster;
let folder: string;
let hub: Hub;
let pool: pg.Pool;
let wavPath: string;

/** The demo lathe with its baseline, made on the hub's own database and put in plant North. */
async function seedDemoMachine(url: string): Promise<void> {
  const clock = { now: () => new Date(), newId: randomUUID };
  const store = await openPostgresStore(url, clock);
  const seedFolder = join(folder, 'seed');
  await mkdir(join(seedFolder, 'cache'), { recursive: true });
  try {
    const machineId = await createDemoMachine({
      store,
      audio: createPostgresAudioStore(store.pool, join(seedFolder, 'cache')),
      stagingFolder: seedFolder,
      captureFolder: seedFolder,
      now: clock.now,
      newId: clock.newId,
    });
    const plantId = await ensurePlant(store.pool, clock, 'North');
    await store.pool.query('UPDATE machines SET plant_id = $1 WHERE id = $2', [plantId, machineId]);
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  cluster = await startPostgresCluster();
  folder = await mkdtemp(join(tmpdir(), 'auscult-live-e2e-'));
  const url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  pool = new pg.Pool({ connectionString: url, max: 2 });
  const clock = { now: () => new Date(), newId: randomUUID };
  const people = [
    ['Li Wei', 'technician', 'North'],
    ['Dr Chen', 'expert', 'North'],
    ['Dr South', 'expert', 'South'],
  ] as const;
  for (const [name, role, plant] of people) {
    await addUser(pool, clock, { name, role, password: PASSWORD, plants: [plant] });
  }
  await seedDemoMachine(url);
  wavPath = await writeUnbalanceWav(folder);
  if ((await rendererBuildReason(DEFAULT_RENDERER_DIR)) !== null) {
    await buildRenderer(DEFAULT_RENDERER_DIR);
  }
  hub = await startHub({ databaseUrl: url, port: 0, workFolder: join(folder, 'hub') });
}, 4 * STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await hub?.close();
  await pool?.end();
  await cluster?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A Chromium signed in to the hub as `name`, on `hash`; `extraArgs` add to the fake devices. */
const signedIn = (name: string, hash: string, extraArgs: string[] = []): Promise<Person> =>
  signedInToHub(hub.url, name, PASSWORD, hash, extraArgs);

/** Waits until the technician's Record screen may record (the microphone is open). */
async function recordReady(page: Page): Promise<void> {
  const record = page.getByRole('region', { name: 'Record' });
  await expect
    .poll(() => record.getByRole('button', { name: 'Record', exact: true }).isEnabled(), {
      timeout: 30_000,
    })
    .toBe(true);
}

async function language(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
}

describe('live remote listening through the hub', () => {
  it('carries the machine to the expert, records on site and ends on both sides', async () => {
    const people: Person[] = [];
    try {
      const tech = await signedIn('Li Wei', '#/record', fakeMicrophone(wavPath));
      const expert = await signedIn('Dr Chen', '#/live');
      const south = await signedIn('Dr South', '#/live');
      people.push(tech, expert, south);
      await recordReady(tech.page);
      await expert.page.getByText('No technician is asking for an expert now.').waitFor();

      const askedAt = Date.now();
      await tech.page.getByRole('button', { name: 'Ask an expert' }).click();
      const join = expert.page.getByRole('button', { name: 'Join the call for Demo lathe' });
      await join.waitFor();
      const row = expert.page.locator('.live-requests tbody tr');
      await expect(row.textContent()).resolves.toContain('Li Wei');
      await south.page.getByText('No technician is asking for an expert now.').waitFor();
      await join.click();
      const joinedAt = Date.now();
      await tech.page.getByText('Listening now: Dr Chen').waitFor();
      const call = expert.page.locator('.live-call');
      await call.and(expert.page.locator('[data-first-audio-ms]')).waitFor({ timeout: 30_000 });
      const heardAt = Date.now();
      const pageMs = Number(await call.getAttribute('data-first-audio-ms'));
      const trackMs = Number(await call.getAttribute('data-track-ms'));
      console.log(
        `live listening: "Ask an expert" to first sound at the expert ${heardAt - askedAt} ms ` +
          `(of which Join to first sound ${heardAt - joinedAt} ms by the test's clock, ` +
          `${pageMs} ms by the expert page's own, the remote track arriving after ${trackMs} ms)`,
      );

      // The unbalance line: within 5 % of 1× of the spindle, computed from the received audio.
      await expect
        .poll(() => hearsSpindleLine(expert.page), { timeout: 30_000, interval: 500 })
        .toBe(true);
      console.log(
        `live listening: expert's strongest lines ${(await peaksHz(expert.page)).join(', ')} Hz`,
      );
      // Each line's level names its unit (dBFS/Hz, on the baseline's scale when matched to it).
      const firstLine = await expert.page.locator('.live-peaks li').first().textContent();
      expect(firstLine).toMatch(/ Hz at [−-]?[\d.,]+ dBFS\/Hz/);

      // Another plant's expert is refused even with the call's id in hand.
      const callId = await call.getAttribute('data-call-id');
      const refusal = await south.page.evaluate(async (id) => {
        const socket = new WebSocket(`ws://${location.host}/hub/live`);
        return new Promise<string>((resolve) => {
          socket.onopen = () => socket.send(JSON.stringify({ type: 'join', callId: id }));
          socket.onmessage = (event) => {
            const message = JSON.parse(String(event.data)) as { type: string; code?: string };
            if (message.type === 'error') resolve(message.code ?? '');
          };
        });
      }, callId);
      expect(refusal).toBe('not-found');

      // The Opus parameters took effect: WebRTC's own statistics name them, and the bitrate.
      await call.and(expert.page.locator('[data-receive-kbps]')).waitFor();
      const codec = (await call.getAttribute('data-codec')) ?? '';
      expect(codec).toMatch(/^audio\/opus 48000 /);
      for (const parameter of [
        'maxaveragebitrate=510000',
        'stereo=0',
        'useinbandfec=1',
        'maxplaybackrate=48000',
      ]) {
        expect(codec).toContain(parameter);
      }
      console.log(
        `live listening: ${codec}, receiving ${await call.getAttribute('data-receive-kbps')} kbit/s`,
      );
      await shot(expert.page, 'live-expert-en-1366x768');
      await shot(tech.page, 'live-technician-en-1366x768');

      // Push to talk: the expert's microphone is on only while held, its audio reaches the
      // technician's connection, and the technician's page says who talks while the key is held.
      const talking = tech.page.getByText('Dr Chen is talking…');
      expect(await talking.count()).toBe(0);
      expect(await sendsEnabledTrack(expert.page)).toBe(false);
      const bytesBefore = await audioBytesReceived(tech.page);
      await expert.page.getByRole('button', { name: 'Hold to talk' }).hover();
      await expert.page.mouse.down();
      await expert.page.getByRole('button', { name: 'Talking…' }).waitFor();
      await talking.waitFor();
      expect(await sendsEnabledTrack(expert.page)).toBe(true);
      await expect
        .poll(() => audioBytesReceived(tech.page), { timeout: 60_000, interval: 500 })
        .toBeGreaterThan(bytesBefore);
      await expert.page.mouse.up();
      await talking.waitFor({ state: 'detached' });
      expect(await sendsEnabledTrack(expert.page)).toBe(false);

      await expert.page.getByRole('button', { name: 'Record 10 s on site' }).click();
      await tech.page.getByText('Dr Chen asked for a recording: recording on site…').waitFor();
      const done = expert.page.locator('.live-record[data-record-phase="done"]');
      await done.waitFor({ timeout: 90_000 });
      const causeId = await done.locator('[data-cause-id]').getAttribute('data-cause-id');
      expect(causeId).toBe('unbalance');
      const link = await done.getByRole('link').getAttribute('href');
      const recordingId = decodeURIComponent((link ?? '').replace('#/review/', ''));
      const stored = await pool.query(
        `SELECT r.duration_seconds, d.report FROM recordings r JOIN diagnoses d ON d.recording_id = r.id
         WHERE r.id = $1`,
        [recordingId],
      );
      expect(stored.rows).toHaveLength(1);
      expect(Number(stored.rows[0].duration_seconds)).toBeGreaterThan(9);
      expect((stored.rows[0].report as { causes: { id: string }[] }).causes[0].id).toBe(
        'unbalance',
      );
      await shot(expert.page, 'live-expert-recorded-en-1366x768');

      await language(expert.page, 'zh-CN');
      await language(tech.page, 'zh-CN');
      await expert.page.getByRole('button', { name: '按住说话' }).waitFor();
      await tech.page.getByRole('button', { name: '结束通话' }).waitFor();
      await shot(expert.page, 'live-expert-zh-CN-1366x768');
      await tech.page.locator('.live-ask').scrollIntoViewIfNeeded();
      await shot(tech.page, 'live-technician-zh-CN-1366x768');
      await language(expert.page, 'en');
      await language(tech.page, 'en');

      await tech.page.getByRole('button', { name: 'End call' }).click();
      await tech.page.getByText('You ended the call.').waitFor();
      await expert.page.getByText('The technician ended the call.').waitFor();
      await shot(expert.page, 'live-expert-ended-en-1366x768');
      await shot(tech.page, 'live-technician-ended-en-1366x768');
      for (const person of people) expect(person.errors).toEqual([]);
    } finally {
      for (const person of people) await person.browser.close();
    }
  }, 300_000);

  it("shows the expert dB SPL when the technician's microphone is calibrated", async () => {
    const people: Person[] = [];
    try {
      const umik = join(folder, 'umik-7000000.txt');
      await writeFile(umik, '"Sens Factor =-0.8dB, AGain =18dB"\n10 0\n1000 0\n20000 1.5\n');
      const tech = await signedIn('Li Wei', '#/record', fakeMicrophone(wavPath));
      const expert = await signedIn('Dr Chen', '#/live');
      people.push(tech, expert);
      await recordReady(tech.page);
      // The technician's input device gets its calibration on Record, as a technician does.
      await tech.page.getByText('Microphone calibration…').click();
      await tech.page.getByLabel('Calibration file (REW or miniDSP UMIK text)').setInputFiles(umik);
      await tech.page.getByRole('button', { name: 'Import calibration' }).click();
      await tech.page.getByText(/^Calibrated with umik-7000000\.txt/).waitFor();

      await tech.page.getByRole('button', { name: 'Ask an expert' }).click();
      await expert.page.getByRole('button', { name: 'Join the call for Demo lathe' }).click();
      // The call carried the calibration: the expert's axis, peaks and meter are in dB SPL.
      await expert.page
        .getByRole('img', { name: /^Live spectrum in dB SPL\/Hz from/ })
        .waitFor({ timeout: 30_000 });
      const firstLine = expert.page.locator('.live-peaks li').first();
      await firstLine.waitFor({ timeout: 30_000 });
      expect(await firstLine.textContent()).toMatch(/ Hz at [−-]?[\d.,]+ dB SPL\/Hz/);
      await expert.page.getByText(/^RMS [\d.,]+ dB SPL/).waitFor();
      await shot(expert.page, 'live-expert-calibrated-en-1366x768');

      await tech.page.getByRole('button', { name: 'End call' }).click();
      await expert.page.getByText('The technician ended the call.').waitFor();
      for (const person of people) expect(person.errors).toEqual([]);
    } finally {
      for (const person of people) await person.browser.close();
    }
  }, 180_000);
});
