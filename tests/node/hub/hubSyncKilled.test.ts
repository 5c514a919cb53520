/**
 * A hub process killed (SIGKILL) again and again while a desktop uploads to it: after each
 * restart the upload's state holds whole chunks only (every acknowledged one, and at most the
 * one in flight), and the finished upload is the file, stored once, with its SHA-256.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../../node/hub/people.ts';
import { createPostgresAudioStore } from '../../../node/store/postgres/audioStore.ts';
import { migratePostgresDatabase } from '../../../node/store/postgres/postgresStore.ts';
import { killDelaysMs } from '../../helpers/killChild.ts';
import { startPostgresCluster } from '../../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../../helpers/postgresCluster.ts';
import { PASSWORD, sha256 } from './syncFixture.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CWRU = resolve(root, '..', 'shared', 'data', 'cwru');
const CHUNK = 64 * 1024;
const KILLS = 8;
let cluster: PostgresCluster;
let folder: string;
let url: string;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = await startPostgresCluster();
  folder = await mkdtemp(join(tmpdir(), 'auscult-hub-killed-'));
  url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  pool = new pg.Pool({ connectionString: url, max: 2 });
  const clock = { now: () => new Date(), newId: randomUUID };
  await addUser(pool, clock, {
    name: 'tech',
    role: 'technician',
    password: PASSWORD,
    plants: ['North'],
  });
});
afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** `auscult hub serve` in a process of its own; resolves once it printed its URL. */
function startHubProcess(port: number): Promise<ChildProcess> {
  const args = ['--no-warnings', join(root, 'node', 'cli', 'run.ts'), 'hub', 'serve'];
  args.push('--database', url, '--port', String(port), '--work', join(folder, 'work'));
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('serves')) done(child);
    });
    child.on('exit', () => fail(new Error(`the hub stopped: ${stderr}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.removeAllListeners('exit');
    child.on('exit', () => done());
    child.kill('SIGKILL');
  });
}

it('keeps whole chunks only across SIGKILLs, and stores the finished file once', async () => {
  const names = (await readdir(CWRU)).filter((name) => name.endsWith('.wav')).sort();
  const file = Buffer.concat(await Promise.all(names.map((name) => readFile(join(CWRU, name)))));
  const hash = sha256(file);
  const id = randomUUID();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/`;
  let hub = await startHubProcess(port);
  const signIn = await fetch(`${base}hub/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'tech', password: PASSWORD, deviceName: 'laptop' }),
  });
  const { token } = (await signIn.json()) as { token: string };
  const headers = { Authorization: `Bearer ${token}` };
  const path = `${base}hub/sync/audio/${id}/audio`;
  const state = async () =>
    (await (await fetch(path, { headers })).json()) as Record<string, unknown>;
  let acknowledged = 0;
  let onAcknowledged = () => {};
  /** Sends chunks from where the hub stands until it is complete or the connection fails. */
  const upload = async () => {
    try {
      for (
        let start = (await state()).receivedBytes as number;
        start < file.length;
        start += CHUNK
      ) {
        const bytes = file.subarray(start, start + CHUNK);
        const answer = await fetch(path, {
          method: 'PUT',
          headers: {
            ...headers,
            'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${file.length}`,
            'X-Auscult-Sha256': hash,
          },
          body: new Uint8Array(bytes),
        });
        expect(answer.status).toBe(200);
        acknowledged = start + bytes.length;
        onAcknowledged();
      }
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // fetch failed: the hub is gone
    }
  };
  // Each round lets a few chunks through, then kills the hub a moment into the next one; the
  // last round kills it during the last chunk, which moves the file into the audio store.
  const delays = killDelaysMs(KILLS, 12, 40);
  for (const [round, delayMs] of delays.entries()) {
    const chunksLeft = Math.ceil((file.length - acknowledged) / CHUNK);
    const letThrough = round === KILLS - 1 ? chunksLeft - 1 : 2 + (delayMs % 4);
    let count = 0;
    const kill = new Promise<void>((resolve) => {
      onAcknowledged = () => {
        if (++count === letThrough) setTimeout(resolve, delayMs);
      };
      if (letThrough === 0) setTimeout(resolve, delayMs);
    });
    const uploading = upload();
    await kill;
    await killed(hub);
    await uploading;
    hub = await startHubProcess(port);
    const after = await state();
    const received = after.receivedBytes as number;
    expect(received % CHUNK === 0 || received === file.length).toBe(true);
    expect(received).toBeGreaterThanOrEqual(acknowledged);
    expect(received).toBeLessThanOrEqual(acknowledged + CHUNK);
    const held = await pool.query(
      'SELECT coalesce(sum(length(bytes)), 0) AS bytes FROM sync_upload_chunks WHERE recording_id = $1',
      [id],
    );
    expect(Number(held.rows[0].bytes)).toBe(after.complete ? 0 : received);
    acknowledged = received;
  }
  onAcknowledged = () => {};
  await upload();
  expect(await state()).toMatchObject({ complete: true, sha256: hash });
  await killed(hub);
  const store = createPostgresAudioStore(pool, folder);
  expect(sha256(await store.read(id, 0, file.length))).toBe(hash);
  const objects = await pool.query('SELECT count(*) FROM audio_objects WHERE id = $1', [id]);
  expect(Number(objects.rows[0].count)).toBe(1);
}, 240_000);
