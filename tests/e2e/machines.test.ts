/**
 * End to end in Chromium against `npm run serve` with a fresh library: the demo machine, a new
 * machine through the form with its live preview, WAV imports by picker and by drop, a baseline
 * built with progress, and its spectrum drawn.
 */
import { describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { IMPORT_CHUNK_BYTES } from '../../shared/api/limits.ts';
import {
  dropFiles,
  healthyWav,
  toneWav,
  openSessionForFile,
  screenshot,
  writeTempFile,
} from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});

/** Counts the canvas pixels that are not blank, in the page. */
function paintedPixels(page: Page, canvasName: RegExp): Promise<number> {
  return page.getByRole('img', { name: canvasName }).evaluate((element) => {
    const canvas = element as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < (data?.length ?? 0); i += 4)
      if ((data as Uint8ClampedArray)[i] > 0) painted++;
    return painted;
  });
}

describe('the Machines screen', () => {
  it('lists the demo machine on first start', async () => {
    await page.goto(session.host.url);
    const demo = page.getByRole('button', { name: /Demo lathe/ });
    await demo.waitFor();
    await expect(demo.textContent()).resolves.toContain('Demo');
    await screenshot(page, '01-machines');
  });

  it("shows the demo machine's recordings and baseline spectrum", async () => {
    await page.getByRole('button', { name: /Demo lathe/ }).click();
    await page.getByRole('heading', { name: /Demo lathe/ }).waitFor();
    await page
      .getByRole('img', { name: /Baseline spectrum: median level and normal band in dBFS\/Hz/ })
      .waitFor();
    await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
    expect(
      await page.getByRole('checkbox', { name: /Use .* for the baseline/ }).count(),
    ).toBeGreaterThan(1);
    await expect.poll(() => paintedPixels(page, /Baseline spectrum/)).toBeGreaterThan(2000);
    await screenshot(page, '02-demo-machine');
  });

  it('creates a machine, previewing its characteristic frequencies as the form is filled', async () => {
    await page.getByRole('link', { name: 'Machines' }).click();
    await page.getByRole('button', { name: 'New machine' }).click();
    await page.getByLabel('Machine name').fill('E2E mill');
    await page.getByLabel('Mains frequency (Hz)').selectOption('60');
    await page.getByRole('button', { name: 'Add shaft' }).click();
    const shaft = page.getByRole('group', { name: 'Shaft 1' });
    await shaft.getByLabel('Speed (rpm)').fill('1200');
    await page.getByLabel('Type of the new component').selectOption('gear');
    await page.getByRole('button', { name: 'Add component' }).click();
    const gear = page.getByRole('group', { name: /Component 1/ });
    // Not filled yet: the field says in words where and what is wrong, and saving is blocked.
    await gear.getByText('Component 1 (gear-1) · Number of teeth: is required').waitFor();
    await expect(page.getByRole('button', { name: 'Save machine' }).isDisabled()).resolves.toBe(
      true,
    );
    await gear.getByLabel('Number of teeth').fill('20');
    const preview = page.getByRole('region', { name: 'Characteristic frequencies' });
    // 20 teeth × 1200 rpm / 60 = 400 Hz gear mesh; 60 Hz mains doubled to 120 Hz.
    await preview.getByRole('row', { name: /400\.0 Gear mesh gear-1/ }).waitFor();
    await preview.getByRole('row', { name: /120\.0 2× mains/ }).waitFor();
    await screenshot(page, '03-new-machine');
    await page.getByRole('button', { name: 'Save machine' }).click();
    await page.getByRole('heading', { name: 'E2E mill' }).waitFor();
    expect(page.url()).toMatch(/#\/machines\/[^/]+$/);
  });

  it('imports WAV files by file picker and by drag and drop, and shows a refused file', async () => {
    const picked = await writeTempFile(session.tempDir, 'picked healthy.wav', healthyWav(1));
    await page.getByLabel('Recordings to import').setInputFiles(picked);
    await page.getByRole('cell', { name: 'picked healthy.wav', exact: true }).waitFor();
    await dropFiles(page, 'Drop recordings here', [
      { name: 'dropped healthy.wav', bytes: healthyWav(2) },
      { name: 'not audio.wav', bytes: new TextEncoder().encode('this is not a WAV file at all') },
    ]);
    await page.getByRole('cell', { name: 'dropped healthy.wav', exact: true }).waitFor();
    const refused = page.getByRole('alert').filter({ hasText: 'Not imported' });
    await refused.waitFor();
    // The page's own sentence, from the error's reason and the file's name (no host message).
    expect(await refused.textContent()).toBe(
      'Not imported: “not audio.wav” is not a recording Auscult reads: it is text. Auscult reads WAV, FLAC, MP3, Ogg (Opus, Vorbis), AMR and 3GP.',
    );
    const row = page.getByRole('row', { name: /picked healthy\.wav/ });
    // 3 s at 16 kHz, mono, imported.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(1, 8)).toEqual([
      'picked healthy.wav',
      'Not diagnosed',
      '3.00',
      '16,000',
      '1',
      'WAV (uncompressed)',
      'Imported',
    ]);
    expect(await page.getByRole('cell', { name: 'not audio.wav', exact: true }).count()).toBe(0);
    await screenshot(page, '04-imported');
  });

  it('shows the progress of a large import', async () => {
    // 2 minutes of a 440 Hz tone at 44.1 kHz: 10.6 MB, three chunks of IMPORT_CHUNK_BYTES.
    const big = await writeTempFile(session.tempDir, 'long run.wav', toneWav(440, 120, 44_100));
    expect(statSync(big).size).toBeGreaterThan(2 * IMPORT_CHUNK_BYTES);
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>(
          'progress[aria-label="Importing long run.wav"]',
        );
        if (bar) seen.push(bar.value);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['value'],
      });
    });
    await page.getByLabel('Recordings to import').setInputFiles(big);
    await page.getByRole('cell', { name: 'long run.wav', exact: true }).waitFor();
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: number[] }).progressSeen,
    );
    expect(seen.some((value) => value > 0 && value < 1)).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('builds a baseline from the chosen recordings with progress to done, and draws its spectrum', async () => {
    await page.getByRole('checkbox', { name: 'Use picked healthy.wav for the baseline' }).check();
    await page.getByRole('checkbox', { name: 'Use dropped healthy.wav for the baseline' }).check();
    await page.getByRole('button', { name: 'Build baseline from selected recordings (2)' }).click();
    const progress = page.getByRole('progressbar', { name: 'Baseline progress' });
    await progress.waitFor();
    await page.getByText('Baseline built', { exact: true }).waitFor();
    await expect(progress.evaluate((bar) => (bar as HTMLProgressElement).value)).resolves.toBe(1);
    await page.getByText(/recordings used: 2/).waitFor();
    await page.getByRole('img', { name: /Baseline spectrum/ }).waitFor();
    await expect.poll(() => paintedPixels(page, /Baseline spectrum/)).toBeGreaterThan(2000);
    await screenshot(page, '05-baseline');
  });

  it('edits the machine: the form starts from the stored profile and the change is kept', async () => {
    await page.getByRole('button', { name: 'Edit machine' }).click();
    const teeth = page.getByRole('group', { name: /Component 1/ }).getByLabel('Number of teeth');
    await expect(teeth.inputValue()).resolves.toBe('20');
    await page.getByLabel('Machine name').fill('E2E mill B');
    await teeth.fill('25');
    const preview = page.getByRole('region', { name: 'Characteristic frequencies' });
    // 25 teeth × 20 Hz.
    await preview.getByRole('row', { name: /500\.0 Gear mesh gear-1/ }).waitFor();
    await screenshot(page, '06-edit-machine');
    await page.getByRole('button', { name: 'Save machine' }).click();
    await page.getByRole('heading', { name: 'E2E mill B' }).waitFor();
    // Recordings and baseline stay with the machine.
    await page.getByRole('cell', { name: 'picked healthy.wav', exact: true }).waitFor();
    await page.getByText(/recordings used: 2/).waitFor();
    await page.getByRole('button', { name: 'Edit machine' }).click();
    await expect(teeth.inputValue()).resolves.toBe('25');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'E2E mill B' }).waitFor();
  });

  it('lists the new machine with its baseline, not checked yet', async () => {
    await page.getByRole('button', { name: '← All machines' }).click();
    const card = page.getByRole('button', { name: /E2E mill/ });
    await card.waitFor();
    // A baseline but no diagnosis yet: no verdict to show.
    await expect(card.textContent()).resolves.toContain('Not checked yet');
    await expect(card.textContent()).resolves.toContain('Last recording');
    await screenshot(page, '07-machines-after');
  });

  it('logged no error in the page', () => {
    // The refused import answers 422 by design; Chromium logs every non-2xx fetch.
    const unexpected = session.pageErrors.filter((text) => !/status of 422/.test(text));
    expect(unexpected).toEqual([]);
  });
});
