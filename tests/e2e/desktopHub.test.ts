/**
 * End to end, a desktop synced with a hub (issue 12, "Tests"): the web host with its own library
 * connects to a hub on a throwaway PostgreSQL cluster from its Hub panel; the technician makes a
 * machine, builds its baseline from healthy recordings, records lead-screw contamination through a
 * fake microphone, sees the automatic verdict and saves it to the fault log; the recording syncs.
 * An expert of the plant signs in on the hub in another browser, finds it awaiting review and
 * corrects the cause with a comment; the desktop pulls and shows the expert's verdict on Review and
 * in its fault log. The hub's copy of the audio has the desktop file's SHA-256. It prints the
 * seconds from Stop to the recording being on the hub and from the verdict to the desktop.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import type { FaultSpec } from '../../shared/simulation/faults.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { RECORDINGS_FOLDER } from '../../node/library/library.ts';
import { DEMO_PROFILE_JSON, DEMO_SAMPLE_RATE_HZ } from '../../node/workflows/demo.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startSyncHub } from '../node/hub/syncFixture.ts';
import type { SyncHub } from '../node/hub/syncFixture.ts';
import { connectFromHubPanel, ensureRendererBuilt, showHubPanel } from './hubDesktop.ts';
import { correctOnHub, hubAudioSha256, hubPage, SHOT_VIEWPORT } from './hubExpert.ts';
import { openSession, screenshot, STARTUP_TIMEOUT_MS, writeTempFile } from './support.ts';
import type { Session } from './support.ts';

const SHOTS = '/work/shots/s18';
/** The machine the technician adds: the demo lathe's parts under another id and name. */
const PROFILE = { ...DEMO_PROFILE_JSON, id: 'lathe-7', name: 'Lathe 7' };
const FAULT: FaultSpec[] = [{ kind: 'lead-screw-contamination', componentId: 'x-ballscrew' }];
/** Longer than the recording, so the looping fake microphone never wraps (a click). */
const MICROPHONE_SECONDS = 10;
const RECORD_SECONDS = 4.5;
/** A busy 2-core machine (another full test run shares it): generous waits. */
const SYNC_TIMEOUT_MS = 60_000;

let hub: SyncHub;
let session: Session;
let desktop: AuscultApi;
let folder: string;

function machineWav(seed: number, durationSeconds: number, faults: FaultSpec[]): Uint8Array {
  const samples = simulateMachine({
    profile: parseMachineProfile(PROFILE),
    sampleRateHz: DEMO_SAMPLE_RATE_HZ,
    durationSeconds,
    seed,
    faults,
  });
  return encodeWav([samples], DEMO_SAMPLE_RATE_HZ);
}

beforeAll(async () => {
  await ensureRendererBuilt();
  folder = await mkdtemp(join(tmpdir(), 'auscult-desktop-hub-'));
  const microphone = await writeTempFile(
    folder,
    'fault.wav',
    machineWav(6, MICROPHONE_SECONDS, FAULT),
  );
  [hub, session] = await Promise.all([
    startSyncHub(),
    openSession([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${microphone}`,
    ]),
  ]);
  desktop = createHttpApi({ origin: new URL(session.host.url).origin });
  await mkdir(SHOTS, { recursive: true });
}, STARTUP_TIMEOUT_MS * 2);

afterAll(async () => {
  await session?.close();
  await hub?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Polls `read` every 250 ms until `done` holds of its answer; fails after `timeoutMs`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Still waiting: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The machine, four healthy recordings imported and a baseline built from them. */
async function machineWithBaseline(): Promise<string> {
  const machine = await desktop.machines.create(PROFILE);
  const recordingIds: string[] = [];
  for (const seed of [1, 2, 3, 4]) {
    const wav = machineWav(seed, 4, []);
    const importId = await desktop.recordings.beginImport(
      machine.id,
      `healthy-${seed}.wav`,
      wav.byteLength,
    );
    await desktop.recordings.appendImport(importId, new Uint8Array(wav).buffer);
    recordingIds.push((await desktop.recordings.finishImport(importId)).id);
  }
  const jobId = await desktop.baselines.build(machine.id, recordingIds);
  const job = await until(
    () => desktop.baselines.job(jobId),
    (j) => j.state !== 'running',
    60_000,
  );
  expect(job.state).toBe('done');
  return machine.id;
}

/** Records the fake microphone on the machine's Record screen: the recording's id, when Stop was pressed. */
async function recordFault(page: Page): Promise<{ recordingId: string; stoppedAt: number }> {
  await page.getByRole('link', { name: 'Record', exact: true }).click();
  const screen = page.getByRole('region', { name: 'Record' });
  await screen.getByLabel('Machine').selectOption({ label: PROFILE.name });
  const record = screen.getByRole('button', { name: 'Record', exact: true });
  await expect.poll(() => record.isEnabled(), { timeout: 20_000 }).toBe(true);
  await screen.getByText('Live level shifted by', { exact: false }).waitFor({ timeout: 20_000 });
  await record.click();
  const written = () =>
    page.evaluate(() =>
      Number(/([\d.]+) s written to disk/.exec(document.body.innerText)?.[1] ?? 0),
    );
  await expect
    .poll(written, { timeout: 30_000, interval: 250 })
    .toBeGreaterThanOrEqual(RECORD_SECONDS);
  const stoppedAt = Date.now();
  await screen.getByRole('button', { name: 'Stop', exact: true }).click();
  const result = screen.getByRole('region', { name: /^Recorded “/ });
  await result
    .getByRole('heading', { name: 'Diagnosis', exact: true })
    .waitFor({ timeout: 60_000 });
  await expect(
    result.locator('[data-cause-id]').first().getAttribute('data-cause-id'),
  ).resolves.toBe('lead-screw-contamination');
  const href = await result
    .getByRole('link', { name: 'Open the recording in Review' })
    .getAttribute('href');
  return { recordingId: String(/^#\/review\/([^/]+)$/.exec(href ?? '')?.[1]), stoppedAt };
}

/** Review of the recording and the open Hub panel, in both languages, at 1366×768. */
async function shootDesktop(page: Page, recordingId: string): Promise<void> {
  await page.setViewportSize(SHOT_VIEWPORT);
  for (const lang of ['en', 'zh-CN'] as const) {
    await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
    await page.goto(`${session.host.url}#/review/${recordingId}`);
    await showHubPanel(page, false);
    await page.getByRole('heading', { name: /^(Diagnosis|诊断)$/ }).waitFor({ timeout: 30_000 });
    await page.locator('.expert-verdict-panel .expert-verdict').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, `desktop-hub-review-${lang}.png`) });
    await screenshot(page, `desktop-hub-review-${lang}`);
    await showHubPanel(page);
    await page.screenshot({ path: join(SHOTS, `desktop-hub-panel-${lang}.png`) });
    await screenshot(page, `desktop-hub-panel-${lang}`);
  }
  await page.getByLabel(/^(Language|语言)$/).selectOption('en');
}

it('syncs a recorded fault to the hub and brings the expert’s correction back', async () => {
  const { page } = session;
  await page.goto(session.host.url);
  await connectFromHubPanel(page, hub.hub.url, 'tech');
  await machineWithBaseline();
  const { recordingId, stoppedAt } = await recordFault(page);
  const result = page.getByRole('region', { name: /^Recorded “/ });
  await result.getByLabel('Note for the fault log (optional)').fill('Grinding on the x axis.');
  await result.getByLabel('Your name').fill('Li Wei');
  await result.getByRole('button', { name: 'Save to fault log' }).click();
  await result.getByText('Saved to the fault log.').waitFor();
  const savedAt = Date.now();

  // The engine pushes 2 s after a change: wait for the outbox to empty, as the panel shows it.
  await until(
    () => desktop.hubLink.status(),
    (s) => s.pendingRows === 0 && s.pendingAudioBytes === 0 && !s.syncing,
    SYNC_TIMEOUT_MS,
  );
  const toHubSeconds = (Date.now() - stoppedAt) / 1000;
  const savedToHubSeconds = (Date.now() - savedAt) / 1000;
  await showHubPanel(page);
  await page
    .getByText('Waiting to be sent: 0 changes, 0 MB of audio.')
    .waitFor({ timeout: 15_000 });
  const onHub = await hub.pool.query(
    'SELECT count(*)::int AS n FROM fault_log WHERE recording_id = $1',
    [recordingId],
  );
  expect(onHub.rows[0].n).toBe(1);
  const desktopFile = await readFile(
    join(session.host.home, RECORDINGS_FOLDER, `${recordingId}.wav`),
  );
  expect(await hubAudioSha256(hub.hub.url, recordingId)).toBe(
    createHash('sha256').update(desktopFile).digest('hex'),
  );

  const expertBrowser = await launchBrowser();
  let verdictAt: number;
  try {
    const expertPage = await hubPage(expertBrowser, hub.hub.url, 'expert');
    await correctOnHub(expertPage, PROFILE.name);
    verdictAt = Date.now();
  } finally {
    await expertBrowser.close();
  }

  await page.goto(session.host.url);
  await showHubPanel(page);
  await page.getByRole('button', { name: 'Sync now' }).click();
  const [diagnosis] = await desktop.diagnoses.list(recordingId);
  const [verdict] = await until(
    () => desktop.verdicts.list(diagnosis.id),
    (list) => list.length > 0,
    SYNC_TIMEOUT_MS,
  );
  const backSeconds = (Date.now() - verdictAt) / 1000;
  expect(verdict).toMatchObject({
    decision: 'correct',
    causeId: 'looseness',
    automaticCauseId: 'lead-screw-contamination',
    comment: 'A rattle at 2× rather than debris.',
    expertName: 'Dr Wen',
  });
  console.log(
    `Stop to on the hub: ${toHubSeconds.toFixed(1)} s (of which after the fault-log save: ` +
      `${savedToHubSeconds.toFixed(1)} s); verdict to the desktop: ${backSeconds.toFixed(1)} s`,
  );

  await page.goto(`${session.host.url}#/review/${recordingId}`);
  const line = page.locator('.expert-verdict-panel .expert-verdict[data-decision="correct"]');
  await expect(line.textContent()).resolves.toContain(
    'corrected to Mechanical looseness, by Dr Wen',
  );
  await expect(line.textContent()).resolves.toContain('A rattle at 2× rather than debris.');
  await page.goto(`${session.host.url}#/fault-log`);
  const badge = page
    .locator('tbody tr[data-entry-id]')
    .filter({ hasText: PROFILE.name })
    .locator('.verdict-badge.verdict-correct');
  await expect(badge.textContent()).resolves.toContain('Expert: corrected to Mechanical looseness');
  await shootDesktop(page, recordingId);
  expect(session.pageErrors).toEqual([]);
}, 240_000);
