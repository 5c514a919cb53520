/**
 * The web host as the end-to-end tests use it: `npm run serve` (node/web/main.ts) in a child
 * process with `PORT=0` and a fresh `AUSCULT_HOME`, its URL read from what it prints.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPOSITORY = join(import.meta.dirname, '..', '..');
/** What `npm run serve` runs, started without npm so that stopping it stops the server itself. */
export const SERVE_ENTRY = join(REPOSITORY, 'node', 'web', 'main.ts');
const URL_LINE = /running at (http:\/\/\S+)/;

export interface TestWebHost {
  /** The page's URL, e.g. http://127.0.0.1:40123/ */
  readonly url: string;
  /** The library folder (deleted by `stop`). */
  readonly home: string;
  /** Everything the host printed so far, for failure messages. */
  output(): string;
  /** Stops the host (SIGTERM, then SIGKILL after 5 s) and deletes the library folder. */
  stop(): Promise<void>;
}

function waitForUrl(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish(new Error(`The web host printed no URL within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      const match = URL_LINE.exec(output());
      if (match) finish(null, match[1]);
    };
    const onExit = (code: number | null) => {
      finish(new Error(`The web host exited (${code}) before printing its URL:\n${output()}`));
    };
    function finish(error: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(url as string);
    }
    child.stdout?.on('data', onData);
    child.on('exit', onExit);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the web host on a free port with an empty library. It builds the page first when
 * dist/renderer is missing or older than its sources, so allow for that in `timeoutMs`.
 */
export async function startTestWebHost(timeoutMs = 60_000): Promise<TestWebHost> {
  const home = await mkdtemp(join(tmpdir(), 'auscult-home-'));
  const child = spawn(process.execPath, ['--no-warnings', SERVE_ENTRY], {
    cwd: REPOSITORY,
    env: { ...process.env, PORT: '0', AUSCULT_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const output = () => text;
  const stop = async () => {
    await stopChild(child);
    await rm(home, { recursive: true, force: true });
  };
  try {
    const url = await waitForUrl(child, output, timeoutMs);
    return { url, home, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
