/**
 * End to end in Chromium: the diagnosis is worded in the page's language from the report's codes.
 * The demo's lead-screw contamination review in Simplified Chinese has no English sentence in its
 * cause cards or findings; a report stored before codes existed (English sentences) still shows,
 * its sentences as they are.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { openSessionForFile, screenshot } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});

/** The demo machine's ids (user data, written as the user wrote them in any language). */
const DEMO_IDS = ['spindle-bearing', 'headstock-gear', 'x-ballscrew', 'x-screw', 'spindle'];
/** Units and abbreviations that Chinese technical text writes in Latin letters. */
const ABBREVIATIONS = /^(Hz|dB|BPFO|BPFI|BSF|FTF|RMS|z|r|min|mm)$/;

/** Runs of two or more Latin-letter words (an English phrase) once ids are taken out. */
function englishRuns(text: string): string[] {
  const bare = DEMO_IDS.reduce((t, id) => t.split(id).join(' · '), text);
  return (bare.match(/[A-Za-z]+(?:[\s,.:;'’-]+[A-Za-z]+)+/g) ?? []).filter(
    (run) => !run.split(/[^A-Za-z]+/).every((word) => ABBREVIATIONS.test(word)),
  );
}

async function openLeadScrewReview(): Promise<void> {
  await page.goto(`${session.host.url}#/review`);
  await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
  await page.locator('[data-cause-id="lead-screw-contamination"]').first().waitFor();
}

const LEGACY_EVIDENCE = 'impacts: high-frequency kurtosis 6.5 against 3.0 when healthy';
const LEGACY_ACTION = 'Take the lead screw out and clean it.';
const LEGACY_DETAIL = '1/6-octave band at 2244.9 Hz is 16.1 dB above its healthy level';

interface Report {
  findings: { detail: unknown }[];
  causes: { evidence: unknown[]; action: unknown }[];
}

/** The host's real answer with its report turned into a pre-code one (English sentences). */
async function answerWithLegacyReport(route: Route): Promise<void> {
  const response = await route.fetch();
  const body = (await response.json()) as { result: { report: Report } };
  const report = body.result.report;
  for (const finding of report.findings) finding.detail = LEGACY_DETAIL;
  for (const cause of report.causes) {
    cause.evidence = cause.evidence.map(() => LEGACY_EVIDENCE);
    cause.action = LEGACY_ACTION;
  }
  await route.fulfill({ response, json: body });
}

describe('the diagnosis in the page’s language', () => {
  it('words the lead-screw diagnosis in Simplified Chinese: no English sentence', async () => {
    await page.goto(session.host.url);
    await page.getByLabel('Language').selectOption('zh-CN');
    await openLeadScrewReview();
    const top = page.locator('[data-cause-id]').first();
    await expect(top.getAttribute('data-cause-id')).resolves.toBe('lead-screw-contamination');
    await expect(top.textContent()).resolves.toContain('丝杠污染（切屑或杂物）');
    await page.locator('.analyst-details > summary').click();
    await page.locator('.findings summary').click();
    const texts = [
      ...(await page.locator('.cause-card').allTextContents()),
      ...(await page.locator('.findings td').allTextContents()),
    ];
    const all = texts.join('\n');
    expect(all).toMatch(/冲击：高频峭度 [\d.]+，健康时为 [\d.]+/);
    expect(all).toContain('拆下丝杠进行清洁');
    expect(texts.flatMap(englishRuns)).toEqual([]);
    await screenshot(page, 'review-wording-01-zh-lead-screw');
  });

  it('shows a report stored before codes, its English sentences as they are', async () => {
    await page.getByLabel('语言').selectOption('en');
    await page.route('**/api/review/selection', answerWithLegacyReport);
    await openLeadScrewReview();
    const card = page.locator('.cause-card').first();
    await expect(card.textContent()).resolves.toContain('Lead-screw contamination');
    await expect(card.locator('.evidence li').first().textContent()).resolves.toBe(LEGACY_EVIDENCE);
    await expect(card.locator('.cause-action').textContent()).resolves.toBe(LEGACY_ACTION);
    await page.locator('.analyst-details > summary').click();
    await page.locator('.findings summary').click();
    await page.getByText(LEGACY_DETAIL).first().waitFor();
    await screenshot(page, 'review-wording-02-legacy');
    await page.unroute('**/api/review/selection');
  });

  it('logged no error in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
