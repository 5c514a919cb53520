/**
 * End to end in Chromium: the Fault log on a fresh library says it is empty, and the language
 * switches to Simplified Chinese and back, remembered by this browser across a reload.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSessionForFile, screenshot } from './support.ts';
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

describe('the Fault log on a fresh library', () => {
  it('says what it keeps and that it has no entry yet', async () => {
    await page.getByRole('link', { name: 'Fault log' }).click();
    expect(page.url()).toMatch(/#\/fault-log$/);
    const screen = page.getByRole('region', { name: 'Fault log' });
    await screen.getByText(/^A dated log of each machine/).waitFor();
    await screen.getByText(/^No entries yet/).waitFor();
    await expect(
      page.getByRole('link', { name: 'Fault log' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await screenshot(page, '10-fault-log');
  });
});

describe('the language', () => {
  it('switches to Simplified Chinese', async () => {
    await page.getByRole('link', { name: 'Machines' }).click();
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '设备' }).waitFor();
    await page.getByRole('button', { name: '新建设备' }).waitFor();
    await expect(lang(page)).resolves.toBe('zh-CN');
    await screenshot(page, '11-machines-zh');
  });

  it('shows a machine, its recordings and its baseline spectrum in Chinese', async () => {
    await page.getByRole('button', { name: /Demo lathe/ }).click();
    await page.getByRole('heading', { name: '录音' }).waitFor();
    await page.getByRole('columnheader', { name: '采样率 (Hz)' }).waitFor();
    await page.getByRole('img', { name: /^基线频谱/ }).waitFor();
    await screenshot(page, '12-machine-zh');
    await page.getByRole('button', { name: '← 全部设备' }).click();
  });

  it('shows the machine form in Chinese', async () => {
    await page.getByRole('button', { name: '新建设备' }).click();
    await page.getByRole('button', { name: '添加轴' }).click();
    await page.getByRole('group', { name: '轴 1' }).getByLabel('转速 (rpm)').waitFor();
    await screenshot(page, '13-editor-zh');
    await page.getByRole('button', { name: '取消' }).click();
  });

  it('is remembered by this browser: a reload stays in Chinese', async () => {
    await page.reload();
    await page.getByRole('link', { name: '设备' }).waitFor();
    await expect(lang(page)).resolves.toBe('zh-CN');
  });

  it('shows the Fault log in Chinese', async () => {
    await page.getByRole('link', { name: '故障日志' }).click();
    await page.getByText(/^还没有记录。/).waitFor();
    await screenshot(page, '14-fault-log-zh');
  });

  it('switches back to English', async () => {
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'Machines' }).waitFor();
    await expect(lang(page)).resolves.toBe('en');
    await page.reload();
    await page.getByRole('link', { name: 'Fault log' }).waitFor();
  });

  it('logged no error in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
