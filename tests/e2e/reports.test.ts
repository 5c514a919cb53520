/**
 * End to end in Chromium against `npm run serve` with a fresh library: the printed reports.
 * "Diagnosis report" on Review (the stretch's diagnosis stored, then printed) and on a fault-log
 * entry (with its status, on the paper chosen beside the button), and "Export PDF" on the Fault
 * log screen with a filter set, in English and in Chinese; each download read back with pdfjs.
 */
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
import { PAPER_POINTS } from '../../shared/reports/paper.ts';
import { readPdf } from '../helpers/pdfReader.ts';
import { openSessionForFile, screenshot } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
let api: AuscultApi;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
  api = createHttpApi({ origin: new URL(opened.host.url).origin });
});

/** Clicks the button and reads the PDF it downloads. */
async function downloadPdf(button: string) {
  const [download]: [Download, void] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const bytes = new Uint8Array(await readFile(await download.path()));
  expect([...bytes.subarray(0, 5)]).toEqual([...Buffer.from('%PDF-')]);
  const pdf = await readPdf(bytes);
  return { name: download.suggestedFilename(), pdf, text: pdf.text.replace(/\s+/g, '') };
}

describe('printed reports', () => {
  it('prints the diagnosis of the stretch shown on Review, one Letter page in English', async () => {
    await page.goto(`${session.host.url}#/review`);
    await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
    await page.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor();
    const { name, pdf, text } = await downloadPdf('Diagnosis report');
    expect(name).toMatch(/^review-2-report-[\d.]+-[\d.]+s\.pdf$/);
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0]).toEqual({ widthPt: 612, heightPt: 792 });
    const [demo] = await api.machines.list();
    expect(text).toContain(demo.name.replace(/\s+/g, ''));
    expect(text).toContain('review-2.wav');
    expect(text).toContain('Lead-screwcontamination');
    expect(text).toContain('Fault-logstatus:notinthefaultlog');
    await screenshot(page, 'reports-01-review');
  }, 90_000);

  it('prints a fault-log entry on the paper chosen, with its status', async () => {
    const [demo] = await api.machines.list();
    const recording = (await api.recordings.list(demo.id)).find((r) => r.name === 'review-2.wav');
    const [diagnosis] = await api.diagnoses.list(recording?.id ?? '');
    const entry = await api.faultLog.add(diagnosis.id, 'Chips in the X screw guard', 'Li Wei');
    await api.faultLog.transition(entry.id, 'acknowledged', { by: 'Ana' });
    await page.getByRole('link', { name: 'Fault log', exact: true }).click();
    await page.locator(`tr[data-entry-id="${entry.id}"]`).click();
    await page.getByRole('link', { name: 'Open review-2.wav in Review' }).waitFor();
    await page.getByLabel('Paper').selectOption('a4');
    const { pdf, text } = await downloadPdf('Diagnosis report');
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pageSizes[0].heightPt).toBeCloseTo(PAPER_POINTS.a4.heightPt, 1);
    expect(text).toContain('Fault-logstatus:Acknowledged');
    expect(text).toContain('Lead-screwcontamination');
    await screenshot(page, 'reports-02-entry');
  }, 90_000);

  it('exports the filtered fault log as a PDF report, in English and in Chinese', async () => {
    await page.getByRole('link', { name: '← All fault-log entries' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('acknowledged');
    await page.getByText('Showing 1 of 1 entries').waitFor();
    const english = await downloadPdf('Export PDF');
    expect(english.name).toMatch(/^fault-log-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(english.pdf.pageSizes[0]).toEqual({ widthPt: 612, heightPt: 792 });
    expect(english.text).toContain('Faultlogreport');
    expect(english.text).toContain('StatusAcknowledged');
    expect(english.text).toContain('1entry');
    expect(english.pdf.pageTexts[1].replace(/\s+/g, '')).toContain('review-2.wav');
    await screenshot(page, 'reports-03-fault-log');

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '故障日志' }).waitFor();
    const chinese = await downloadPdf('导出 PDF');
    expect(chinese.pdf.pageSizes[0].heightPt).toBeCloseTo(PAPER_POINTS.a4.heightPt, 1);
    expect(chinese.text).toContain('故障日志报告');
    expect(chinese.text).toContain('状态已确认');
    expect(chinese.text).toContain('丝杠污染');
    await screenshot(page, 'reports-04-fault-log-zh');
    await page.getByLabel('语言').selectOption('en');
    expect(session.pageErrors).toEqual([]);
  }, 90_000);
});
