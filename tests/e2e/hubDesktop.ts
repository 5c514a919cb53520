/**
 * What the tests of a desktop linked to a hub share: the page built once, and connecting from the
 * page's Hub panel as a person of the sync fixture's hub (tests/node/hub/syncFixture.ts).
 */
import type { Page } from 'playwright-core';
import { buildRenderer, rendererBuildReason } from '../../node/web/rendererBuild.ts';
import { DEFAULT_RENDERER_DIR } from '../../node/web/server.ts';
import { PASSWORD } from '../node/hub/syncFixture.ts';

/** Builds dist/renderer when it is missing or stale, before hosts start in parallel. */
export async function ensureRendererBuilt(): Promise<void> {
  if ((await rendererBuildReason(DEFAULT_RENDERER_DIR)) !== null) {
    await buildRenderer(DEFAULT_RENDERER_DIR);
  }
}

/** Opens or closes the app bar's Hub panel, whichever way it is now (hash routes keep it). */
export async function showHubPanel(page: Page, shown = true): Promise<void> {
  const panel = page.locator('details.hub-link');
  if (((await panel.getAttribute('open')) !== null) !== shown) {
    await panel.locator('> summary').click();
  }
  await page
    .locator('details.hub-link[open] section')
    .waitFor({ state: shown ? 'visible' : 'hidden' });
}

/** Opens the app bar's Hub panel and connects to `hubUrl` as `name`, waiting for the status. */
export async function connectFromHubPanel(page: Page, hubUrl: string, name: string): Promise<void> {
  await showHubPanel(page);
  await page.getByRole('heading', { name: 'Connect to a hub' }).waitFor();
  await page.getByLabel('Hub address').fill(hubUrl);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByText(`Connected to ${hubUrl} as ${name}.`).waitFor({ timeout: 20_000 });
}
