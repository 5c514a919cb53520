/**
 * End to end in Chromium against `npm run serve` with a fresh library: the demo machine's sound
 * plays as the microphone; on Record the user imports a malformed calibration file (refused,
 * with its line) and then a miniDSP UMIK-style one for that microphone (the live spectrum turns
 * from dBFS/Hz on the baseline's scale to dB SPL/Hz), records, opens the
 * recording in Review, and sees its spectrum in dB SPL — in the chart's description and in the
 * exported CSV's header — while the calibration stays shown for the device after a reload.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../shared/audio/wavEncoder.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { simulateMachine } from '../../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON, DEMO_SAMPLE_RATE_HZ } from '../../node/workflows/demo.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestWebHost } from '../helpers/webHost.ts';
import type { TestWebHost } from '../helpers/webHost.ts';
import { screenshot, STARTUP_TIMEOUT_MS, STEP_TIMEOUT_MS, writeTempFile } from './support.ts';

const RECORD_SECONDS = 3;
const UMIK =
  '"Sens Factor =-0.8dB, AGain =18dB, SERNO: 7000000"\r\n10\t0.5\r\n1000\t0\r\n20000\t1.5\r\n';

let host: TestWebHost;
let folder: string;

beforeAll(async () => {
  [host, folder] = await Promise.all([
    startTestWebHost(STARTUP_TIMEOUT_MS),
    mkdtemp(join(tmpdir(), 'auscult-miccal-')),
  ]);
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await host?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

function writtenSeconds(page: Page): Promise<number> {
  return page.evaluate(() => {
    const match = /([\d.]+) s written to disk/.exec(document.body.innerText);
    return match ? Number(match[1]) : 0;
  });
}

async function importCalibration(page: Page, path: string, sensitivity = ''): Promise<void> {
  await page.getByLabel('Calibration file (REW or miniDSP UMIK text)').setInputFiles(path);
  await page.getByLabel('Level of 94 dB SPL at 1 kHz, dBFS (optional)').fill(sensitivity);
  await page.getByRole('button', { name: 'Import calibration' }).click();
}

describe('a calibrated microphone', () => {
  it(
    'imports a calibration on Record and shows the recording in dB SPL on Review',
    async () => {
      const samples = simulateMachine({
        profile: parseMachineProfile(DEMO_PROFILE_JSON),
        sampleRateHz: DEMO_SAMPLE_RATE_HZ,
        durationSeconds: 10,
        seed: 5,
      });
      const wav = await writeTempFile(folder, 'mic.wav', encodeWav([samples], DEMO_SAMPLE_RATE_HZ));
      const umik = await writeTempFile(folder, 'umik-7000000.txt', new TextEncoder().encode(UMIK));
      const bad = await writeTempFile(
        folder,
        'bad.txt',
        new TextEncoder().encode('* x\n20 0\n10 0\n'),
      );
      const browser = await launchBrowser([
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${wav}`,
      ]);
      try {
        const page = await browser.context.newPage();
        page.setDefaultTimeout(STEP_TIMEOUT_MS);
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(host.url);
        await page.getByRole('link', { name: 'Record', exact: true }).click();
        const screen = page.getByRole('region', { name: 'Record' });
        const record = screen.getByRole('button', { name: 'Record', exact: true });
        await expect.poll(() => record.isEnabled(), { timeout: STEP_TIMEOUT_MS }).toBe(true);
        // Matched to the baseline, the live levels are relative: the axis says so.
        await page
          .getByRole('img', { name: /^Live spectrum in dBFS\/Hz on the baseline's scale/ })
          .waitFor();
        await page.getByText('Microphone calibration…').click();
        await page.getByText('This microphone is not calibrated: levels are in dBFS.').waitFor();

        await importCalibration(page, bad);
        await page
          .getByText('The frequencies must rise from line to line, each once. (line 3)')
          .waitFor();
        await importCalibration(page, umik);
        await page
          .getByText(/^Calibrated with umik-7000000\.txt: 94 dB SPL at 1 kHz reads/)
          .waitFor();
        // The live RMS in dB SPL beside dBFS: −18.8 dBFS is 94 dB SPL, so 112.8 dB above dBFS.
        const spl = page.getByText(/^RMS [\d.,]+ dB SPL \(from the microphone's sensitivity/);
        await spl.waitFor();
        const rmsSpl = Number(
          (/RMS ([\d.,]+) dB SPL/.exec((await spl.textContent()) ?? '') ?? [])[1]?.replace(',', ''),
        );
        expect(rmsSpl).toBeGreaterThan(60);
        expect(rmsSpl).toBeLessThan(112.8);
        // Through the calibration the live spectrum is absolute, the baseline's band moved with it.
        await page.getByRole('img', { name: /^Live spectrum in dB SPL\/Hz from/ }).waitFor();
        await page
          .getByText(/^Baseline's band shifted by [−-]?[\d.,]+ dB to the live level/)
          .waitFor();
        // A fixed level range is in the same unit, and starts where dB SPL/Hz levels are.
        await page.getByLabel('Automatic level range').uncheck();
        const lowest = page.getByLabel('Lowest (dB SPL/Hz)');
        await expect(lowest.inputValue()).resolves.toBe('-20');
        await page.getByLabel('Automatic level range').check();
        await screenshot(page, 'miccal-01-imported');

        await record.click();
        await expect
          .poll(() => writtenSeconds(page), { timeout: 20_000, interval: 250 })
          .toBeGreaterThanOrEqual(RECORD_SECONDS);
        await screen.getByRole('button', { name: 'Stop', exact: true }).click();
        const result = screen.getByRole('region', { name: /^Recorded “/ });
        await result.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor({
          timeout: 30_000,
        });
        await result.getByRole('link', { name: 'Open the recording in Review' }).click();

        const spectrum = page.getByRole('img', { name: /^Spectrum of .* in dB SPL\/Hz against/ });
        await spectrum.waitFor({ timeout: 30_000 });
        await page.getByRole('img', { name: /^Envelope spectrum .* in dB SPL on/ }).waitFor();
        await screenshot(page, 'miccal-02-review');
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export spectrum (CSV)' }).click(),
        ]);
        const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n');
        expect(lines[0]).toBe(
          'frequency (Hz),level (dB SPL/Hz),baseline median (dB SPL/Hz),baseline lower (dB SPL/Hz),baseline upper (dB SPL/Hz)',
        );
        // A machine far below full scale, now in dB re (20 µPa)²/Hz: positive densities.
        const levels = lines.slice(1).map((line) => Number(line.split(',')[1]));
        expect(Math.max(...levels)).toBeGreaterThan(0);

        // The calibration belongs to the device: still there on a fresh Record screen.
        await page.reload();
        await page.getByRole('link', { name: 'Record', exact: true }).click();
        await page.getByText('Microphone calibration…').click();
        await page.getByText(/^Calibrated with umik-7000000\.txt/).waitFor();
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    STARTUP_TIMEOUT_MS,
  );
});
