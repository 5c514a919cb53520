/**
 * End to end in Chromium against `npm run serve` with a fresh library: the demo machine's
 * recordings reviewed. The lead-screw contamination recording shows its waveform (with the
 * default region) and host-computed spectrogram, the spectrum against the baseline with markers
 * switched by group, and the cause card `lead-screw-contamination` on top; saving to the fault
 * log confirms; the spectrum exports as CSV and PNG. The healthy recording names no cause.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openSessionForFile, screenshot, SCREENSHOT_DIR, STEP_TIMEOUT_MS } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});

/** Pixels of a canvas that are not fully transparent, and a checksum of all its pixels. */
function canvasStats(canvas: Locator): Promise<{ painted: number; checksum: number }> {
  return canvas.evaluate((element) => {
    const c = element as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let painted = 0;
    let checksum = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0) painted++;
      checksum = (checksum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) % 1_000_000_007;
    }
    return { painted, checksum };
  });
}

/** expect.poll with the step timeout (its own default, 1 s, is short for a busy machine). */
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: STEP_TIMEOUT_MS });

const spectrumCanvas = () =>
  page
    .getByRole('img', { name: /^Spectrum of/ })
    .locator('canvas')
    .first();

async function openRecording(name: string): Promise<void> {
  await page.getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name: `Review: ${name}` }).waitFor();
  await page.getByRole('heading', { name: 'Diagnosis', exact: true }).waitFor();
}

describe('the Review screen', () => {
  it('lists the recordings of every machine, each a link to its review', async () => {
    await page.goto(`${session.host.url}#/review`);
    await page.getByRole('heading', { name: 'Demo lathe' }).waitFor();
    await page.getByRole('link', { name: 'review-2.wav', exact: true }).waitFor();
    await screenshot(page, 'review-01-list');
  });

  it('shows the waveform with the default region and the spectrogram under it', async () => {
    await openRecording('review-2.wav');
    expect(page.url()).toMatch(/#\/review\/[A-Za-z0-9_-]+$/);
    const waveform = page.getByRole('group', { name: /^Waveform of review-2\.wav/ });
    // Playwright's CSS locators pierce wavesurfer's open shadow root.
    await poll(
      async () => (await canvasStats(waveform.locator('canvas').first())).painted,
    ).toBeGreaterThan(500);
    const spectrogram = page.getByRole('img', { name: /^Spectrogram/ });
    await poll(async () => (await canvasStats(spectrogram)).painted).toBeGreaterThan(10_000);
    // The demo recordings last 4 s: 5 % (0.2 s) is less than 0.5 s at each end.
    const region = waveform.locator('[part~="region"]');
    await region.waitFor();
    const style = await region.evaluate((el) => [
      (el as HTMLElement).style.left,
      (el as HTMLElement).style.right,
    ]);
    expect(style.map((value) => Math.round(parseFloat(value)))).toEqual([5, 5]);
    await expect(page.getByLabel('Analyse from (s)').inputValue()).resolves.toBe('0.2');
    await expect(page.getByLabel('to (s)').inputValue()).resolves.toBe('3.8');
  });

  it('names lead-screw contamination as the top cause, with its numbers', async () => {
    const top = page.locator('[data-cause-id]').first();
    await top.waitFor();
    await expect(top.getAttribute('data-cause-id')).resolves.toBe('lead-screw-contamination');
    await expect(top.textContent()).resolves.toContain('Lead-screw contamination');
    await page
      .locator('[data-cause-id="lead-screw-contamination"]')
      .first()
      .waitFor({ state: 'visible' });
    await page.getByText('Act now', { exact: true }).waitFor();
    await page
      .getByText(/^How unusual: [\d.]+ — [\d.]+ is the edge of normal for this machine\.$/)
      .waitFor();
    await page.locator('.analyst-details > summary').click();
    await page.getByText(/^Anomaly score [\d.]+, above the threshold [\d.]+\.$/).waitFor();
    // The speed the diagnosis used for each shaft, and where it came from.
    await page.getByText('Shaft speeds used:').waitFor();
    expect(await page.locator('.speeds-used li').count()).toBeGreaterThan(0);
  });

  it('draws the spectrum against the baseline, with markers switched on and off by group', async () => {
    await poll(async () => (await canvasStats(spectrumCanvas())).painted).toBeGreaterThan(5000);
    const bearings = page.getByRole('checkbox', { name: 'Bearing (BPFO, BPFI, BSF, FTF)' });
    await expect(bearings.isChecked()).resolves.toBe(true);
    const before = await canvasStats(spectrumCanvas());
    await bearings.uncheck();
    await poll(async () => (await canvasStats(spectrumCanvas())).checksum).not.toBe(
      before.checksum,
    );
    await bearings.check();
    await poll(async () => (await canvasStats(spectrumCanvas())).checksum).toBe(before.checksum);
    const envelope = page
      .getByRole('img', { name: /^Envelope spectrum/ })
      .locator('canvas')
      .first();
    await poll(async () => (await canvasStats(envelope)).painted).toBeGreaterThan(2000);
  });

  it('marks what the diagnosis flagged on the chart each finding came from', async () => {
    const spectrum = page.getByRole('img', { name: /^Spectrum of/ });
    const bands = Number(
      /flagged bands shaded: (\d+)/.exec((await spectrum.getAttribute('aria-label')) ?? '')?.[1],
    );
    expect(bands).toBeGreaterThan(0);
    await expect(page.getByText('Flagged band', { exact: true }).isVisible()).resolves.toBe(true);
    const envelope = page.getByRole('img', { name: /^Envelope spectrum/ });
    expect(await envelope.getAttribute('aria-label')).toMatch(/flagged lines highlighted: \d+$/);
  });

  it('reads out the values under the pointer', async () => {
    const plotArea = page.getByRole('img', { name: /^Spectrum of/ }).locator('.u-over');
    const box = await plotArea.boundingBox();
    await plotArea.hover({ position: { x: (box?.width ?? 200) * 0.5, y: 40 } });
    const readout = page.getByTestId('cursor-readout');
    await readout.waitFor();
    await expect(readout.textContent()).resolves.toMatch(
      /Frequency [\d,.]+ Hz.*level -?[\d.]+ dBFS\/Hz.*baseline -?[\d.]+ dBFS\/Hz \(normal band/,
    );
    await screenshot(page, 'review-02-lead-screw');
  });

  it('plays, pauses and zooms the waveform, the spectrogram following', async () => {
    const spectrogram = page.getByRole('img', { name: /^Spectrogram/ });
    const whole = await canvasStats(spectrogram);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await poll(async () => (await canvasStats(spectrogram)).checksum).not.toBe(whole.checksum);
    await page.getByRole('region', { name: 'Recording' }).screenshot({
      path: join(SCREENSHOT_DIR, 'review-05-zoomed.png'),
    });
    await page.getByRole('button', { name: 'Show the whole recording' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
  });

  it('saves the diagnosis to the fault log and confirms', async () => {
    await page.getByLabel('Note for the fault log (optional)').fill('Chips in the X screw guard');
    await page.getByRole('button', { name: 'Save to fault log' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved to the fault log.' }).waitFor();
    const entries = await page.evaluate(async () => {
      const response = await fetch('/api/faultLog/list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"args":[]}',
      });
      return ((await response.json()) as { result: { note: string; causeId: string }[] }).result;
    });
    expect(entries[0]).toMatchObject({
      note: 'Chips in the X screw guard',
      causeId: 'lead-screw-contamination',
    });
  });

  it('exports the shown spectrum as CSV and the chart as PNG', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export spectrum (CSV)' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^review-2-spectrum-0\.2-3\.8s\.csv$/);
    const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'frequency (Hz),level (dBFS/Hz),baseline median (dBFS/Hz),baseline lower (dBFS/Hz),baseline upper (dBFS/Hz)',
    );
    expect(lines.length).toBeGreaterThan(100);
    expect(lines[1]).toMatch(/^[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export chart (PNG)' }).click(),
    ]);
    const bytes = await readFile(await png.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('analyses again when the region is dragged on the waveform or typed in', async () => {
    const handle = page
      .getByRole('group', { name: /^Waveform of review-2\.wav/ })
      .locator('[part~="region-handle-left"]');
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    expect(box).not.toBeNull();
    const [x, y] = [(box?.x ?? 0) + 2, (box?.y ?? 0) + (box?.height ?? 0) / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 60, y, { steps: 5 });
    await page.mouse.move(x + 120, y, { steps: 5 });
    await page.mouse.up();
    const title = page.getByRole('heading', { name: /^Spectrum of .* against the baseline$/ });
    await poll(async () =>
      Number(/of ([\d.]+)–/.exec((await title.textContent()) ?? '')?.[1]),
    ).toBeGreaterThan(0.3);
    await page.getByLabel('Analyse from (s)').fill('1');
    await page.getByLabel('Analyse from (s)').press('Enter');
    await page
      .getByRole('heading', { name: 'Spectrum of 1.00–3.80 s against the baseline' })
      .waitFor();
    await page.locator('[data-cause-id="lead-screw-contamination"]').first().waitFor();
  });

  it('finds no fault in the healthy review recording', async () => {
    await openRecording('review-1.wav');
    await page.getByText('No fault found', { exact: false }).waitFor();
    expect(await page.locator('[data-cause-id]').count()).toBe(0);
    await page.getByText('Normal', { exact: true }).waitFor();
    await screenshot(page, 'review-03-healthy');
  });

  it('shows the review in Simplified Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByText('未发现故障', { exact: false }).waitFor();
    await page.getByRole('checkbox', { name: '轴承（BPFO、BPFI、BSF、FTF）' }).waitFor();
    await screenshot(page, 'review-04-zh');
    await page.getByLabel('语言').selectOption('en');
    await page.getByRole('link', { name: 'Review', exact: true }).waitFor();
  });

  it('logged no error in the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
