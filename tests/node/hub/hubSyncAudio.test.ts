/**
 * Audio uploads from a desktop to a hub on a real PostgreSQL cluster, over HTTP, with a real
 * recording (../shared/data/cwru): resuming after a refused chunk, a wrong hash starting over,
 * a repeated upload stored once, a recording the hub already holds, and hostile requests
 * refused with nothing written.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SYNC_CHUNK_BYTES } from '../../../shared/sync/protocol.ts';
import { createPostgresAudioStore } from '../../../node/store/postgres/audioStore.ts';
import { sha256, startSyncHub } from './syncFixture.ts';
import type { SyncHub } from './syncFixture.ts';

const WAV = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/cwru/normal-97-0hp-48k.wav',
);
let sync: SyncHub;
let tech: string;
let wav: Uint8Array;
let wavHash: string;

beforeAll(async () => {
  sync = await startSyncHub();
  tech = await sync.token('tech');
  wav = new Uint8Array(await readFile(WAV));
  wavHash = sha256(wav);
});
afterAll(async () => sync?.close());

const CHUNK = 300_000;
const audioPath = (id: string, part = 'audio') => `hub/sync/audio/${id}/${part}`;

/** The stored audio object's bytes, read back through the hub's audio store. */
async function storedBytes(key: string): Promise<Uint8Array | null> {
  const store = createPostgresAudioStore(sync.pool, '/nonexistent');
  const size = await store.size(key);
  return size === null ? null : store.read(key, 0, size);
}

async function count(sql: string, values: unknown[]) {
  const { rows } = await sync.pool.query(sql, values);
  return Number(rows[0].count);
}

async function uploadWhole(id: string, bytes: Uint8Array, hash: string, part = 'audio') {
  let answer;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    answer = await sync.putAudio(
      tech,
      audioPath(id, part),
      bytes.subarray(start, start + CHUNK),
      start,
      bytes.length,
      hash,
    );
    if (answer.status !== 200) return answer;
  }
  return answer!;
}

describe('audio uploads to the hub', () => {
  it('resumes where it stopped after a refused chunk, and makes the audio visible only at the end', async () => {
    const id = randomUUID();
    expect((await sync.request(tech, 'GET', audioPath(id))).body).toEqual({
      recordingId: id,
      part: 'audio',
      receivedBytes: 0,
      totalBytes: null,
      complete: false,
      sha256: null,
    });
    // Asking writes nothing.
    expect(await count('SELECT count(*) FROM sync_uploads WHERE recording_id = $1', [id])).toBe(0);
    const first = await sync.putAudio(
      tech,
      audioPath(id),
      wav.subarray(0, CHUNK),
      0,
      wav.length,
      wavHash,
    );
    expect(first.body).toMatchObject({ receivedBytes: CHUNK, complete: false });
    // A chunk that skips ahead (the desktop lost track) is refused with where to resume.
    const skipped = await sync.putAudio(
      tech,
      audioPath(id),
      wav.subarray(2 * CHUNK, 3 * CHUNK),
      2 * CHUNK,
      wav.length,
      wavHash,
    );
    expect(skipped.status).toBe(409);
    expect(skipped.body.state).toMatchObject({ receivedBytes: CHUNK, totalBytes: wav.length });
    // The same chunk again (an answer lost on the way) is refused too, nothing doubled.
    expect(
      (await sync.putAudio(tech, audioPath(id), wav.subarray(0, CHUNK), 0, wav.length, wavHash))
        .status,
    ).toBe(409);
    expect(await storedBytes(id)).toBeNull();
    const state = (await sync.request(tech, 'GET', audioPath(id))).body;
    for (let start = state.receivedBytes as number; start < wav.length; start += CHUNK) {
      const answer = await sync.putAudio(
        tech,
        audioPath(id),
        wav.subarray(start, start + CHUNK),
        start,
        wav.length,
        wavHash,
      );
      expect(answer.status).toBe(200);
    }
    expect((await sync.request(tech, 'GET', audioPath(id))).body).toMatchObject({
      complete: true,
      receivedBytes: wav.length,
      sha256: wavHash,
    });
    expect(sha256((await storedBytes(id))!)).toBe(wavHash);
    expect(
      await count('SELECT count(*) FROM sync_upload_chunks WHERE recording_id = $1', [id]),
    ).toBe(0);
  });

  it('refuses a change of size or hash after the first chunk', async () => {
    const id = randomUUID();
    await sync.putAudio(tech, audioPath(id), wav.subarray(0, CHUNK), 0, wav.length, wavHash);
    const otherHash = sha256(new Uint8Array([1]));
    const answers = [
      await sync.putAudio(
        tech,
        audioPath(id),
        wav.subarray(CHUNK, 2 * CHUNK),
        CHUNK,
        wav.length + 1,
        wavHash,
      ),
      await sync.putAudio(
        tech,
        audioPath(id),
        wav.subarray(CHUNK, 2 * CHUNK),
        CHUNK,
        wav.length,
        otherHash,
      ),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([409, 409]);
    expect(answers[1].body.state).toMatchObject({ receivedBytes: CHUNK, sha256: wavHash });
  });

  it('keeps nothing of a file whose SHA-256 is not the one announced, and starts over (422)', async () => {
    const id = randomUUID();
    const damaged = wav.slice();
    damaged[500_000] ^= 0xff;
    const answer = await uploadWhole(id, damaged, wavHash);
    expect(answer.status).toBe(422);
    expect(answer.body.error.message).toMatch(/SHA-256/);
    expect(answer.body.state).toMatchObject({
      receivedBytes: 0,
      complete: false,
      totalBytes: null,
    });
    expect(await storedBytes(id)).toBeNull();
    expect(
      await count('SELECT count(*) FROM sync_upload_chunks WHERE recording_id = $1', [id]),
    ).toBe(0);
    // The right bytes then go through from byte 0.
    expect((await uploadWhole(id, wav, wavHash)).status).toBe(200);
    expect(sha256((await storedBytes(id))!)).toBe(wavHash);
  });

  it('stores a file uploaded twice once, and answers complete for every repeat', async () => {
    const id = randomUUID();
    expect((await uploadWhole(id, wav, wavHash)).status).toBe(200);
    const created = await sync.pool.query('SELECT created_at FROM audio_objects WHERE id = $1', [
      id,
    ]);
    const again = await uploadWhole(id, wav, wavHash);
    expect(again).toMatchObject({
      status: 200,
      body: { complete: true, receivedBytes: wav.length },
    });
    const after = await sync.pool.query('SELECT created_at FROM audio_objects WHERE id = $1', [id]);
    expect(after.rows).toEqual(created.rows);
    expect(await count('SELECT count(*) FROM audio_chunks WHERE object_id = $1', [id])).toBe(1);
    // Another file under the same id is refused.
    const other = wav.slice(0, 1000);
    expect((await uploadWhole(id, other, sha256(other))).status).toBe(409);
    expect(sha256((await storedBytes(id))!)).toBe(wavHash);
  });

  it('answers complete for a recording the hub already holds when the hash matches', async () => {
    const id = randomUUID();
    const store = createPostgresAudioStore(sync.pool, '/nonexistent');
    await store.put(
      id,
      (async function* () {
        yield wav;
      })(),
    );
    expect((await sync.request(tech, 'GET', audioPath(id))).body).toMatchObject({
      complete: true,
      sha256: wavHash,
      totalBytes: wav.length,
    });
    const repeat = await sync.putAudio(
      tech,
      audioPath(id),
      wav.subarray(0, CHUNK),
      0,
      wav.length,
      wavHash,
    );
    expect(repeat).toMatchObject({ status: 200, body: { complete: true } });
  });

  it("stores an original under the recording's original key", async () => {
    const id = randomUUID();
    const original = wav.subarray(0, 70_000);
    expect((await uploadWhole(id, original, sha256(original), 'original')).status).toBe(200);
    expect(sha256((await storedBytes(`${id}-original`))!)).toBe(sha256(original));
    expect(await storedBytes(id)).toBeNull();
  });

  it('refuses hostile requests with one sentence and writes nothing', async () => {
    const id = randomUUID();
    const bytes = wav.subarray(0, 100);
    const put = (path: string, headers: Record<string, string>) =>
      sync.request(tech, 'PUT', path, bytes, { 'X-Auscult-Sha256': wavHash, ...headers });
    const cases: [string, Record<string, string>, number][] = [
      [audioPath(id), { 'Content-Range': 'bytes 0-99' }, 400],
      [audioPath(id), { 'Content-Range': 'bytes -1-98/975810' }, 400],
      [audioPath(id), { 'Content-Range': 'bytes 99-0/975810' }, 400],
      [audioPath(id), { 'Content-Range': 'bytes 0-99/50' }, 400],
      [audioPath(id), { 'Content-Range': 'bytes 0-99/1e9' }, 400],
      [audioPath(id), { 'Content-Range': 'bytes 0-99/99999999999999999999' }, 400],
      [
        audioPath(id),
        { 'Content-Range': `bytes 0-${MAX_SYNC_CHUNK_BYTES}/${10 * MAX_SYNC_CHUNK_BYTES}` },
        413,
      ],
      [audioPath(id), { 'Content-Range': `bytes 0-99/${2 ** 40}` }, 413],
      [audioPath(id), { 'Content-Range': 'bytes 0-199/975810' }, 400],
      [audioPath(id, 'video'), { 'Content-Range': 'bytes 0-99/975810' }, 400],
      [
        `hub/sync/audio/..%2F..%2Fetc%2Fpasswd/audio`,
        { 'Content-Range': 'bytes 0-99/975810' },
        400,
      ],
      [`hub/sync/audio/${id}/audio/extra`, { 'Content-Range': 'bytes 0-99/975810' }, 400],
      [audioPath(id), { 'Content-Range': 'bytes 0-99/975810', 'X-Auscult-Sha256': 'abc' }, 400],
    ];
    for (const [path, headers, status] of cases) {
      const answer = await put(path, headers);
      expect(answer.status, `${path} ${JSON.stringify(headers)}`).toBe(status);
      expect(answer.body.error.message).toMatch(/^[^\n]+\.$/);
    }
    expect(await count('SELECT count(*) FROM sync_uploads WHERE recording_id = $1', [id])).toBe(0);
  });

  it('refuses uploads without a device token, with a cookie, or from a role that may not send', async () => {
    const id = randomUUID();
    const headers = { 'Content-Range': 'bytes 0-99/975810', 'X-Auscult-Sha256': wavHash };
    expect(
      (await sync.request(null, 'PUT', audioPath(id), wav.subarray(0, 100), headers)).status,
    ).toBe(401);
    const cookie = await sync.request(null, 'GET', audioPath(id), undefined, {
      Cookie: `auscult_hub_session=${tech}`,
    });
    expect(cookie.status).toBe(401);
    const expert = await sync.token('expert');
    const refused = await sync.request(expert, 'PUT', audioPath(id), wav.subarray(0, 100), headers);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });
});
