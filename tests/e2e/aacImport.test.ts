/**
 * End to end in Chromium: AAC (M4A) recordings from phones, decoded by the page's own browser
 * decoder at the file's rate and sent with the original. On a machine whose baseline is built
 * from healthy.m4a, faulty.m4a dropped on the import zone is listed as AAC with its bit rate and
 * rate, and its diagnosis names the worn gear, as the WAV it was encoded from does
 * (tests/node/audio/decoders/codecFixtures.test.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createHttpApi } from '../../renderer/api/httpApi.ts';
import type { BaselineSummary, JobStatus, MachineDetail } from '../../shared/api/contract.ts';
import { simLatheProfile } from '../../shared/simulation/profiles.ts';
import { fixture } from '../node/audio/decoders/hostileFiles.ts';
import { dropFiles, openSessionForFile, screenshot } from './support.ts';
import type { Session } from './support.ts';

let session: Session;
let page: Page;
openSessionForFile((opened) => {
  session = opened;
  page = opened.page;
});
/** The host's API from the test, as the page calls it. */
const api = () => createHttpApi({ origin: new URL(session.host.url).origin });

/** Both fixtures: 4 s, 44.1 kHz; the average rate is the file's size over its 4 s. */
const codecCell = (name: string) =>
  `AAC ${Math.round((fixture(name).length * 8) / 4 / 1000)} kbit/s, 44.1 kHz`;

async function dropAndWait(name: string): Promise<void> {
  await dropFiles(page, 'Drop recordings here', [{ name, bytes: fixture(name) }]);
  const row = page.getByRole('row', { name: new RegExp(name.replace('.', '\\.')) });
  await row.getByRole('cell', { name: codecCell(name), exact: true }).waitFor({ timeout: 60_000 });
  const cells = await row.getByRole('cell').allTextContents();
  // Decoded at the file's own rate (44.1 kHz, not the page's audio rate), mono, about 4 s.
  expect(cells.slice(4, 6)).toEqual(['44,100', '1']);
  expect(Math.abs(Number(cells[3]) - 4)).toBeLessThan(0.05);
}

async function buildBaseline(machineId: string, recordingId: string): Promise<void> {
  const jobId = await api().baselines.build(machineId, [recordingId]);
  let status: JobStatus<BaselineSummary>;
  do {
    await new Promise((resolve) => setTimeout(resolve, 250));
    status = await api().baselines.job(jobId);
  } while (status.state !== 'done' && status.state !== 'failed');
  expect(status.error).toBeNull();
}

describe('AAC recordings decoded by the page', () => {
  let machine: MachineDetail;

  it('imports healthy.m4a and faulty.m4a as AAC at 44.1 kHz; the worn gear is found', async () => {
    machine = await api().machines.create(simLatheProfile);
    await page.goto(`${session.host.url}#/machines/${machine.id}`);
    await dropAndWait('healthy.m4a');
    const [healthy] = await api().recordings.list(machine.id);
    expect(healthy.original).toEqual({ format: 'm4a', sizeBytes: fixture('healthy.m4a').length });
    await buildBaseline(machine.id, healthy.id);

    await dropAndWait('faulty.m4a');
    const faulty = (await api().recordings.list(machine.id)).find((r) => r.name === 'faulty.m4a');
    expect(faulty?.codec).toMatchObject({ code: 'aac', sampleRateHz: 44_100, channelCount: 1 });
    const diagnosis = await api().diagnoses.run(faulty!.id);
    expect(diagnosis.report.causes[0]?.id).toBe('gear-wear');

    // The machine page shows the verdict on the recording's row.
    await page.reload();
    const link = page.locator('a.verdict-link[data-recording="faulty.m4a"]');
    await expect
      .poll(() => link.getAttribute('data-verdict-cause'), { timeout: 30_000 })
      .toBe('gear-wear');
    await screenshot(page, 'aac-import');
    expect(session.pageErrors).toEqual([]);
  }, 240_000);

  it('words the AAC codec in Chinese', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    const row = page.getByRole('row', { name: /faulty\.m4a/ });
    const cell = codecCell('faulty.m4a').replace(', ', '，');
    await row.getByRole('cell', { name: cell, exact: true }).waitFor();
  });
});
