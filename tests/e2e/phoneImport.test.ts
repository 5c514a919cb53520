/**
 * End to end in Chromium: recordings from phones. A 3GP call recording and an Opus voice
 * message dropped on a machine's import zone are listed with their codec, in English and in
 * Chinese; an M4A cut off before its sample tables is refused with the page's sentence (a whole
 * M4A is decoded by the page: aacImport.test.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixture } from '../node/audio/decoders/hostileFiles.ts';
import { dropFiles, openSessionForFile, screenshot } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile(async (opened) => {
  session = opened;
  page = opened.page;
  await page.goto(session.host.url);
  await page.getByRole('button', { name: /Demo lathe/ }).click();
  await page.getByRole('heading', { name: /Demo lathe/ }).waitFor();
});

describe('recordings from phones', () => {
  it('lists dropped phone recordings with their codec and refuses a cut-off M4A', async () => {
    await dropFiles(page, 'Drop recordings here', [
      { name: 'call 0412.3gp', bytes: fixture('faulty.3gp') },
      { name: 'voice message.opus', bytes: fixture('healthy.opus') },
      // The page cannot read its track, so it sends the file as it is and the host says why.
      { name: 'memo.m4a', bytes: fixture('faulty.m4a').subarray(0, 1000) },
    ]);
    const call = page.getByRole('row', { name: /call 0412\.3gp/ });
    await call.getByRole('cell', { name: 'AMR-NB 12.2 kbit/s, 8 kHz', exact: true }).waitFor();
    const cells = await call.getByRole('cell').allTextContents();
    // Decoded at the file's own rate: 8 kHz, mono, 4 s.
    expect(cells.slice(3, 6)).toEqual(['4.00', '8,000', '1']);
    const message = page.getByRole('row', { name: /voice message\.opus/ });
    await message.getByRole('cell', { name: /^Opus \d+ kbit\/s, 48 kHz$/ }).waitFor();
    const refused = page.getByRole('alert').filter({ hasText: 'memo.m4a' });
    await refused.waitFor();
    expect(await refused.textContent()).toBe(
      'Not imported: “memo.m4a” is a damaged or cut-off MP4 file, so nothing was imported.',
    );
    await screenshot(page, 'phone-imports');
    // The refused import's answer (422) is the one error Chromium logs.
    expect(session.pageErrors.filter((text) => !/status of 422/.test(text))).toEqual([]);
  });

  it('words the codec in Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    const call = page.getByRole('row', { name: /call 0412\.3gp/ });
    await call.getByRole('cell', { name: 'AMR-NB 12.2 kbit/s，8 kHz', exact: true }).waitFor();
  });
});
