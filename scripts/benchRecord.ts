/**
 * `npm run bench:record`: what the Record screen costs a laptop's processor. Starts the web
 * host (fresh library with the demo machine), drives the Record screen in headless Chromium
 * whose microphone plays a simulated WAV of the demo lathe, and measures the CPU time of every
 * Chromium process (utime + stime from /proc/<pid>/stat over the browser's process tree) for
 * IDLE_SECONDS with the live view open before recording, then RECORD_SECONDS while recording,
 * then RECORD_SECONDS more with the charts and level meter hidden (their drawing paused: the
 * floor of capture, analysis and upload). Before the app, two floors of Chromium itself on a
 * blank page of the host: the microphone open and nothing reading it, then its frames read
 * through MediaStreamTrackProcessor and dropped (what any page that listens pays). Prints % of
 * one core for each phase. Linux only (it reads /proc). Prints figures; fails nothing.
 *
 * Environment: IDLE_SECONDS (default 20), RECORD_SECONDS (default 20), THREADS=1 to split the
 * renderer processes' time by thread (main, worker, compositor, audio).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeWav } from '../shared/audio/wavEncoder.ts';
import { parseMachineProfile } from '../shared/diagnosis/profile.ts';
import { simulateMachine } from '../shared/simulation/machineSim.ts';
import { DEMO_PROFILE_JSON, DEMO_SAMPLE_RATE_HZ } from '../node/workflows/demo.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { startTestWebHost } from '../tests/helpers/webHost.ts';

function positiveSeconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new RangeError(
      `${name} must be a positive number of seconds, got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

const IDLE_SECONDS = positiveSeconds('IDLE_SECONDS', 20);
const RECORD_SECONDS = positiveSeconds('RECORD_SECONDS', 20);
/** The fake microphone loops its file; a long file keeps the loop's click out of the run. */
const FILE_SECONDS = 60;
const BY_THREAD = process.env.THREADS === '1';
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

interface ProcessInfo {
  readonly parentPid: number;
  /** utime + stime, clock ticks. */
  readonly cpuTicks: number;
  readonly command: string;
  /** Chromium's process type: browser, renderer, gpu-process, a utility's service name. */
  readonly kind: string;
}

/** Every process's parent and CPU ticks so far (those that vanish while read are skipped). */
async function processTable(): Promise<Map<number, ProcessInfo>> {
  const table = new Map<number, ProcessInfo>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      // Chromium rewrites its command line into one space-separated string: split on both.
      const argv = (await readFile(`/proc/${name}/cmdline`, 'utf8')).split(/[\0 ]/);
      const command = argv[0];
      const kind = /^--type=(.*)$/.exec(argv.find((arg) => arg.startsWith('--type=')) ?? '');
      const utility = /^--utility-sub-type=.*\.mojom\.(\w+)$/.exec(
        argv.find((arg) => arg.startsWith('--utility-sub-type=')) ?? '',
      );
      // The command name in parentheses may hold spaces: the fields follow its last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), {
        parentPid: Number(fields[1]),
        cpuTicks: Number(fields[11]) + Number(fields[12]),
        command,
        kind: utility?.[1] ?? kind?.[1] ?? 'browser',
      });
    } catch {
      // The process ended between readdir and readFile.
    }
  }
  return table;
}

/** CPU ticks and name of each thread of `pid`. */
async function threadTicks(pid: number): Promise<Map<number, { ticks: number; name: string }>> {
  const out = new Map<number, { ticks: number; name: string }>();
  try {
    for (const tid of await readdir(`/proc/${pid}/task`)) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), { ticks: Number(fields[11]) + Number(fields[12]), name });
    }
  } catch {
    // The process or a thread ended while read.
  }
  return out;
}

/** CPU ticks and process type of each Chromium process descending from this script. */
async function chromiumTicks(): Promise<Map<number, { ticks: number; kind: string }>> {
  const table = await processTable();
  const isDescendant = (pid: number): boolean => {
    for (let p = table.get(pid)?.parentPid; p !== undefined && p > 1; p = table.get(p)?.parentPid) {
      if (p === process.pid) return true;
    }
    return false;
  };
  const out = new Map<number, { ticks: number; kind: string }>();
  for (const [pid, info] of table) {
    if (!/chrom/i.test(info.command) || !isDescendant(pid)) continue;
    if (BY_THREAD && info.kind === 'renderer') {
      for (const [tid, thread] of await threadTicks(pid)) {
        out.set(tid, { ticks: thread.ticks, kind: `renderer:${thread.name}` });
      }
    } else {
      out.set(pid, { ticks: info.cpuTicks, kind: info.kind });
    }
  }
  return out;
}

interface Measurement {
  /** % of one core, all Chromium processes together. */
  readonly percent: number;
  /** % of one core per process type. */
  readonly byKind: ReadonlyMap<string, number>;
}

/** CPU the Chromium processes used over `seconds` (processes born meanwhile count whole). */
async function measure(seconds: number): Promise<Measurement> {
  const before = await chromiumTicks();
  const startMs = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await chromiumTicks();
  const elapsedSeconds = (performance.now() - startMs) / 1000;
  const toPercent = (ticks: number) => (100 * ticks) / CLOCK_TICKS_PER_SECOND / elapsedSeconds;
  const byKind = new Map<string, number>();
  for (const [pid, now] of after) {
    const ticks = now.ticks - (before.get(pid)?.ticks ?? 0);
    byKind.set(now.kind, (byKind.get(now.kind) ?? 0) + ticks);
  }
  const total = [...byKind.values()].reduce((sum, ticks) => sum + ticks, 0);
  return {
    percent: toPercent(total),
    byKind: new Map([...byKind].map(([kind, ticks]) => [kind, toPercent(ticks)])),
  };
}

function describe(label: string, seconds: number, result: Measurement): string {
  const parts = [...result.byKind]
    .filter(([, percent]) => percent >= 0.05)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, percent]) => `${kind} ${percent.toFixed(1)}`);
  return `  ${label} (${seconds} s): ${result.percent.toFixed(1)} % of a core [${parts.join(', ')}]`;
}

/**
 * Chromium's own cost of listening, measured on a blank page of the host (a secure origin):
 * the microphone opened with the Record screen's constraints and nothing reading it, then its
 * frames read through MediaStreamTrackProcessor on the page and closed at once.
 */
async function chromiumFloors(
  context: Awaited<ReturnType<typeof launchBrowser>>['context'],
  url: string,
): Promise<{ open: Measurement; read: Measurement }> {
  const page = await context.newPage();
  await page.goto(`${url}favicon.ico`);
  await page.evaluate(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    });
    (globalThis as { floorStream?: MediaStream }).floorStream = stream;
  });
  await page.waitForTimeout(2000);
  const open = await measure(IDLE_SECONDS);
  await page.evaluate(() => {
    type Processor = new (init: { track: MediaStreamTrack }) => {
      readable: ReadableStream<{ close(): void }>;
    };
    const stream = (globalThis as { floorStream?: MediaStream }).floorStream as MediaStream;
    const Processor = (globalThis as { MediaStreamTrackProcessor?: Processor })
      .MediaStreamTrackProcessor as Processor;
    const reader = new Processor({ track: stream.getAudioTracks()[0] }).readable.getReader();
    const pump = async (): Promise<void> => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        value.close();
      }
    };
    void pump();
  });
  await page.waitForTimeout(2000);
  const read = await measure(IDLE_SECONDS);
  await page.close();
  return { open, read };
}

async function main(): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'auscult-bench-record-'));
  const wavPath = join(folder, 'demo-lathe.wav');
  const samples = simulateMachine({
    profile: parseMachineProfile(DEMO_PROFILE_JSON),
    sampleRateHz: DEMO_SAMPLE_RATE_HZ,
    durationSeconds: FILE_SECONDS,
    seed: 5,
  });
  await writeFile(wavPath, encodeWav([samples], DEMO_SAMPLE_RATE_HZ));
  const host = await startTestWebHost(120_000);
  const browser = await launchBrowser([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}`,
  ]);
  try {
    const floors = await chromiumFloors(browser.context, host.url);
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(host.url);
    // A click is the user gesture the browser wants before it lets an AudioContext run.
    await page.getByRole('link', { name: 'Record', exact: true }).click();
    const screen = page.getByRole('region', { name: 'Record' });
    await screen.getByText('Live level shifted by', { exact: false }).waitFor();
    // Let the page settle (first layout, worker start-up) before measuring.
    await page.waitForTimeout(3000);
    const idle = await measure(IDLE_SECONDS);
    await screen.getByRole('button', { name: 'Record', exact: true }).click();
    await screen.getByRole('button', { name: 'Stop', exact: true }).waitFor();
    await page.waitForTimeout(1000);
    const recording = await measure(RECORD_SECONDS);
    // The floor: the same recording with the charts and the meter out of view, so their draws
    // pause (useDrawGate); what remains is capture, analysis, upload and the page itself.
    await page.evaluate(() => {
      for (const element of document.querySelectorAll<HTMLElement>('.record-charts, .level-meter'))
        element.style.display = 'none';
    });
    await page.waitForTimeout(1000);
    const hidden = await measure(RECORD_SECONDS);
    await screen.getByRole('button', { name: 'Stop', exact: true }).click();
    // The rate the capture path runs at (Chromium's fake device gives 44.1 kHz from any file).
    const rate = /Sample rate in use \(Hz\):\s*([\d,]+)/.exec(
      await page.locator('.record-screen').innerText(),
    )?.[1];
    console.log(`Record screen, headless Chromium (software rendering), ${cpus().length} cores`);
    console.log(`Capture at ${rate ?? '?'} Hz`);
    console.log('CPU of all Chromium processes, % of one core [by process type]:');
    console.log(describe('blank page, microphone open, not read', IDLE_SECONDS, floors.open));
    console.log(describe('blank page, frames read and dropped', IDLE_SECONDS, floors.read));
    console.log(describe('live view, before recording', IDLE_SECONDS, idle));
    console.log(describe('while recording', RECORD_SECONDS, recording));
    console.log(describe('while recording, charts and meter hidden', RECORD_SECONDS, hidden));
  } finally {
    await browser.close();
    await host.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

await main();
