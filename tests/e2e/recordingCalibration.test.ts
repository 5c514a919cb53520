/**
 * End to end in Chromium against `npm run serve` with a fresh library: a recording that came
 * without a calibration (the demo's review-2.wav) gets one on its Review page. A malformed file
 * is refused with its line; a measurement microphone's file turns the spectrum and its CSV to
 * dB SPL with the verdict unchanged; an input device's calibration (imported on Record, here
 * through the API the page uses) is offered and applied; removing it brings back dBFS.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openSessionForFile, screenshot, STEP_TIMEOUT_MS, writeTempFile } from './support.ts';
import type { Session } from './support.ts';

const MEASUREMENT_MIC = '* measurement microphone\n20 0\n1000 0\n4000 6\n';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});

const spectrumIn = (unit: string) =>
  page.getByRole('img', { name: new RegExp(`^Spectrum of .* in ${unit}/Hz against`) });

async function loadFile(path: string, sensitivity: string): Promise<void> {
  await page.getByLabel('Calibration file (REW or miniDSP UMIK text)').setInputFiles(path);
  await page.getByLabel('Level of 94 dB SPL at 1 kHz, dBFS (optional)').fill(sensitivity);
  await page.getByRole('button', { name: 'Load calibration file' }).click();
}

async function csvHeader(): Promise<string> {
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export spectrum (CSV)' }).click(),
  ]);
  return (await readFile(await csv.path(), 'utf8')).split('\r\n')[0];
}

const topCause = () => page.locator('.cause-card').first().getAttribute('data-cause-id');

describe('a recording calibrated on its Review page', () => {
  it('loads a file, applies a device’s calibration and removes it', async () => {
    const enc = new TextEncoder();
    const bad = await writeTempFile(session.tempDir, 'bad.txt', enc.encode('20 0\n1000 x\n'));
    const mic = await writeTempFile(session.tempDir, 'mm-1.txt', enc.encode(MEASUREMENT_MIC));
    await page.goto(`${session.host.url}#/review`);
    await page.getByRole('link', { name: 'review-2.wav', exact: true }).click();
    await page.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor();
    await spectrumIn('dBFS').waitFor();
    const causeBefore = await topCause();
    await page.getByText('Microphone calibration…').click();
    await page.getByText(/^Not calibrated: levels are in dBFS/).waitFor();
    await page.getByText(/^No input device has a calibration yet/).waitFor();

    await loadFile(bad, '-30');
    await page.getByText(/does not hold a frequency in Hz and a level in dB.*\(line 2\)/).waitFor();
    await loadFile(mic, '-30');
    await page.getByText(/^Levels in dB SPL through mm-1\.txt: 94 dB SPL at 1 kHz reads/).waitFor();
    await spectrumIn('dB SPL').waitFor({ timeout: 30_000 });
    expect(await csvHeader()).toMatch(/^frequency \(Hz\),level \(dB SPL\/Hz\)/);
    expect(await topCause()).toBe(causeBefore);
    await screenshot(page, 'recording-calibration-01-file');

    // A device's calibration, as the Record screen imports it: offered after a reload.
    await page.evaluate(async () => {
      const text = '"Sens Factor =-0.8dB"\n10 0\n20000 0\n';
      const body = JSON.stringify({ args: ['UMIK-1', 'umik-7000000.txt', text, null] });
      const answer = await fetch('/api/settings/setMicCalibration', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      if (!answer.ok) throw new Error(await answer.text());
    });
    await page.reload();
    await page.getByText('Microphone calibration…').click();
    const device = page.getByLabel("An input device's calibration");
    await expect.poll(() => device.inputValue(), { timeout: STEP_TIMEOUT_MS }).toBe('UMIK-1');
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await page.getByText(/^Levels in dB SPL through umik-7000000\.txt/).waitFor();

    await page.getByRole('button', { name: 'Remove calibration' }).click();
    await page.getByText(/^Not calibrated: levels are in dBFS/).waitFor();
    await spectrumIn('dBFS').waitFor({ timeout: 30_000 });
    expect(await csvHeader()).toMatch(/^frequency \(Hz\),level \(dBFS\/Hz\)/);
    // The refused file's answer is the one failed request the browser logs.
    expect(session.pageErrors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  }, 120_000);
});
