/**
 * What the live-listening end-to-end tests share: Chromium on loopback with a fake microphone,
 * the simulated spindle unbalance it plays, signing in to a hub's page, the expert's peak list,
 * the pages' peer connections (push to talk as WebRTC carries it) and screenshots.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON } from '../../node/workflows/demo.ts';
import { launchBrowser } from '../helpers/browser.ts';
import type { TestBrowser } from '../helpers/browser.ts';
import { writeTempFile } from './support.ts';

export const LIVE_SHOTS_DIR =
  process.env.AUSCULT_SHOTS_DIR ?? join(import.meta.dirname, '..', '..', 'test-output', 'e2e');
const SAMPLE_RATE_HZ = 48_000;
/** Longer than the tests listen, so the looping fake microphone never wraps mid-recording. */
const FILE_SECONDS = 60;
/** 1× of the demo lathe's spindle at 1480 rpm: the unbalance line. */
export const SPINDLE_HZ = 1480 / 60;
export const LOOPBACK_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

/** Writes the simulated unbalance of the demo lathe's spindle into `folder`; returns its path. */
export async function writeUnbalanceWav(folder: string): Promise<string> {
  const samples = simulateMachine({
    profile: parseMachineProfile(DEMO_PROFILE_JSON),
    sampleRateHz: SAMPLE_RATE_HZ,
    durationSeconds: FILE_SECONDS,
    seed: 41,
    faults: [{ kind: 'unbalance', shaftId: 'spindle' }],
  });
  return writeTempFile(folder, 'unbalance.wav', encodeWav([samples], SAMPLE_RATE_HZ));
}

/** The Chromium flags of a technician whose microphone plays `wavPath`. */
export const fakeMicrophone = (wavPath: string) => [`--use-file-for-fake-audio-capture=${wavPath}`];

/**
 * Keeps every RTCPeerConnection a page makes on `window.__livePeers` (observed, not changed), so
 * a test can read what WebRTC itself sends and receives rather than what the page shows.
 */
const KEEP_PEER_CONNECTIONS = `(() => {
  const Native = window.RTCPeerConnection;
  const kept = (window.__livePeers = []);
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      kept.push(this);
    }
  };
})();`;

type WithPeers = { __livePeers: RTCPeerConnection[] };

/** Whether the page sends an enabled audio track (the expert: only while push to talk is held). */
export function sendsEnabledTrack(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (window as unknown as WithPeers).__livePeers.some((peer) =>
      peer.getSenders().some((sender) => sender.track?.enabled === true),
    ),
  );
}

/** The audio bytes the page's peer connections received so far (WebRTC's inbound-rtp). */
export function audioBytesReceived(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let bytes = 0;
    for (const peer of (window as unknown as WithPeers).__livePeers) {
      (await peer.getStats()).forEach(
        (stat: { type: string; kind?: string; bytesReceived?: number }) => {
          if (stat.type === 'inbound-rtp' && stat.kind === 'audio')
            bytes += stat.bytesReceived ?? 0;
        },
      );
    }
    return bytes;
  });
}

export interface Person {
  readonly browser: TestBrowser;
  readonly page: Page;
  readonly errors: string[];
}

/** A Chromium on loopback (fake devices) with a page whose exceptions are collected. */
export async function livePerson(extraArgs: string[] = []): Promise<Person> {
  const browser = await launchBrowser([...LOOPBACK_ARGS, ...extraArgs]);
  await browser.context.addInitScript(KEEP_PEER_CONNECTIONS);
  const page = await browser.context.newPage();
  page.setDefaultTimeout(45_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 1366, height: 768 });
  return { browser, page, errors };
}

/** A Chromium signed in to the hub at `hubUrl` as `name`, on `hash`. */
export async function signedInToHub(
  hubUrl: string,
  name: string,
  password: string,
  hash: string,
  extraArgs: string[] = [],
): Promise<Person> {
  const person = await livePerson(extraArgs);
  const { page } = person;
  await page.goto(hubUrl);
  await page.waitForURL(/\/hub\/sign-in/);
  await page.locator('input[name=name]').fill(name);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(hubUrl);
  await page.goto(`${hubUrl}${hash}`);
  return person;
}

export async function liveShot(page: Page, name: string): Promise<void> {
  await mkdir(LIVE_SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(LIVE_SHOTS_DIR, `${name}.png`) });
}

/** The frequencies of the expert's peak list (what the page computed from the received audio). */
export async function peaksHz(page: Page): Promise<number[]> {
  const text = (await page.locator('.live-call').getAttribute('data-peaks-hz')) ?? '';
  return text.split(' ').filter(Boolean).map(Number);
}

/** Whether the expert's peak list holds 1× of the spindle within 5 %. */
export async function hearsSpindleLine(page: Page): Promise<boolean> {
  return (await peaksHz(page)).some((f) => Math.abs(f / SPINDLE_HZ - 1) < 0.05);
}
