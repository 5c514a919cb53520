/**
 * `npm run bench:hub`: the hub under load (issue 12). Starts a throwaway PostgreSQL cluster
 * (tests/helpers/postgresCluster.ts), migrates it, adds technicians in several plants, a
 * supervisor and an admin, and starts the hub in a child process of its own. Then:
 *   1. DESKTOPS simulated desktops upload RECORDINGS one-minute recordings each, all at once
 *      (scripts/benchHub/uploads.ts): throughput, and p50/p95 of the chunk calls;
 *   2. MACHINES machines and ENTRIES fault-log entries are written straight into the database
 *      (scripts/benchHub/seed.ts), and the list and filter calls are timed as a supervisor and
 *      as an admin (scripts/benchHub/lists.ts): p50/p95 against the 100 ms target;
 *   3. the hub's peak RSS (VmHWM) after each half.
 * Prints figures; fails nothing. docs/benchmark.md has the measured figures.
 *
 * Environment: DESKTOPS (50), RECORDINGS (10), ENTRIES (100000), MACHINES (ENTRIES / 100, at
 * most 1000), PLANTS (5), CALLS (50 per method and caller, or 30 s), CHUNK_BYTES (the page's,
 * 4 MiB).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { IMPORT_CHUNK_BYTES } from '../shared/api/limits.ts';
import { addUser } from '../node/hub/people.ts';
import type { Role } from '../node/hub/people.ts';
import { migratePostgresDatabase } from '../node/store/postgres/postgresStore.ts';
import { startPostgresCluster } from '../tests/helpers/postgresCluster.ts';
import { positiveIntegerFromEnv } from './bench/env.ts';
import { resent, signIn } from './benchHub/client.ts';
import { runLists } from './benchHub/lists.ts';
import { demoReports, seedLists } from './benchHub/seed.ts';
import { loadLine, MB, peakRssMb } from './benchHub/stats.ts';
import { runUploads, simulatedRecording } from './benchHub/uploads.ts';

const DESKTOPS = positiveIntegerFromEnv('DESKTOPS', 50);
const RECORDINGS = positiveIntegerFromEnv('RECORDINGS', 10);
const ENTRIES = positiveIntegerFromEnv('ENTRIES', 100_000);
// The ratio, 100 entries a machine, up to its 1 000 machines (20 for ENTRIES=2000).
const MACHINES = positiveIntegerFromEnv('MACHINES', Math.min(1000, Math.ceil(ENTRIES / 100)));
const PLANTS = positiveIntegerFromEnv('PLANTS', 5);
const CALLS = positiveIntegerFromEnv('CALLS', 50);
const CHUNK_BYTES = positiveIntegerFromEnv('CHUNK_BYTES', IMPORT_CHUNK_BYTES);
const PASSWORD = 'a benchmark password';

const plantName = (n: number) => `Plant ${n % PLANTS}`;

/** Technician i works in plant i mod PLANTS; the supervisor in the first two plants. */
function people(): { name: string; role: Role; plants: string[] }[] {
  return [
    ...Array.from({ length: DESKTOPS }, (_, i) => ({
      name: `technician-${i}`,
      role: 'technician' as const,
      plants: [plantName(i)],
    })),
    { name: 'supervisor', role: 'supervisor', plants: [plantName(0), plantName(1)] },
    { name: 'admin', role: 'admin', plants: [] },
  ];
}

/** Starts the hub's process; resolves to it and its URL once it listens. */
async function startHubProcess(databaseUrl: string, workFolder: string) {
  const script = join(import.meta.dirname, 'benchHub', 'hubProcess.ts');
  const child = spawn(process.execPath, ['--no-warnings', script, databaseUrl, workFolder], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the hub exited with ${code}`)));
  });
  return { child, url: (JSON.parse(first) as { url: string }).url };
}

function stopHubProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  return exited;
}

async function databaseSizes(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query(`SELECT pg_database_size(current_database()) AS total,
    pg_total_relation_size('audio_chunks') AS audio, pg_total_relation_size('fault_log') AS log`);
  const mb = (value: unknown) => `${(Number(value) / MB).toFixed(0)} MB`;
  return `database ${mb(rows[0].total)} (audio chunks ${mb(rows[0].audio)}, fault log ${mb(rows[0].log)})`;
}

async function main(): Promise<void> {
  console.log(
    `Hub benchmark: ${DESKTOPS} desktops × ${RECORDINGS} recordings; ${MACHINES} machines, ` +
      `${ENTRIES} fault-log entries in ${PLANTS} plants; ${loadLine()}`,
  );
  const cluster = await startPostgresCluster();
  const workFolder = await mkdtemp(join(tmpdir(), 'auscult-bench-hub-'));
  let pool: pg.Pool | undefined;
  let hub: ChildProcess | undefined;
  try {
    const databaseUrl = await cluster.newDatabase();
    await migratePostgresDatabase(databaseUrl);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const clock = { now: () => new Date(), newId: randomUUID };
    const reports = demoReports();
    for (const person of people()) await addUser(pool, clock, { ...person, password: PASSWORD });
    const started = await startHubProcess(databaseUrl, workFolder);
    hub = started.child;
    const url = started.url;
    const desktops = await Promise.all(
      Array.from({ length: DESKTOPS }, (_, i) =>
        signIn(url, `technician-${i}`, PASSWORD, `Desktop ${i}`),
      ),
    );
    await runUploads({
      desktops,
      recordingsPerDesktop: RECORDINGS,
      wav: simulatedRecording(),
      chunkBytes: CHUNK_BYTES,
    });
    console.log(`Hub peak RSS after the uploads: ${(await peakRssMb(hub.pid!)).toFixed(0)} MB`);

    const start = performance.now();
    const { rows } = await pool.query('SELECT id FROM plants ORDER BY name');
    const plantIds = rows.map((row) => String(row.id));
    await seedLists(pool, {
      machines: MACHINES,
      entries: ENTRIES,
      plantIds,
      reports: await reports,
    });
    console.log(
      `Seeded ${MACHINES} machines and ${ENTRIES} fault-log entries in ` +
        `${((performance.now() - start) / 1000).toFixed(1)} s; ${await databaseSizes(pool)}`,
    );
    const callers = [
      await signIn(url, 'supervisor', PASSWORD),
      await signIn(url, 'admin', PASSWORD),
    ];
    const met = await runLists({ callers, calls: CALLS, timeLimitSeconds: 30 });
    console.log(`List calls: ${met ? 'every p95 under 100 ms' : 'some p95 OVER 100 ms'}`);
    console.log(
      `Hub peak RSS overall: ${(await peakRssMb(hub.pid!)).toFixed(0)} MB; ${loadLine()}`,
    );
    const again = [...resent].map(([path, count]) => `${path} ${count}`).join(', ');
    console.log(`Requests sent again after their connection closed: ${again || 'none'}`);
  } finally {
    if (hub) await stopHubProcess(hub);
    await pool?.end();
    await cluster.stop();
    await rm(workFolder, { recursive: true, force: true });
  }
}

await main();
