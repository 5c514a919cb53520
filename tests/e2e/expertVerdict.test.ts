/**
 * End to end in Chromium with a fresh library: an expert corrects the demo's faulty recording on
 * Review (the automatic lead-screw contamination corrected to looseness, with severity, what to
 * do, a comment and a name), and the verdict shows on Review and in the Fault log, in English
 * and in Chinese.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import type { AuscultApi } from '../../shared/api/contract.ts';
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

const WORDS = {
  en: {
    headline: 'Expert verdict: corrected to Mechanical looseness, by Dr Wen',
    badge: 'Expert: corrected to Mechanical looseness',
  },
  'zh-CN': { headline: '专家结论：更正为', badge: '专家：更正为' },
} as const;

describe("an expert's verdict", () => {
  it('records a correction on Review and shows it there', async () => {
    await page.goto(`${session.host.url}#/review`);
    await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
    const panel = page.locator('.expert-verdict-panel');
    await panel.getByText('the automatic top cause is').waitFor();
    await panel.getByLabel('Correct it').check();
    await panel.getByLabel('Cause', { exact: true }).selectOption('looseness');
    await panel.getByLabel('Severity').selectOption('moderate');
    await panel.getByLabel('What to do').fill('Tighten the tailstock bolts.');
    await panel.getByLabel('Comment').fill('Rattle at 2× rather than debris.');
    await panel.getByLabel("Expert's name").fill('Dr Wen');
    await panel.getByRole('button', { name: 'Record verdict' }).click();
    await panel.getByRole('status').filter({ hasText: 'Verdict recorded.' }).waitFor();
    const line = panel.locator('.expert-verdict[data-decision="correct"]');
    await expect(line.textContent()).resolves.toContain(WORDS.en.headline);
    await expect(line.textContent()).resolves.toContain('Tighten the tailstock bolts.');
    await screenshot(page, 'expert-verdict-01-review-en');
    const [demo] = await api.machines.list();
    const [stored] = await api.verdicts.listByMachine(demo.id);
    expect(stored).toMatchObject({
      decision: 'correct',
      causeId: 'looseness',
      automaticCauseId: 'lead-screw-contamination',
      severity: 'moderate',
      expertName: 'Dr Wen',
    });
    // The fault log shows verdicts on entries: save this diagnosis there.
    await api.faultLog.add(stored.diagnosisId, 'Sent to Dr Wen', 'Li Wei');
  }, 60_000);

  it('shows it in the Fault log and on its entry, in both languages', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.goto(session.host.url);
      await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
      await page.goto(`${session.host.url}#/fault-log`);
      const badge = page.locator('tbody tr[data-entry-id] .verdict-badge.verdict-correct');
      await badge.waitFor();
      await expect(badge.textContent()).resolves.toContain(WORDS[lang].badge);
      await screenshot(page, `expert-verdict-02-fault-log-${lang}`);
      await page.locator('tbody tr[data-entry-id] a').first().click();
      const line = page.locator('.expert-verdict-panel .expert-verdict[data-decision="correct"]');
      await line.waitFor();
      await expect(line.textContent()).resolves.toContain(WORDS[lang].headline);
      await screenshot(page, `expert-verdict-03-entry-${lang}`);
      await page.goto(`${session.host.url}#/review`);
      await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
      const onReview = page.locator('.expert-verdict-panel .expert-verdict');
      await onReview.waitFor();
      await expect(onReview.textContent()).resolves.toContain(WORDS[lang].headline);
      await screenshot(page, `expert-verdict-04-review-${lang}`);
    }
    expect(session.pageErrors).toEqual([]);
  }, 90_000);
});
