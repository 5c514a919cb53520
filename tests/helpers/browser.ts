/**
 * Chromium for the end-to-end tests (docs/testing.md): playwright-core drives the
 * system's Chromium (no browser download), headless, with a fresh user-data folder per launch.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

/** Where Chromium or Chrome usually lives on Linux, macOS and Windows. */
export const CHROMIUM_CANDIDATES: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ...(process.env.LOCALAPPDATA
    ? [join(process.env.LOCALAPPDATA, 'Google', 'Chrome', 'Application', 'chrome.exe')]
    : []),
];

/** Flags of docs/testing.md: no sandbox (containers), no GPU, nothing that talks to the network. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser to drive: `CHROME_PATH` if set, else the first usual path that exists. */
export function findChromium(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH names ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROME_PATH.',
    );
  }
  return found;
}

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Closes the browser and deletes its user-data folder. */
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with an empty profile; `extraArgs` are appended to the flags;
 * `locale` (default en-US) is the browser's language (navigator.language).
 */
export async function launchBrowser(
  extraArgs: readonly string[] = [],
  locale = 'en-US',
): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'auscult-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
      viewport: { width: 1280, height: 900 },
      locale,
      timeout: 30_000,
    });
    return {
      context,
      close: async () => {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
