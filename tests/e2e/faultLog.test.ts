/**
 * End to end in Chromium against `npm run serve` with a fresh library: the supervisor's Fault
 * log. The demo's lead-screw diagnosis is saved from Review under a remembered name; a second
 * entry (the healthy recording, acknowledged) comes through the API. The list, newest first and
 * loaded a page at a time (faultLog.page), filters by status and words; the entry opens with its cause card, is acknowledged (after
 * the page asks for a name), refused as verified by a later faulty recording (the host's reason
 * shown as a sentence), verified by a later normal one, archived; the history says who did what.
 * Follow-up recordings are made through the API's live sessions, as the Record screen does.
 * Last, 150 more entries: the screen shows the first page of 100 with the count of all, loads
 * the next on "Load more" or when scrolled to the end, and its CSV (written by the host) holds
 * every matching entry, loaded or not, in English and in Chinese.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import { apiPath } from '../../shared/api/httpProtocol.ts';
import type { AuscultApi, RecordingSummary } from '../../shared/api/contract.ts';
import { csvRecords, readCsv } from '../helpers/csvReader.ts';
import { NO_FILTERS } from '../../shared/faultLog/filter.ts';
import { recordDemoThroughSession } from '../helpers/demoSession.ts';
import type { FaultSpec } from '../../shared/simulation/faults.ts';
import { openSessionForFile, screenshot, STEP_TIMEOUT_MS, VIEWPORTS } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
let api: AuscultApi;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
  api = createHttpApi({ origin: new URL(opened.host.url).origin });
});

const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT_MS });

/** Records 3 s of the demo lathe through a live session; the host diagnoses it on Stop. */
async function recordDemo(seed: number, faults: readonly FaultSpec[] = []) {
  const [demo] = await api.machines.list();
  return recordDemoThroughSession(api.sessions, demo.id, seed, faults);
}

const table = (name = 'Fault log entries') => page.getByRole('table', { name });
/** The data rows the table draws (not its spacers). */
const dataRows = (tableName?: string) => table(tableName).locator('tbody tr[data-entry-id]');
const rowTexts = () => dataRows().allInnerTexts();

let faultyFollowUp: RecordingSummary;
let normalFollowUp: RecordingSummary;

describe('the Fault log screen', () => {
  it('saves the lead-screw diagnosis from Review under the name typed there', async () => {
    await page.goto(`${session.host.url}#/review`);
    await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
    await page.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor();
    await page.getByLabel('Your name').fill('Li Wei');
    await page.getByLabel('Note for the fault log (optional)').fill('Chips in the X screw guard');
    await page.getByRole('button', { name: 'Save to fault log' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to the fault log.' }).waitFor();
    const [entry] = await api.faultLog.list();
    expect(entry).toMatchObject({ recordedBy: 'Li Wei', causeId: 'lead-screw-contamination' });

    // A second entry, from the healthy recording, already acknowledged by someone else.
    const [demo] = await api.machines.list();
    const healthy = (await api.recordings.list(demo.id)).find((r) => r.name === 'review-1.wav');
    const [diagnosis] = await api.diagnoses.list(healthy?.id ?? '');
    const second = await api.faultLog.add(diagnosis.id, 'Routine check after service', 'Ana');
    await api.faultLog.transition(second.id, 'acknowledged', { by: 'Ana' });
    // Follow-ups made after both entries: one still faulty, one normal.
    const faulty = await recordDemo(41, [
      { kind: 'lead-screw-contamination', componentId: 'x-ballscrew' },
    ]);
    const normal = await recordDemo(42);
    expect([faulty.diagnosis?.report.anomalous, normal.diagnosis?.report.anomalous]).toEqual([
      true,
      false,
    ]);
    faultyFollowUp = faulty.recording;
    normalFollowUp = normal.recording;
  }, 60_000);

  it('lists the entries newest first and filters them by status and words', async () => {
    await page.getByRole('link', { name: 'Fault log', exact: true }).click();
    await table().waitFor();
    await page.getByText('Showing 2 of 2 entries').waitFor();
    await poll(rowTexts).toEqual([
      expect.stringContaining('Ana'),
      expect.stringContaining('Li Wei'),
    ]);
    await expect(
      page.getByRole('columnheader', { name: 'Time' }).getAttribute('aria-sort'),
    ).resolves.toBe('descending');
    await page.getByText(/^Newest first\./).waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await poll(rowTexts).toEqual([expect.stringContaining('Chips in the X screw guard')]);
    await page.getByText('Showing 1 of 1 entries').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await page.getByLabel('Search names and notes').fill('ROUTINE service');
    await poll(rowTexts).toEqual([expect.stringContaining('Acknowledged')]);
    await page.getByLabel('Search names and notes').fill('');
    await poll(rowTexts).toHaveLength(2);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await screenshot(page, `fault-log-01-list-${viewport.width}x${viewport.height}`);
    }
  });

  it('opens the entry with its cause card and a link to its review', async () => {
    await dataRows().filter({ hasText: 'Li Wei' }).click();
    expect(page.url()).toMatch(/#\/fault-log\/[A-Za-z0-9_-]+$/);
    await page.locator('[data-cause-id="lead-screw-contamination"]').first().waitFor();
    const review = page.getByRole('link', { name: 'Open review-2.wav in Review' });
    await expect(review.getAttribute('href')).resolves.toMatch(/^#\/review\/[A-Za-z0-9_-]+$/);
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('Li Wei');
  });

  it('asks for a name before a change, then acknowledges the entry', async () => {
    await page.getByLabel('Your name').fill('');
    await page.getByRole('button', { name: 'Mark Acknowledged' }).click();
    await page.getByText('Type your name first').waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      await page.getByLabel('Your name').getAttribute('id'),
    );
    await page.getByLabel('Your name').fill('Cai');
    await page.getByLabel('Reason or note (required to dismiss)').fill('Seen on the X axis');
    await page.getByRole('button', { name: 'Mark Acknowledged' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText('Open → Acknowledged').waitFor();
    await history.getByText('Seen on the X axis').waitFor();
  });

  it('refuses a faulty follow-up with the host’s sentence and verifies with a normal one', async () => {
    const followUp = page.getByLabel('Follow-up recording (to verify)');
    await followUp.selectOption(faultyFollowUp.id);
    await page.getByRole('button', { name: 'Verify with the follow-up' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: `“${faultyFollowUp.name}” is not diagnosed normal` })
      .waitFor();
    await followUp.selectOption(normalFollowUp.id);
    await page.getByRole('button', { name: 'Verify with the follow-up' }).click();
    const history = page.getByRole('table', { name: 'History' });
    await history.getByText('Acknowledged → Verified').waitFor();
    const link = history.getByRole('link', { name: normalFollowUp.name });
    await expect(link.getAttribute('href')).resolves.toBe(`#/review/${normalFollowUp.id}`);
    expect(await history.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/Li Wei\s+Entered as Open/),
      expect.stringMatching(/Cai\s+Open → Acknowledged\s+Seen on the X axis/),
      expect.stringMatching(/Cai\s+Acknowledged → Verified/),
    ]);
    await page.getByRole('button', { name: /^Mark / }).waitFor({ state: 'detached' });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await screenshot(page, `fault-log-02-entry-${viewport.width}x${viewport.height}`);
    }
  });

  it('archives the entry: hidden from the list unless archived ones are shown', async () => {
    // The changed entry is put in place: the whole log (up to 100 000 entries) is not fetched again.
    const listCalls: string[] = [];
    const countListCalls = (request: { url(): string }) => {
      if (request.url().endsWith(apiPath('faultLog.list'))) listCalls.push(request.url());
    };
    page.on('request', countListCalls);
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await page.getByRole('button', { name: 'Unarchive' }).waitFor();
    await page.getByRole('link', { name: '← All fault-log entries' }).click();
    await poll(rowTexts).toEqual([expect.stringContaining('Ana')]);
    await page.getByText('Showing 1 of 1 entries').waitFor();
    await page.getByLabel('Show archived').check();
    await poll(rowTexts).toHaveLength(2);
    page.off('request', countListCalls);
    expect(listCalls).toEqual([]);
  });

  it('exports the entries the filters let through as a CSV file Excel reads (byte-order mark, a header, a row each)', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^fault-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(readCsv(bytes.toString('utf8')));
    // Both entries are shown (archived ones included above): two rows under the header.
    expect(records.map((r) => r['Recorded by']).sort()).toEqual(['Ana', 'Li Wei']);
    expect(records.find((r) => r['Recorded by'] === 'Li Wei')?.['Likely cause']).toMatch(
      /^Lead-screw contamination/,
    );
  });

  it('reads in Simplified Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '故障日志' }).waitFor();
    await page.getByRole('columnheader', { name: '记录人' }).waitFor();
    await dataRows('故障日志记录').filter({ hasText: 'Li Wei' }).click();
    const history = page.getByRole('table', { name: '历史' });
    await history.getByText('从已确认改为已验证').waitFor();
    await screenshot(page, 'fault-log-03-entry-zh');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    // The refused verification is the one failed request the browser logs (422, by design).
    expect(session.pageErrors.filter((text) => !/status of 422/.test(text))).toEqual([]);
    expect(session.pageErrors).toHaveLength(1);
  });

  it('loads a long log a page at a time, and exports every matching entry, not only the loaded', async () => {
    const [demo] = await api.machines.list();
    const healthy = (await api.recordings.list(demo.id)).find((r) => r.name === 'review-1.wav');
    const [diagnosis] = await api.diagnoses.list(healthy?.id ?? '');
    for (let i = 0; i < 150; i++) await api.faultLog.add(diagnosis.id, `Bulk check ${i}`, 'Bo');
    const listCalls: string[] = [];
    const countListCalls = (request: { url(): string }) => {
      if (request.url().endsWith(apiPath('faultLog.list'))) listCalls.push(request.url());
    };
    page.on('request', countListCalls);
    await page.getByRole('link', { name: '← All fault-log entries' }).click();
    const search = page.getByLabel('Search names and notes');
    await search.fill('bulk');
    await page.getByText('Showing 100 of 150 entries').waitFor({ timeout: STEP_TIMEOUT_MS });
    // Newest first: the last one added heads the list.
    await poll(async () => (await rowTexts())[0]).toContain('Bulk check 149');
    await page.getByRole('button', { name: 'Load 100 more' }).click();
    await page.getByText('Showing 150 of 150 entries').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Load 100 more' }).waitFor({ state: 'detached' });

    // A new filter starts again from the first page; scrolling to the end loads the next.
    await search.fill('');
    await page.getByText('Showing 100 of 152 entries').waitFor({ timeout: STEP_TIMEOUT_MS });
    await page.locator('.virtual-table').evaluate((box) => {
      box.scrollTop = box.scrollHeight;
    });
    await page.getByText('Showing 152 of 152 entries').waitFor({ timeout: STEP_TIMEOUT_MS });
    // The oldest entry is the last of the last page.
    const toEnd = () =>
      page.locator('.virtual-table').evaluate((box) => {
        box.scrollTop = box.scrollHeight;
      });
    await poll(async () => (await toEnd(), (await rowTexts()).at(-1))).toContain('Li Wei');

    // The CSV of the 150 bulk entries while only 100 are loaded.
    await search.fill('bulk');
    await page.getByText('Showing 100 of 150 entries').waitFor({ timeout: STEP_TIMEOUT_MS });
    const exported = async (button: string) => {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
        page.getByRole('button', { name: button }).click(),
      ]);
      const bytes = await readFile(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return csvRecords(readCsv(bytes.toString('utf8')));
    };
    const english = await exported('Export CSV');
    expect(english).toHaveLength(150);
    expect(new Set(english.map((r) => r['Note']))).toEqual(
      new Set(Array.from({ length: 150 }, (_, i) => `Bulk check ${i}`)),
    );
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByText('显示 100 条，共 150 条').waitFor();
    await page.getByRole('button', { name: '再加载 100 条' }).waitFor();
    const chinese = await exported('导出 CSV');
    expect(chinese).toHaveLength(150);
    expect(chinese.every((r) => r['记录人'] === 'Bo' && r['备注'].startsWith('Bulk check'))).toBe(
      true,
    );
    await screenshot(page, 'fault-log-04-paged-zh');
    await page.getByLabel('语言').selectOption('en');
    page.off('request', countListCalls);
    // The screen never asked for the whole log.
    expect(listCalls).toEqual([]);

    // The address of an entry that no loaded page holds (a reload, an old link) still opens it.
    const bulk = await api.faultLog.page({
      limit: 500,
      cursor: null,
      filters: { ...NO_FILTERS, text: 'Bulk check 0' },
    });
    const first = bulk.entries.find((entry) => entry.note === 'Bulk check 0');
    expect(first).toBeDefined();
    await page.goto(`${session.host.url}#/fault-log/${first?.id}`);
    await page.reload();
    await page.getByText('Bulk check 0', { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
  }, 120_000);
});
