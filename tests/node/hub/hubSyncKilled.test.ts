/**
 * A hub process killed (SIGKILL) again and again while a desktop uploads to it: after each
 * restart the upload's state holds whole chunks only (every acknowledged one, and at most the
 * one in flight), and the finished upload is the file, stored once, with its SHA-256.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { killDelaysMs } from '../../helpers/killChild.ts';
import { PASSWORD, startChildHub, TECHNICIAN } from '../sync/faultFixture.ts';
import type { ChildHub } from '../sync/faultFixture.ts';
import { sha256 } from './syncFixture.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CWRU = resolve(root, '..', 'shared', 'data', 'cwru');
const CHUNK = 64 * 1024;
const KILLS = 8;
let hub: ChildHub;

beforeAll(async () => {
  hub = await startChildHub();
});
afterAll(async () => {
  await hub?.close();
});

it('keeps whole chunks only across SIGKILLs, and stores the finished file once', async () => {
  const names = (await readdir(CWRU)).filter((name) => name.endsWith('.wav')).sort();
  const file = Buffer.concat(await Promise.all(names.map((name) => readFile(join(CWRU, name)))));
  const hash = sha256(file);
  const id = randomUUID();
  const base = hub.url;
  const signIn = await fetch(`${base}hub/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: TECHNICIAN, password: PASSWORD, deviceName: 'laptop' }),
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
    await hub.kill();
    await uploading;
    await hub.start();
    const after = await state();
    const received = after.receivedBytes as number;
    expect(received % CHUNK === 0 || received === file.length).toBe(true);
    expect(received).toBeGreaterThanOrEqual(acknowledged);
    expect(received).toBeLessThanOrEqual(acknowledged + CHUNK);
    const held = await hub.pool.query(
      'SELECT coalesce(sum(length(bytes)), 0) AS bytes FROM sync_upload_chunks WHERE recording_id = $1',
      [id],
    );
    expect(Number(held.rows[0].bytes)).toBe(after.complete ? 0 : received);
    acknowledged = received;
  }
  onAcknowledged = () => {};
  await upload();
  expect(await state()).toMatchObject({ complete: true, sha256: hash });
  // Every chunk row of the stored object, in order: a chunk kept twice or lost changes the hash.
  expect(await hub.audioSha256(id)).toBe(hash);
  const objects = await hub.pool.query('SELECT size_bytes FROM audio_objects WHERE id = $1', [id]);
  expect(objects.rows.map((row) => Number(row.size_bytes))).toEqual([file.length]);
}, 240_000);
