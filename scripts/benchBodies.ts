/**
 * `npm run bench:bodies`: the web host's memory while many clients upload large bodies at once.
 * Starts the real web host in a child process (fresh library), fires CLIENTS concurrent POSTs of
 * BODY_MIB MiB each to `recordings.appendImport` over loopback (an unknown import id: the host
 * reads each whole body before answering 404, so only body handling is measured, no disk), then
 * prints the host's peak RSS (VmHWM) and the answers. Runs once with the host's bound on large
 * bodies and once with it lifted to CLIENTS, for comparison. Prints figures; fails nothing.
 *
 * Environment: CLIENTS (default 120), BODY_MIB (default 16), MAX_LARGE_BODIES (default: the
 * host's DEFAULT_MAX_LARGE_BODIES).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  apiPath,
  ARGS_HEADER,
  BINARY_CONTENT_TYPE,
  encodeArgsHeader,
} from '../shared/api/httpProtocol.ts';
import { DEFAULT_MAX_LARGE_BODIES } from '../node/web/bodyGate.ts';
import { positiveIntegerFromEnv } from './bench/env.ts';

const HOST_CHILD = join(import.meta.dirname, 'benchBodies', 'hostChild.ts');

async function startHost(maxLargeBodies: number, home: string) {
  const child = spawn(process.execPath, ['--no-warnings', HOST_CHILD, String(maxLargeBodies)], {
    env: { ...process.env, AUSCULT_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the host exited (${code}) before its URL`)));
  });
  return { child, origin: new URL(url).origin };
}

/** VmHWM (peak resident set) and VmRSS of a process, in MB, from /proc. */
async function memoryMb(pid: number): Promise<{ peakMb: number; nowMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)![1]);
  return { peakMb: field('VmHWM') / 1024, nowMb: field('VmRSS') / 1024 };
}

function upload(origin: string, body: Uint8Array, index: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      origin + apiPath('recordings.appendImport'),
      {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': BINARY_CONTENT_TYPE,
          'Content-Length': body.byteLength,
          [ARGS_HEADER]: encodeArgsHeader([`bench_${index}`]),
        },
      },
      (incoming) => {
        incoming.resume();
        incoming.once('end', () => resolve(incoming.statusCode ?? 0));
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

function stopHost(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function run(maxLargeBodies: number, clients: number, body: Uint8Array) {
  const home = await mkdtemp(join(tmpdir(), 'auscult-bench-bodies-'));
  const { child, origin } = await startHost(maxLargeBodies, home);
  try {
    const idle = await memoryMb(child.pid!);
    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: clients }, (_, index) => upload(origin, body, index)),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await memoryMb(child.pid!);
    const counts = new Map<number, number>();
    for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
    return { idleMb: idle.nowMb, peakMb: after.peakMb, seconds, counts };
  } finally {
    await stopHost(child);
    await rm(home, { recursive: true, force: true });
  }
}

const clients = positiveIntegerFromEnv('CLIENTS', 120);
const bodyMib = positiveIntegerFromEnv('BODY_MIB', 16);
const bound = positiveIntegerFromEnv('MAX_LARGE_BODIES', DEFAULT_MAX_LARGE_BODIES);
const body = new Uint8Array(bodyMib * 1024 * 1024).fill(7);
console.log(`${clients} clients × ${bodyMib} MiB to recordings.appendImport over loopback`);
console.log('large bodies at once | host RSS idle (MB) | host peak RSS (MB) | seconds | answers');
for (const slots of [bound, clients]) {
  const result = await run(slots, clients, body);
  const answers = [...result.counts].map(([status, count]) => `${count}× ${status}`).join(', ');
  console.log(
    `${String(slots).padStart(20)} | ${result.idleMb.toFixed(0).padStart(18)} | ` +
      `${result.peakMb.toFixed(0).padStart(18)} | ${result.seconds.toFixed(1).padStart(7)} | ${answers}`,
  );
}
