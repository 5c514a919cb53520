/**
 * What the end-to-end tests share: the host and browser pair, screenshots under
 * test-output/e2e/, generated WAV files, and a check that the page logged no error (a CSP
 * violation, a failed request, an exception) while a test ran.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { startTestWebHost } from '../helpers/webHost.ts';
import type { TestWebHost } from '../helpers/webHost.ts';

export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-output', 'e2e');

/** Long enough for a cold page build and the demo library on a busy 2-core machine. */
export const STARTUP_TIMEOUT_MS = 90_000;
export const STEP_TIMEOUT_MS = 10_000;

export interface Session {
  readonly host: TestWebHost;
  readonly browser: TestBrowser;
  readonly page: Page;
  /** Console errors and uncaught exceptions of the page so far. */
  readonly pageErrors: string[];
  readonly tempDir: string;
  close(): Promise<void>;
}

/**
 * A fresh library served by the web host, and a page on it in a fresh Chromium launched with
 * `browserArgs` (e.g. a fake microphone playing a file).
 */
export async function openSession(browserArgs: readonly string[] = []): Promise<Session> {
  const [host, browser, tempDir] = await Promise.all([
    startTestWebHost(STARTUP_TIMEOUT_MS),
    launchBrowser(browserArgs),
    mkdtemp(join(tmpdir(), 'auscult-e2e-')),
  ]);
  const page = await browser.context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A failed resource's message names no URL: add where it came from, so a failure says which.
    const { url } = message.location();
    pageErrors.push(url ? `${message.text()} (${url})` : message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return {
    host,
    browser,
    page,
    pageErrors,
    tempDir,
    close: async () => {
      await browser.close();
      await host.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}

/** Saves a full-page screenshot as test-output/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** A healthy simulated lathe recording as WAV bytes (16-bit mono). */
export function healthyWav(seed: number, durationSeconds = 3, sampleRateHz = 16_000): Uint8Array {
  const samples = simulateMachine({ sampleRateHz, durationSeconds, seed });
  return encodeWav([samples], sampleRateHz);
}

/** A sine of `frequencyHz` at half scale as WAV bytes (16-bit mono): cheap to make at any length. */
export function toneWav(
  frequencyHz: number,
  durationSeconds: number,
  sampleRateHz: number,
): Uint8Array {
  const samples = new Float64Array(Math.round(durationSeconds * sampleRateHz));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = 0.5 * Math.sin((2 * Math.PI * frequencyHz * i) / sampleRateHz);
  }
  return encodeWav([samples], sampleRateHz);
}

/** Writes `bytes` as `name` in `folder` and returns the path. */
export async function writeTempFile(
  folder: string,
  name: string,
  bytes: Uint8Array,
): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

/**
 * Drops files on the element labelled `regionName` the way a user's drag does: a DataTransfer
 * built in the page from the bytes, then dragenter, dragover and drop events.
 */
export async function dropFiles(
  page: Page,
  regionName: string,
  files: readonly { name: string; bytes: Uint8Array }[],
): Promise<void> {
  const target = page.getByRole('region', { name: regionName });
  const payload = files.map((file) => ({
    name: file.name,
    base64: Buffer.from(file.bytes).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const binary = atob(item.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      transfer.items.add(new File([bytes], item.name, { type: 'audio/wav' }));
    }
    return transfer;
  }, payload);
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await target.dispatchEvent(type, { dataTransfer });
  }
  await dataTransfer.dispose();
}

/** The viewports a technician's laptop or small tablet has: the verdict must fit in both. */
export const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
] as const;

/**
 * Whether the element's box lies inside the viewport as the page is now (no scrolling): the
 * box and the window's scroll position, read in the page.
 */
export async function inViewport(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return (
      window.scrollY === 0 &&
      box.height > 0 &&
      box.top >= 0 &&
      box.left >= 0 &&
      box.bottom <= window.innerHeight &&
      box.right <= window.innerWidth
    );
  });
}

/** Saves what the first screen shows (no scrolling) as test-output/e2e/<name>.png. */
export async function screenshotFold(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * One session for a test file: opened before its tests (handed to `onOpen`, which may also
 * prepare the page), closed after them.
 */
export function openSessionForFile(onOpen: (session: Session) => void | Promise<void>): void {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openSession();
    await onOpen(session);
  }, STARTUP_TIMEOUT_MS);
  afterAll(async () => {
    await session?.close();
  });
}
