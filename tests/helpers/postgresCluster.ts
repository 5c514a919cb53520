/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, started on a free
 * port of 127.0.0.1 with its socket in that folder, stopped and removed at the end. Never a
 * shared server: every run starts from nothing. initdb refuses to run as root, so when the tests
 * run as root (CI) the cluster belongs to the `postgres` user Debian's package creates.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian keeps the server's programs out of PATH, one folder per major version. */
export function postgresBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      'PostgreSQL is not installed: on Debian or Ubuntu run `apt-get install -y postgresql` (.ci/run does)',
    );
  }
  return join(root, versions[0], 'bin');
}

/** A port of 127.0.0.1 free right now (the caller binds it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PostgresCluster {
  /**
   * A connection URL for a new, empty database of this cluster (made by the call): a schema of
   * its own in one database, which is as separate for the store and costs milliseconds where
   * CREATE DATABASE costs a checkpoint.
   */
  newDatabase(): Promise<string>;
  readonly port: number;
  stop(): Promise<void>;
}

/** Runs `program` as the cluster's owner. */
function asOwner(asRoot: boolean, program: string, args: string[]) {
  return asRoot ? run('runuser', ['-u', 'postgres', '--', program, ...args]) : run(program, args);
}

/** Resolves when the server answers on its port (pg_isready), rejects after `timeoutMs`. */
async function waitUntilReady(bin: string, folder: string, port: number, server: ChildProcess) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}`);
    try {
      await run(join(bin, 'pg_isready'), ['-h', folder, '-p', String(port), '-q']);
      return;
    } catch {
      if (Date.now() > deadline) throw new Error('postgres did not start within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const asRoot = userInfo().uid === 0;
  const folder = await mkdtemp(join(tmpdir(), 'auscult-pg-'));
  const data = join(folder, 'data');
  if (asRoot) {
    await chmod(folder, 0o755);
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout), Number(gid));
  }
  // Trust on loopback and the private socket: the cluster lives for one test run.
  await asOwner(asRoot, join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'auscult',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  // fsync stays on: the kill tests check that what was acknowledged is kept.
  const args = ['-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1'];
  const program = join(bin, 'postgres');
  const server = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', program, ...args], { stdio: 'ignore' })
    : spawn(program, args, { stdio: 'ignore' });
  await waitUntilReady(bin, folder, port, server);
  let count = 0;
  const database = `postgres://auscult@127.0.0.1:${port}/postgres`;
  return {
    port,
    async newDatabase() {
      const schema = `auscult_test_${++count}`;
      await run(join(bin, 'psql'), [database, '-q', '-c', `CREATE SCHEMA ${schema}`]);
      return `${database}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    },
    async stop() {
      // A "fast" shutdown closes connections; pg_ctl waits until the server is gone.
      if (server.exitCode === null) {
        await asOwner(asRoot, join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-s']);
      }
      await rm(folder, { recursive: true, force: true });
    },
  };
}
