/**
 * End to end in Chromium: honest edges. A WAV file whose header announces 12 s but that holds
 * 0.28 s is imported with a visible warning, right after the import and on its row, in English
 * and in Chinese; Review says it is too short to analyse instead of trying. The language belongs
 * to each browser: two browsers on one host keep different languages, and the host's settings
 * are not written.
 */
import { apiPath } from '../../shared/api/httpProtocol.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { truncatedWav } from '../helpers/truncatedWav.ts';
import {
  openSessionForFile,
  screenshot,
  STARTUP_TIMEOUT_MS,
  STEP_TIMEOUT_MS,
  writeTempFile,
} from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile(async (opened) => {
  session = opened;
  page = opened.page;
  await page.goto(session.host.url);
  await page.getByRole('button', { name: /Demo lathe/ }).waitFor();
});

const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The host's stored settings, asked the way the page would (same origin, no token on 127.0.0.1). */
const hostSettings = (page: Page) =>
  page.evaluate(async () => {
    const answer = await fetch('/api/settings/get', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    return ((await answer.json()) as { result: unknown }).result;
  });

const CUT_EN = 'Cut off: 0.28 s of the 12 s the header announces.';
const SHORT_EN = 'Too short to analyse: 0.28 s, at least 0.5 s needed.';
const CUT_ZH = '文件不完整：文件头标明 12 秒，实际只有 0.28 秒。';
const SHORT_ZH = '太短，无法分析：0.28 秒，至少需要 0.5 秒。';

describe('a WAV file cut off before the length its header announces', () => {
  it('is imported with the warning right after the import and on its row', async () => {
    await page.getByRole('button', { name: /Demo lathe/ }).click();
    const file = await writeTempFile(session.tempDir, 'cut off.wav', truncatedWav(0.28, 12));
    await page.getByLabel('Recordings to import').setInputFiles(file);
    const imports = page.getByRole('list', { name: 'Imports' });
    await imports.getByText('Imported, with a warning').waitFor();
    await imports.getByText(CUT_EN).waitFor();
    const row = page.getByRole('row', { name: /cut off\.wav/ });
    await row.getByText(CUT_EN).waitFor();
    await row.getByText(SHORT_EN).waitFor();
    // The duration column (after the name, the checkbox and the verdict) shows what the file holds.
    expect((await row.getByRole('cell').allTextContents())[3]).toBe('0.28');
    await screenshot(page, '40-cut-off-imported');
  });

  it('shows the same warnings in Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    const row = page.getByRole('row', { name: /cut off\.wav/ });
    await row.getByText(CUT_ZH).waitFor();
    await row.getByText(SHORT_ZH).waitFor();
    await screenshot(page, '41-cut-off-zh');
  });

  it('says on Review that it is too short to analyse, without asking the host', async () => {
    const analyses: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/review/selection')) analyses.push(request.url());
    });
    await page.getByRole('link', { name: '回放分析' }).click();
    const link = page.getByRole('link', { name: 'cut off.wav' });
    // The picker's row says it too, before the recording is opened.
    await page
      .getByRole('row', { name: /cut off\.wav/ })
      .getByText(SHORT_ZH)
      .waitFor();
    await link.click();
    await page.getByRole('status').filter({ hasText: SHORT_ZH }).waitFor();
    expect(await page.getByText(/review\.selection|\[0\]/).count()).toBe(0);
    await screenshot(page, '42-cut-off-review-zh');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('status').filter({ hasText: SHORT_EN }).waitFor();
    await screenshot(page, '43-cut-off-review-en');
    expect(analyses).toEqual([]);
  });

  it('logged no error in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the language belongs to the person, not to the library', () => {
  let chinese: TestBrowser;
  let other: Page;

  beforeAll(async () => {
    chinese = await launchBrowser([], 'zh-CN');
    other = await chinese.context.newPage();
    other.setDefaultTimeout(STEP_TIMEOUT_MS);
  }, STARTUP_TIMEOUT_MS);
  afterAll(async () => {
    await chinese?.close();
  });

  it("starts in the browser's own language", async () => {
    await other.goto(session.host.url);
    await other.getByRole('link', { name: '设备' }).waitFor();
    await expect(lang(other)).resolves.toBe('zh-CN');
  });

  it('keeps a different language in each of two browsers on one host', async () => {
    // The English browser chooses Chinese, the Chinese one English: each keeps its own.
    await page.getByLabel('Language').selectOption('zh-CN');
    await other.getByLabel('语言').selectOption('en');
    await page.reload();
    await other.reload();
    await page.getByRole('link', { name: '设备' }).waitFor();
    await other.getByRole('link', { name: 'Machines' }).waitFor();
    await expect(lang(page)).resolves.toBe('zh-CN');
    await expect(lang(other)).resolves.toBe('en');
    await screenshot(page, '44-language-browser-a-zh');
    await screenshot(other, '45-language-browser-b-en');
  });

  it("leaves the library's settings alone", async () => {
    // `page` chose Chinese in the test before: the host still holds its default, English.
    await expect(hostSettings(other)).resolves.toEqual({ language: 'en' });
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(apiPath('settings.set'))) writes.push(request.url());
    });
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'Machines' }).waitFor();
    expect(writes).toEqual([]);
  });
});
