// `npm run serve` and `npm start` as processes: the URL they print, the page they serve, Ctrl+C.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../shared/api/httpProtocol.ts';

const root = join(import.meta.dirname, '..', '..', '..');
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-serve-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly output: () => string;
}

function run(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--no-warnings', join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, AUSCULT_HOME: join(folder, 'library'), ...env },
  });
}

/** Starts a script and resolves with the URL it prints. */
function startAndWaitForUrl(script: string, env: Record<string, string>): Promise<Started> {
  const child = run(script, [], env);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (text: Buffer): void => {
      output += text.toString();
      const match = /Auscult is running at (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (text: Buffer) => (stdout += text.toString()));
  child.stderr?.on('data', (text: Buffer) => (stderr += text.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}

async function expectServesThePage(url: string): Promise<void> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  expect(await response.text()).toContain('<div id="root">');
}

describe('npm run serve', () => {
  it('prints the URL on 127.0.0.1, serves the built page, and stops cleanly on SIGINT', async () => {
    const started = await startAndWaitForUrl('node/web/main.ts', { PORT: '0' });
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expectServesThePage(started.url);
    const exit = exitOf(started.child);
    started.child.kill('SIGINT');
    expect((await exit).code).toBe(0);
  });

  it.each([
    ['a PORT that is not a number', [], { PORT: 'http' }, /PORT must be a number from 0 to 65535/],
    ['an unknown option', ['--bogus'], { PORT: '0' }, /Unknown option '--bogus'/],
  ])('exits with status 2 for %s', async (_name, args, env, message) => {
    const { code, stderr } = await exitOf(run('node/web/main.ts', args, env));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('says in one sentence when the port is taken, and exits with status 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, stderr } = await exitOf(run('node/web/main.ts', [], { PORT: String(port) }));
      expect(code).toBe(1);
      // The last line: a rebuild of the page may have printed before it.
      expect(stderr.trim().split('\n').at(-1)).toBe(
        `Port ${port} is in use: set PORT to another port, or PORT=0 for a free one.`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('npm start without the Electron binary', () => {
  it('says so in one sentence, then serves the same app in the browser', async () => {
    // An empty override folder stands for "no binary", also on a machine that has one.
    const started = await startAndWaitForUrl('scripts/start.ts', {
      PORT: '0',
      ELECTRON_OVERRIDE_DIST_PATH: join(folder, 'no-electron'),
    });
    const sentences = started
      .output()
      .split('\n')
      .filter((line) => line.includes('Electron'));
    expect(sentences).toEqual([
      expect.stringMatching(
        /^The Electron desktop binary is not available on this machine, .*npm run serve.*\.$/,
      ),
    ]);
    await expectServesThePage(started.url);
    const exit = exitOf(started.child);
    started.child.kill('SIGINT');
    expect((await exit).code).toBe(0);
  }, 120_000);
});
