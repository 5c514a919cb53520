/**
 * The verdict first (issue 14), end to end in Chromium with a fresh library, at 1366×768 and at
 * 1024×600, in English and in Chinese: from the start page to the demo's fault named on screen
 * in at most 3 clicks, the verdict on Review inside the first screen (no scrolling); the
 * Machines screen and the machine's page show health, last recording and open faults; a machine
 * without a baseline says so where the verdict would be, with the action that fixes it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiPath } from '../../shared/api/httpProtocol.ts';
import {
  healthyWav,
  inViewport,
  openSessionForFile,
  screenshot,
  screenshotFold,
  VIEWPORTS,
  writeTempFile,
} from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});

const WORDS = {
  en: { fault: 'Chips or debris in the x ballscrew', label: 'Language', actNow: 'Act now' },
  'zh-CN': { fault: 'x ballscrew内有切屑或杂物', label: '语言', actNow: '立即处理' },
} as const;

type Lang = keyof typeof WORDS;

/** Sets the page's language from whatever it is now (the selector's label is in either). */
async function useLanguage(lang: Lang): Promise<void> {
  await page.goto(session.host.url);
  const selector = page.getByLabel(/^(Language|语言)$/);
  await selector.selectOption(lang);
  await page.getByLabel(WORDS[lang].label, { exact: true }).waitFor();
}

describe('the verdict first', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const viewport of VIEWPORTS) {
      const size = `${viewport.width}x${viewport.height}`;
      it(`names the demo's fault in 2 clicks, the verdict above the fold, at ${size} in ${lang}`, async () => {
        await page.setViewportSize(viewport);
        await useLanguage(lang);
        // The start page: the machines, each with its health at a glance.
        const card = page.locator('.machine-card', { hasText: 'Demo lathe' });
        await expect(card.locator('[data-health]').getAttribute('data-health')).resolves.toBe(
          'act-now',
        );
        await expect(card.textContent()).resolves.toContain(WORDS[lang].actNow);
        await screenshotFold(page, `verdict-${lang}-${size}-01-machines`);
        let clicks = 0;
        await card.click();
        clicks++;
        const link = page.locator('a.verdict-link[data-recording="review-2.wav"]');
        await expect(link.getAttribute('data-verdict-cause')).resolves.toBe(
          'lead-screw-contamination',
        );
        await expect(inViewport(page.locator('.machine-header .machine-health'))).resolves.toBe(
          true,
        );
        // The newest verdict's cause, on the first screen, opens the recording it was found in.
        const cause = page.locator('.machine-header a.machine-cause');
        await expect(inViewport(cause)).resolves.toBe(true);
        await expect(cause.getAttribute('href')).resolves.toBe(await link.getAttribute('href'));
        await screenshotFold(page, `verdict-${lang}-${size}-02-machine`);
        await cause.click();
        clicks++;
        const verdict = page.locator('.cause-verdict.primary');
        await verdict.waitFor();
        await expect(verdict.getAttribute('data-cause-id')).resolves.toBe(
          'lead-screw-contamination',
        );
        await expect(verdict.locator('.verdict-headline').textContent()).resolves.toContain(
          WORDS[lang].fault,
        );
        expect(clicks).toBeLessThanOrEqual(3);
        await expect(inViewport(verdict)).resolves.toBe(true);
        await expect(inViewport(page.locator('.verdict-score'))).resolves.toBe(true);
        await screenshotFold(page, `verdict-${lang}-${size}-03-review`);
      });
    }
  }

  it('keeps the analyst numbers one click away', async () => {
    await page.setViewportSize(VIEWPORTS[0]);
    await useLanguage('en');
    const details = page.locator('.analyst-details');
    await page.goto(`${session.host.url}#/review`);
    await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
    await page.locator('.cause-verdict.primary').waitFor();
    await expect(details.locator('.cause-card').first().isVisible()).resolves.toBe(false);
    await page.locator('.analyst-details > summary').click();
    await details.locator('.cause-card').first().waitFor();
    await expect(details.textContent()).resolves.toMatch(/kurtosis [\d.]+ against [\d.]+/);
    await screenshot(page, 'verdict-04-analyst-details');
  });

  it('says a machine without a baseline has no verdict yet, with the action', async () => {
    const created = await page.evaluate(
      async ([path]) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            args: [{ id: 'new', name: 'No-baseline mill', lineFrequencyHz: 50 }],
          }),
        });
        return ((await response.json()) as { result: { id: string } }).result.id;
      },
      [apiPath('machines.create')],
    );
    await page.goto(`${session.host.url}#/machines/${created}`);
    const card = page.locator('.machine-header [data-health]');
    await expect(card.getAttribute('data-health')).resolves.toBe('no-baseline');
    const wav = await writeTempFile(session.tempDir, 'fresh.wav', healthyWav(9));
    await page.getByLabel('Recordings to import').setInputFiles(wav);
    const link = page.locator('a.verdict-link[data-recording="fresh.wav"]');
    await link.click();
    const verdict = page.locator('[data-verdict="no-baseline"]');
    await verdict.waitFor();
    const action = verdict.getByRole('link', {
      name: 'Build a baseline from 3 or more healthy recordings',
    });
    await expect(action.getAttribute('href')).resolves.toBe(`#/machines/${created}`);
    await expect(inViewport(verdict)).resolves.toBe(true);
    const title = page.locator('#selection-spectrum-title');
    await expect(title.textContent()).resolves.toMatch(/no baseline to compare with/);
    await expect(title.textContent()).resolves.not.toMatch(/against the baseline/);
    await screenshot(page, 'verdict-05-no-baseline');
    await action.click();
    await page.getByRole('heading', { name: 'No-baseline mill' }).waitFor();
  });

  it('logged no error in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
