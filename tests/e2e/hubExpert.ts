/**
 * The expert's side of the desktop-and-hub tests: signing in on the hub's own page, correcting a
 * cause on its Review, and the audio the hub serves to the expert.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestBrowser } from '../helpers/browser.ts';
import { PASSWORD, sha256 } from '../node/hub/syncFixture.ts';
import { screenshot } from './support.ts';

/** The size the screenshots of these tests are taken at. */
export const SHOT_VIEWPORT = { width: 1366, height: 768 };

/** Signs `name` in on the hub's page in its own browser, at the screenshots' size. */
export async function hubPage(browser: TestBrowser, hubUrl: string, name: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(45_000);
  await page.setViewportSize(SHOT_VIEWPORT);
  await page.goto(hubUrl);
  await page.waitForURL(/\/hub\/sign-in/, { timeout: 30_000 });
  await page.locator('input[name=name]').fill(name);
  await page.locator('input[name=password]').fill(PASSWORD);
  // The desktop's Hub panel has no place on the hub itself: once the page has its answer to
  // hubLink.status (a refusal here), the panel must not be there. Checked before that answer,
  // the count would be 0 whatever the page then did.
  const statusAnswered = page.waitForResponse((answer) =>
    answer.url().endsWith('/api/hubLink/status'),
  );
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/#\/queue$/, { timeout: 30_000 });
  expect((await statusAnswered).status()).toBe(422);
  await page.waitForTimeout(200);
  expect(await page.locator('details.hub-link').count()).toBe(0);
  return page;
}

/**
 * The expert corrects the automatic cause of `machineName`'s recording awaiting review to
 * looseness on the hub's Review, with a comment.
 */
export async function correctOnHub(page: Page, machineName: string): Promise<void> {
  const row = page.locator('tbody tr').filter({ hasText: machineName });
  await row.waitFor();
  await row.getByRole('link', { name: 'Review' }).click();
  await page.waitForURL(/#\/review\//);
  // The expert judges with the diagnosis in view: the hub analyses the synced audio itself.
  await page.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor({ timeout: 60_000 });
  const panel = page.locator('.expert-verdict-panel');
  await panel.getByText('the automatic top cause is').waitFor({ timeout: 30_000 });
  await panel.getByLabel('Correct it').check();
  await panel.getByLabel('Cause', { exact: true }).selectOption('looseness');
  await panel.getByLabel('Comment').fill('A rattle at 2× rather than debris.');
  await panel.getByLabel("Expert's name").fill('Dr Wen');
  await panel.getByRole('button', { name: 'Record verdict' }).click();
  await panel.getByRole('status').filter({ hasText: 'Verdict recorded.' }).waitFor();
  await screenshot(page, 'desktop-hub-expert-review');
}

/** The recording's audio as the hub serves it to the expert's session (their cookie). */
export async function hubAudioSha256(hubUrl: string, recordingId: string): Promise<string> {
  const signIn = await fetch(new URL('hub/sign-in', hubUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'expert', password: PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  const response = await fetch(new URL('api/recordings/audio', hubUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ args: [recordingId] }),
  });
  expect(response.status).toBe(200);
  return sha256(new Uint8Array(await response.arrayBuffer()));
}
