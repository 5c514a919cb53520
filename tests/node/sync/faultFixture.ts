/**
 * What the sync fault tests share: a hub on a throwaway PostgreSQL cluster, run as a child
 * process (`auscult hub serve`) that a test can SIGKILL and start again on the same port; a
 * technician to sign in as; and the hub's copy of a recording's audio, read from its database.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { HUB_PASSWORD, startHubDatabase } from '../../helpers/hubDatabase.ts';
import { freePort } from '../../helpers/postgresCluster.ts';

export const TECHNICIAN = 'tech';
export const PASSWORD = HUB_PASSWORD;
const RUN_CLI = join(import.meta.dirname, '..', '..', '..', 'node', 'cli', 'run.ts');

export interface ChildHub {
  readonly url: string;
  readonly pool: pg.Pool;
  /** A file holding the technician's password, for `auscult sync --password-file`. */
  readonly passwordFile: string;
  readonly folder: string;
  /** SIGKILLs the hub and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts the hub again (or first) and waits until it listens. */
  start(): Promise<void>;
  /** The hub's audio object `id` as stored: its SHA-256, or null when it has none. */
  audioSha256(id: string): Promise<string | null>;
  close(): Promise<void>;
}

/** Runs the command line as a child process, on the Node running the tests. */
export function spawnCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [RUN_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startChildHub(): Promise<ChildHub> {
  const database = await startHubDatabase(
    { [TECHNICIAN]: { role: 'technician', plants: ['North'] } },
    'sync-faults',
  );
  const { url: databaseUrl, pool, folder } = database;
  const passwordFile = join(folder, 'password.txt');
  await writeFile(passwordFile, `${PASSWORD}\n`);
  const port = await freePort();
  const work = join(folder, 'hub-work');
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['hub', 'serve', '--database', databaseUrl, '--port', String(port)];
      const started = spawnCli([...args, '--work', work]);
      child = started;
      let output = '';
      started.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('serves')) resolve();
      });
      started.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`the hub stopped (${code}): ${output}`)));
    });
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };
  await start();
  return {
    url: `http://127.0.0.1:${port}/`,
    pool,
    passwordFile,
    folder,
    kill,
    start,
    async audioSha256(id) {
      const { rows } = await pool.query(
        'SELECT bytes FROM audio_chunks WHERE object_id = $1 ORDER BY chunk_number',
        [id],
      );
      if (rows.length === 0) return null;
      const hash = createHash('sha256');
      for (const row of rows) hash.update(row.bytes as Buffer);
      return hash.digest('hex');
    },
    async close() {
      await kill();
      await database.close();
    },
  };
}

/** A mono 16-bit WAV of seeded noise, `seconds` long at 48 kHz: megabytes in milliseconds. */
export function noiseWav(seed: number, seconds: number): Uint8Array {
  const rateHz = 48_000;
  const dataBytes = rateHz * seconds * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) =>
    [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rateHz, true);
  view.setUint32(28, rateHz * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  let state = seed >>> 0 || 1;
  for (let offset = 44; offset < bytes.length; offset += 2) {
    state = (state * 1664525 + 1013904223) >>> 0;
    view.setInt16(offset, ((state >>> 16) & 0x3fff) - 0x2000, true);
  }
  return bytes;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
