/**
 * End to end in Chromium, two web hosts each with its own library: a technician drops a phone
 * recording (MP3) on a machine and sends it for review; the expert's library opens the bundle as
 * a read-only review (not among its machines), the expert records a correcting verdict and sends
 * it back; the technician opens the reply and sees the verdict on the diagnosis and in the
 * fault log. Screenshots of the Reviews list and the read-only review, in English and Chinese,
 * at 1366×768, go to /work/shots/s18/ (AUSCULT_SHOTS_DIR to change it).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
import { fixture } from '../node/audio/decoders/hostileFiles.ts';
import { dropFiles, openSession, STARTUP_TIMEOUT_MS } from './support.ts';
import type { Session } from './support.ts';

const SHOTS = process.env.AUSCULT_SHOTS_DIR ?? '/work/shots/s18';

let technician: Session;
let expert: Session;
let techApi: AuscultApi;
let recordingId: string;
let diagnosisId: string;
let bundlePath: string;
let replyPath: string;

beforeAll(async () => {
  [technician, expert] = await Promise.all([openSession(), openSession()]);
  techApi = createHttpApi({ origin: new URL(technician.host.url).origin });
  bundlePath = join(technician.tempDir, 'sent.auscult');
  replyPath = join(expert.tempDir, 'reply.auscult');
  await mkdir(SHOTS, { recursive: true });
}, STARTUP_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all([technician?.close(), expert?.close()]);
});

async function shot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function setName(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.evaluate((person) => localStorage.setItem('auscult.personName', person), name);
}

async function downloadBy(page: Page, button: string, path: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await download.saveAs(path);
  return download.suggestedFilename();
}

describe('review bundles between two libraries', () => {
  it('sends a dropped phone recording for review', async () => {
    const page = technician.page;
    await setName(page, technician.host.url, 'Li Wei');
    await page.reload();
    await page.getByRole('button', { name: /Demo lathe/ }).click();
    await page.getByRole('heading', { name: /Demo lathe/ }).waitFor();
    await dropFiles(page, 'Drop recordings here', [
      { name: 'memo.mp3', bytes: fixture('faulty.mp3') },
    ]);
    const row = page.getByRole('row', { name: /memo\.mp3/ });
    await row.getByRole('cell', { name: /^MP3 / }).waitFor();
    const [demo] = await techApi.machines.list();
    const memo = (await techApi.recordings.list(demo.id)).find((r) => r.name === 'memo.mp3')!;
    recordingId = memo.id;
    diagnosisId = (await techApi.diagnoses.run(recordingId)).id;
    await techApi.faultLog.add(diagnosisId, 'Grinding from the gearbox', 'Li Wei');
    await page.goto(`${technician.host.url}#/review/${recordingId}`);
    const name = await downloadBy(page, 'Send for review', bundlePath);
    expect(name).toMatch(/^Demo-lathe-\d{4}-\d\d-\d\d\.auscult$/);
    expect((await readFile(bundlePath)).subarray(0, 2).toString()).toBe('PK');
  }, 90_000);

  it('opens it in a second library as a read-only review, and the expert corrects it', async () => {
    const page = expert.page;
    await setName(page, expert.host.url, 'Dr Wen');
    await page.goto(`${expert.host.url}#/reviews`);
    // Dropped a second time while the first is still opening: it is opened once, and the page
    // says so (a second open would end on "was already open").
    const begun: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/bundles/beginOpen')) begun.push(request.url());
    });
    const bundle = [{ name: 'review.auscult', bytes: await readFile(bundlePath) }];
    await dropFiles(page, 'Drop a review bundle or a reply here', bundle);
    await dropFiles(page, 'Drop a review bundle or a reply here', bundle);
    await page.getByRole('status').filter({ hasText: 'Opened the review of' }).waitFor();
    const row = page.getByRole('row', { name: /Demo lathe/ });
    await row.waitFor();
    await page.waitForTimeout(1000);
    expect(begun).toHaveLength(1);
    await page.getByRole('status').filter({ hasText: 'Opened the review of' }).waitFor();
    await expect(row.textContent()).resolves.toContain('Li Wei');
    await expect(row.textContent()).resolves.toContain('Read-only review');
    await shot(page, 'reviews-list-en');
    // The review's machine is not among the expert's own.
    const expertApi = createHttpApi({ origin: new URL(expert.host.url).origin });
    expect((await expertApi.machines.list()).map((m) => m.id)).not.toContain(
      (await expertApi.bundles.reviews())[0].machineId,
    );
    await row.getByRole('link').click();
    const origin = page.getByRole('region', { name: 'Review from another library' });
    await origin.getByText('Read-only review sent by Li Wei').waitFor();
    await origin.getByText('“Grinding from the gearbox” — Li Wei').waitFor();
    const panel = page.locator('.expert-verdict-panel');
    await panel.getByLabel('Correct it').waitFor();
    await page.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor();
    // Nothing of a read-only review is saved to this library's fault log.
    expect(await page.getByRole('button', { name: 'Save to fault log' }).count()).toBe(0);
    await shot(page, 'read-only-review-en');
    const automatic = (await expertApi.diagnoses.list(recordingId))[0].report.causes[0]?.id;
    await panel.getByLabel('Correct it').check();
    await panel
      .getByLabel('Cause', { exact: true })
      .selectOption(automatic === 'looseness' ? 'misalignment' : 'looseness');
    await panel.getByLabel("Expert's name").fill('Dr Wen');
    await panel.getByRole('button', { name: 'Record verdict' }).click();
    await panel.getByRole('status').filter({ hasText: 'Verdict recorded.' }).waitFor();
    expect(await downloadBy(page, 'Send verdict back', replyPath)).toMatch(/^reply-.*\.auscult$/);
    for (const [lang, label] of [
      ['zh-CN', 'Language'],
      ['en', '语言'],
    ] as const) {
      await page.getByLabel(label).selectOption(lang);
      if (lang === 'zh-CN') {
        await page.getByRole('button', { name: '回复结论' }).waitFor();
        await shot(page, 'read-only-review-zh-CN');
        await page.goto(`${expert.host.url}#/reviews`);
        await page.getByRole('heading', { name: '收到的审核' }).waitFor();
        await page.getByRole('row', { name: /只读审核/ }).waitFor();
        await shot(page, 'reviews-list-zh-CN');
      }
    }
  }, 90_000);

  it('opens the reply in the first library: the verdict is on the diagnosis and in the fault log', async () => {
    const page = technician.page;
    await page.goto(`${technician.host.url}#/reviews`);
    await dropFiles(page, 'Drop a review bundle or a reply here', [
      { name: 'reply.auscult', bytes: await readFile(replyPath) },
    ]);
    await page
      .getByRole('status')
      .filter({ hasText: 'The reply of Dr Wen put 1 verdict(s) on your diagnoses' })
      .waitFor();
    const verdicts = await techApi.verdicts.list(diagnosisId);
    expect(verdicts).toMatchObject([{ decision: 'correct', expertName: 'Dr Wen' }]);
    await page.goto(`${technician.host.url}#/fault-log`);
    const badge = page.locator('tbody tr[data-entry-id] .verdict-badge.verdict-correct');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toContain('Expert: corrected to');
    await page.goto(`${technician.host.url}#/review/${recordingId}`);
    const line = page.locator('.expert-verdict-panel .expert-verdict[data-decision="correct"]');
    await line.waitFor();
    await expect(line.textContent()).resolves.toContain('by Dr Wen');
    expect(technician.pageErrors).toEqual([]);
    expect(expert.pageErrors).toEqual([]);
  }, 90_000);
});
