/**
 * `auscult sync` as a person runs it in a terminal: Ctrl-C (SIGINT) between passes ends it within
 * moments, with its summary, instead of after the pause between passes; and while the hub cannot
 * be reached it ends too (exit status 1), instead of trying again for ever.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openLibrary } from '../../../node/library/library.ts';
import { connectToHub } from '../../../node/sync/hubLinkApi.ts';
import { PASSWORD, spawnCli, startChildHub, TECHNICIAN } from './faultFixture.ts';
import type { ChildHub } from './faultFixture.ts';

let hub: ChildHub;
let home: string;

beforeAll(async () => {
  hub = await startChildHub();
  home = join(hub.folder, 'library');
  const library = await openLibrary(home, { demo: false });
  try {
    const linked = await connectToHub(library, {
      url: hub.url,
      name: TECHNICIAN,
      password: PASSWORD,
    });
    expect(linked).toBeNull();
  } finally {
    await library.close();
  }
}, 60_000);

afterAll(async () => {
  await hub?.close();
});

it('stops within moments of SIGINT between passes, with its summary', async () => {
  const child = spawnCli(['sync', '--home', home]);
  let output = '';
  let signalledAt = 0;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    // The first pass is done: the command now waits for the next one.
    if (signalledAt === 0 && output.includes('Sent ')) {
      signalledAt = performance.now();
      child.kill('SIGINT');
    }
  });
  const code = await exited;
  const seconds = (performance.now() - signalledAt) / 1000;
  expect(signalledAt, output).toBeGreaterThan(0);
  expect(code, output).toBe(0);
  expect(output).toContain('Pending: 0 row(s), 0 bytes of audio.');
  expect(seconds).toBeLessThan(5);
}, 60_000);

it('stops within moments of SIGINT while the hub cannot be reached, saying nothing was sent', async () => {
  await hub.kill();
  const child = spawnCli(['sync', '--home', home, '--once']);
  let output = '';
  let signalledAt = 0;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Without an end the command would retry for ever: the test ends it after 15 s.
  const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    // The first attempt failed: the command now waits to try again.
    if (signalledAt === 0 && output.includes('cannot be reached')) {
      signalledAt = performance.now();
      child.kill('SIGINT');
    }
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const code = await exited;
  clearTimeout(guard);
  const seconds = (performance.now() - signalledAt) / 1000;
  expect(signalledAt, output).toBeGreaterThan(0);
  expect(seconds, output).toBeLessThan(5);
  // Not the success of --once: nothing reached the hub.
  expect(code, output).toBe(1);
  expect(output).toMatch(/stopped before the hub could be reached/);
}, 60_000);
