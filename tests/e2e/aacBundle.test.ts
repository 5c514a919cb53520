/**
 * End to end in Chromium, two web hosts each with its own library: M4A (AAC) recordings dropped
 * on a machine are decoded by the technician's page; the faulty one is sent for review, and the
 * expert's library, whose host cannot decode AAC either, opens the bundle from the WAV carried
 * beside the M4A: the recording is AAC there, its M4A byte for byte, its diagnosis the worn gear,
 * and its review page analyses it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import type { AuscultApi, BaselineSummary, JobStatus } from '../../shared/api/contract.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';
import { fixture } from '../node/audio/decoders/hostileFiles.ts';
import { dropFiles, openSession, screenshot, STARTUP_TIMEOUT_MS } from './support.ts';
import type { Session } from './support.ts';

let technician: Session;
let expert: Session;
let techApi: AuscultApi;
let expertApi: AuscultApi;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  [technician, expert] = await Promise.all([openSession(), openSession()]);
  techApi = createHttpApi({ origin: new URL(technician.host.url).origin });
  expertApi = createHttpApi({ origin: new URL(expert.host.url).origin });
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all([technician?.close(), expert?.close()]);
});

/** Drops `name` on the machine page and waits for its row to say AAC. */
async function dropM4a(name: string): Promise<void> {
  const page = technician.page;
  await dropFiles(page, 'Drop recordings here', [{ name, bytes: fixture(name) }]);
  const row = page.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });
  await row
    .getByRole('cell', { name: /^AAC \d+ kbit\/s, 44\.1 kHz$/ })
    .waitFor({ timeout: 60_000 });
}

async function buildBaseline(machineId: string, recordingId: string): Promise<void> {
  const jobId = await techApi.baselines.build(machineId, [recordingId]);
  let status: JobStatus<BaselineSummary>;
  do {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await techApi.baselines.job(jobId);
  } while (status.state !== 'done' && status.state !== 'failed');
  expect(status.error).toBeNull();
}

describe('a review bundle of an M4A recording', () => {
  let recordingId: string;
  const bundlePath = () => join(technician.tempDir, 'memo.auscult');

  it('sends an M4A dropped on a machine for review', async () => {
    const machine = await techApi.machines.create(simLatheProfile);
    const page = technician.page;
    await page.goto(`${technician.host.url}#/machines/${machine.id}`);
    await dropM4a('healthy.m4a');
    const [healthy] = await techApi.recordings.list(machine.id);
    await buildBaseline(machine.id, healthy.id);
    await dropM4a('faulty.m4a');
    const faulty = (await techApi.recordings.list(machine.id)).find(
      (r) => r.name === 'faulty.m4a',
    )!;
    recordingId = faulty.id;
    expect((await techApi.diagnoses.run(recordingId)).report.causes[0]?.id).toBe('gear-wear');
    await page.goto(`${technician.host.url}#/review/${recordingId}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Send for review' }).click(),
    ]);
    await download.saveAs(bundlePath());
  }, 240_000);

  it('opens in a second library: AAC, the M4A byte for byte, the worn gear, analysed', async () => {
    const page = expert.page;
    await page.goto(`${expert.host.url}#/reviews`);
    await page.locator('input[type=file][accept=".auscult"]').setInputFiles(bundlePath());
    await page
      .getByRole('status')
      .filter({ hasText: 'Opened the review of' })
      .waitFor({ timeout: 60_000 });
    const [review] = await expertApi.bundles.reviews();
    const [recording] = await expertApi.recordings.list(review.machineId);
    expect(recording.id).toBe(recordingId);
    expect(recording.codec).toMatchObject({ code: 'aac', sampleRateHz: 44_100, channelCount: 1 });
    expect(recording.original).toEqual({ format: 'm4a', sizeBytes: fixture('faulty.m4a').length });
    const [diagnosis] = await expertApi.diagnoses.list(recordingId);
    expect(diagnosis.report.causes[0]?.id).toBe('gear-wear');
    const sent = new Uint8Array(await techApi.recordings.audio(recordingId));
    expect(sha256(new Uint8Array(await expertApi.recordings.audio(recordingId)))).toBe(
      sha256(sent),
    );
    await page
      .getByRole('row', { name: /Simulated lathe/ })
      .getByRole('link')
      .click();
    await page
      .getByRole('heading', { name: 'Diagnosis', exact: true })
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'aac-bundle-review');
    expect(technician.pageErrors).toEqual([]);
    expect(expert.pageErrors).toEqual([]);
  }, 120_000);

  it('imports an M4A whose sample entry holds HE-AAC’s core rate at the decoder’s rate', async () => {
    const page = technician.page;
    const machine = await techApi.machines.create({ ...simLatheProfile, id: 'he-aac' });
    await page.goto(`${technician.host.url}#/machines/${machine.id}`);
    const bytes = new Uint8Array(
      readFileSync(join(import.meta.dirname, '../fixtures/aac/sbr-signalled.m4a')),
    );
    await dropFiles(page, 'Drop recordings here', [{ name: 'he.m4a', bytes }]);
    const row = page.getByRole('row', { name: /he\.m4a/ });
    await row
      .getByRole('cell', { name: /^AAC \d+ kbit\/s, 44\.1 kHz$/ })
      .waitFor({ timeout: 60_000 });
    const [recording] = await techApi.recordings.list(machine.id);
    // The sample entry says 22.05 kHz; the config signals SBR, which decodes at 44.1 kHz.
    expect(recording.sampleRateHz).toBe(44_100);
    expect(recording.original).toEqual({ format: 'm4a', sizeBytes: bytes.length });
    expect(Math.abs(recording.durationSeconds - 4)).toBeLessThan(0.1);
    expect(technician.pageErrors).toEqual([]);
  }, 120_000);
});
