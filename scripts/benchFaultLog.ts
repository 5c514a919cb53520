/**
 * `npm run bench:faultlog`: the Fault log screen with 100 000 entries. Starts the web host (fresh
 * library with the demo machine), writes ENTRIES entries straight into its library through the
 * store (the demo's diagnoses, spread over a year, a third acknowledged, a few archived), opens
 * the screen in headless Chromium and measures in the page how long each filter takes from the
 * change to the paint of its first page (asked of the host: faultLog.page; the screen writes it
 * as `data-update-ms`, see
 * renderer/features/faultLog/useUpdateTiming.ts), then the frame times of a fast scroll through
 * the table. Prints the figures (median and worst of REPEATS runs); fails nothing.
 *
 * Environment: ENTRIES (default 100000), REPEATS (default 5).
 */
import type { Page } from 'playwright-core';
import { openLibrary } from '../node/library/library.ts';
import { createHttpApi } from '../renderer/api/httpApi.ts';
import type { StoredDiagnosis } from '../shared/api/contract.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startTestWebHost } from '../tests/helpers/webHost.ts';
import { positiveIntegerFromEnv } from './bench/env.ts';
import { median } from './bench/report.ts';

const ENTRIES = positiveIntegerFromEnv('ENTRIES', 100_000);
const REPEATS = positiveIntegerFromEnv('REPEATS', 5);
const NOTES = ['Chips in the X screw guard', 'Noise at high feed', 'Routine check', 'Belt squeal'];
const PEOPLE = ['Li Wei', 'Ana', 'Bo', 'Cai', '王芳'];

/** Writes the entries into the host's library from this process (SQLite in WAL mode). */
async function seed(home: string, origin: string): Promise<void> {
  const api = createHttpApi({ origin });
  const [demo] = await api.machines.list();
  const diagnoses: StoredDiagnosis[] = [];
  for (const recording of await api.recordings.list(demo.id)) {
    diagnoses.push(...(await api.diagnoses.list(recording.id)));
  }
  const yearAgoMs = Date.now() - 365 * 86_400_000;
  const stepMs = Math.floor((365 * 86_400_000) / ENTRIES);
  let index = 0;
  const library = await openLibrary(home, {
    demo: false,
    now: () => new Date(yearAgoMs + index * stepMs),
  });
  try {
    await library.store.transaction(async (tx) => {
      for (let i = 0; i < ENTRIES; i++) {
        index = i;
        const diagnosis = diagnoses[i % diagnoses.length];
        const top = diagnosis.report.causes[0];
        const entry = await tx.faultLog.add({
          machineId: demo.id,
          diagnosisId: diagnosis.id,
          recordingId: diagnosis.recordingId,
          causeId: top?.id ?? null,
          componentId: top?.componentId ?? null,
          note: `${NOTES[i % NOTES.length]} #${i}`,
          recordedBy: PEOPLE[i % PEOPLE.length],
        });
        if (i % 3 === 1) {
          await tx.faultLog.transition(entry.id, {
            toStatus: 'acknowledged',
            by: PEOPLE[(i + 1) % PEOPLE.length],
            reason: '',
            followUpRecordingId: null,
          });
        }
        if (i % 50 === 7) await tx.faultLog.setArchived(entry.id, true, 'Ana');
      }
    });
  } finally {
    await library.close();
  }
}

const updateCount = (page: Page) =>
  page.locator('section.fault-log').evaluate((el) => Number(el.dataset.updateCount ?? '0'));

/** Runs `act` and returns the page's own measure of change-to-paint, in ms. */
async function timed(page: Page, act: () => Promise<void>): Promise<number> {
  const before = await updateCount(page);
  await act();
  await page.waitForFunction(
    (count) =>
      Number(document.querySelector<HTMLElement>('section.fault-log')?.dataset.updateCount) > count,
    before,
    { timeout: 60_000 },
  );
  return page.locator('section.fault-log').evaluate((el) => Number(el.dataset.updateMs ?? 'NaN'));
}

function summary(samples: readonly number[]): string {
  return `median ${median(samples).toFixed(0)} ms, worst ${Math.max(...samples).toFixed(0)} ms`;
}

/** Scrolls the table by `stepPx` each frame for `frames` frames; the frame intervals in ms. */
function scrollFrames(page: Page, stepPx: number, frames: number): Promise<number[]> {
  return page.locator('.virtual-table').evaluate(
    (box, [step, count]) =>
      new Promise<number[]>((resolve) => {
        const intervals: number[] = [];
        let last = performance.now();
        const frame = (now: number) => {
          intervals.push(now - last);
          last = now;
          box.scrollTop += step;
          if (intervals.length < count) requestAnimationFrame(frame);
          else resolve(intervals.slice(1));
        };
        requestAnimationFrame(frame);
      }),
    [stepPx, frames] as const,
  );
}

async function measure(page: Page): Promise<void> {
  const status = page.getByLabel('Status', { exact: true });
  const search = page.getByLabel('Search names and notes');
  const cases: [string, () => Promise<void>, () => Promise<void>][] = [
    [
      'filter by status (open)',
      async () => void (await status.selectOption('open')),
      async () => void (await status.selectOption('')),
    ],
    ['filter by text ("screw #1")', () => search.fill('screw #1'), () => search.fill('')],
    [
      'show archived',
      () => page.getByLabel('Show archived').check(),
      () => page.getByLabel('Show archived').uncheck(),
    ],
  ];
  for (const [name, act, undo] of cases) {
    const samples: number[] = [];
    for (let run = 0; run < REPEATS; run++) {
      samples.push(await timed(page, act));
      await timed(page, undo);
    }
    console.log(`  ${name.padEnd(30)} ${summary(samples)}`);
  }
  // 0 px: the frame rate this browser keeps with nothing to do, the baseline of the others.
  for (const stepPx of [0, 200, 2000]) {
    const intervals = await scrollFrames(page, stepPx, 120);
    const sorted = [...intervals].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.floor(share * (sorted.length - 1))].toFixed(1);
    console.log(
      `  scroll ${stepPx} px a frame, ${intervals.length} frames: median frame ${at(0.5)} ms, ` +
        `p95 ${at(0.95)} ms, rows in the DOM ${await page.locator('.fault-log-table tbody tr').count()}`,
    );
  }
}

async function main(): Promise<void> {
  const host = await startTestWebHost(120_000);
  const browser = await launchBrowser();
  try {
    const origin = new URL(host.url).origin;
    let start = performance.now();
    await seed(host.home, origin);
    console.log(
      `Seeded ${ENTRIES} entries in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    );
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    start = performance.now();
    await page.goto(`${host.url}#/fault-log`);
    await page.locator('.fault-log-table tbody tr[data-entry-id]').first().waitFor({
      timeout: 120_000,
    });
    console.log(
      `Fault log screen with ${ENTRIES} entries (Chromium, 1366×768), first rows shown ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s after opening; change to paint:`,
    );
    await measure(page);
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
