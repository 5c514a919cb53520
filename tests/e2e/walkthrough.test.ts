/**
 * A newcomer's first use, timed (issue 14, "Measured"): the start page, the demo machine, its
 * faulty recording, the verdict, the action. Every click goes through `click`, which counts it;
 * the test prints the clicks and the seconds from the start page to the action on screen (the
 * figures are for people; what it checks is that this path reaches the verdict and its action,
 * inside the first screen).
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { inViewport, openSessionForFile, screenshotFold, VIEWPORTS } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});

describe('a newcomer’s first use', () => {
  it('goes from the start page to the demo fault’s verdict and action', async () => {
    await page.setViewportSize(VIEWPORTS[1]);
    const steps: string[] = [];
    let clicks = 0;
    const click = async (step: string, target: Locator) => {
      await target.click();
      clicks++;
      steps.push(`${clicks}. ${step}`);
    };
    const started = performance.now();
    // 1. Start: the page opens on the machines, the demo's health shown.
    await page.goto(session.host.url);
    const demo = page.locator('.machine-card', { hasText: 'Demo lathe' });
    // 2. The demo machine.
    await click('open the demo machine', demo);
    // 3. Its faulty recording: the newest verdict's cause opens it in Review.
    await click('open its faulty recording', page.locator('.machine-header a.machine-cause'));
    // 4. The verdict, and 5. the action, in its headline and its urgency.
    const verdict = page.locator('.cause-verdict.primary');
    await verdict.locator('.verdict-headline').waitFor();
    const headline = (await verdict.locator('.verdict-headline').textContent()) ?? '';
    const urgency = (await verdict.locator('.severity').textContent()) ?? '';
    const seconds = (performance.now() - started) / 1000;
    await screenshotFold(page, 'walkthrough-verdict');
    console.log(
      [
        'First-use walkthrough (1024×600):',
        ...steps,
        `verdict: ${headline}`,
        `urgency: ${urgency}`,
        `clicks: ${clicks}, seconds: ${seconds.toFixed(1)}`,
      ].join('\n'),
    );
    expect(headline).toContain('clean it');
    await expect(inViewport(verdict)).resolves.toBe(true);
  });
});
