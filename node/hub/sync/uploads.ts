/**
 * Resumable, idempotent audio uploads from desktops (docs/sync.md). Each chunk is written with
 * the upload's new received_bytes in one transaction, under a lock on the upload's row, so a hub
 * killed mid-chunk keeps all of it or none and two requests for the same upload take turns. The
 * last chunk's transaction checks the whole file's SHA-256 and only then moves the bytes into
 * the audio store (where the recording's row will find them) and marks the upload complete.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { AudioPart, AudioUploadState } from '../../../shared/sync/protocol.ts';
import { storeChunks } from '../../store/postgres/audioStore.ts';
import { inTransaction } from '../../store/postgres/sql.ts';
import type { Row, Sql } from '../../store/postgres/sql.ts';
import { syncOriginalKey } from '../../sync/columns.ts';

/** The audio-store key a part is kept under: the recording's id, or its original's key. */
export function uploadKey(recordingId: string, part: AudioPart): string {
  return part === 'audio' ? recordingId : syncOriginalKey(recordingId);
}

export interface UploadChunk {
  readonly startByte: number;
  readonly totalBytes: number;
  /** Lower-case hex of the whole file's SHA-256. */
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

/** The state after a chunk, and how the chunk was taken. */
export interface UploadAnswer {
  /** 200 taken (or already complete), 409 refused (resume at state), 422 the file's hash is wrong. */
  readonly status: 200 | 409 | 422;
  readonly state: AudioUploadState;
  readonly message?: string;
}

function toState(recordingId: string, part: AudioPart, row: Row | undefined): AudioUploadState {
  return {
    recordingId,
    part,
    receivedBytes: row ? Number(row.received_bytes) : 0,
    totalBytes: row?.total_bytes == null ? null : Number(row.total_bytes),
    complete: row?.complete === true,
    sha256: row?.sha256 == null ? null : String(row.sha256),
  };
}

/** The SHA-256 of an audio object already in the store, read a chunk at a time; null if none. */
async function storedSha256(
  sql: Sql,
  key: string,
): Promise<{ sha256: string; size: number } | null> {
  const object = await sql.query('SELECT size_bytes FROM audio_objects WHERE id = $1', [key]);
  if (object.rows.length === 0) return null;
  const hash = createHash('sha256');
  const numbers = await sql.query<{ chunk_number: number }>(
    'SELECT chunk_number FROM audio_chunks WHERE object_id = $1 ORDER BY chunk_number',
    [key],
  );
  for (const { chunk_number } of numbers.rows) {
    const { rows } = await sql.query<{ bytes: Buffer }>(
      'SELECT bytes FROM audio_chunks WHERE object_id = $1 AND chunk_number = $2',
      [key, chunk_number],
    );
    hash.update(rows[0].bytes);
  }
  return { sha256: hash.digest('hex'), size: Number(object.rows[0].size_bytes) };
}

/**
 * The upload's row, locked for this transaction. An upload that has no row but whose audio the
 * store already holds (the recording reached the hub another way) gets a complete row with the
 * stored file's hash, so a desktop holding the same file learns it need not send it.
 */
async function lockedUpload(
  client: pg.PoolClient,
  recordingId: string,
  part: AudioPart,
  now: Date,
): Promise<Row> {
  const select = 'SELECT * FROM sync_uploads WHERE recording_id = $1 AND part = $2 FOR UPDATE';
  const found = await client.query(select, [recordingId, part]);
  if (found.rows.length > 0) return found.rows[0];
  const stored = await storedSha256(client, uploadKey(recordingId, part));
  await client.query(
    `INSERT INTO sync_uploads (recording_id, part, total_bytes, sha256, received_bytes, complete,
       updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
    [
      recordingId,
      part,
      stored?.size ?? null,
      stored?.sha256 ?? null,
      stored?.size ?? 0,
      !!stored,
      now,
    ],
  );
  return (await client.query(select, [recordingId, part])).rows[0];
}

/** Where an upload stands (GET): nothing is written unless the store already holds the file. */
export async function uploadState(
  pool: pg.Pool,
  recordingId: string,
  part: AudioPart,
  now: Date,
): Promise<AudioUploadState> {
  const { rows } = await pool.query(
    'SELECT * FROM sync_uploads WHERE recording_id = $1 AND part = $2',
    [recordingId, part],
  );
  if (rows.length > 0) return toState(recordingId, part, rows[0]);
  const stored = await pool.query('SELECT 1 FROM audio_objects WHERE id = $1', [
    uploadKey(recordingId, part),
  ]);
  if (stored.rows.length === 0) return toState(recordingId, part, undefined);
  const adopted = await inTransaction(pool, (client) =>
    lockedUpload(client, recordingId, part, now),
  );
  return toState(recordingId, part, adopted);
}

/** The upload's chunk rows in order, each read when it is needed (a file can be gigabytes). */
async function* uploadedBytes(client: pg.PoolClient, recordingId: string, part: AudioPart) {
  const starts = await client.query<{ start_byte: string }>(
    `SELECT start_byte FROM sync_upload_chunks WHERE recording_id = $1 AND part = $2
     ORDER BY start_byte`,
    [recordingId, part],
  );
  for (const { start_byte } of starts.rows) {
    const { rows } = await client.query<{ bytes: Buffer }>(
      `SELECT bytes FROM sync_upload_chunks WHERE recording_id = $1 AND part = $2
       AND start_byte = $3`,
      [recordingId, part, start_byte],
    );
    yield new Uint8Array(rows[0].bytes.buffer, rows[0].bytes.byteOffset, rows[0].bytes.length);
  }
}

/**
 * Moves a whole upload into the audio store if its SHA-256 is `sha256`; otherwise starts the
 * upload over (no bytes kept, total and hash unset). Resolves to whether the hash matched.
 */
async function finish(client: pg.PoolClient, recordingId: string, part: AudioPart, sha256: string) {
  const key = uploadKey(recordingId, part);
  const hash = createHash('sha256');
  async function* hashed() {
    for await (const bytes of uploadedBytes(client, recordingId, part)) {
      hash.update(bytes);
      yield bytes;
    }
  }
  await storeChunks(client, key, hashed());
  const where = [recordingId, part];
  await client.query('DELETE FROM sync_upload_chunks WHERE recording_id = $1 AND part = $2', where);
  if (hash.digest('hex') === sha256) {
    await client.query(
      'UPDATE sync_uploads SET complete = true WHERE recording_id = $1 AND part = $2',
      where,
    );
    return true;
  }
  // Not one byte of a file that is not the one announced stays visible.
  await client.query('DELETE FROM audio_chunks WHERE object_id = $1', [key]);
  await client.query('DELETE FROM audio_objects WHERE id = $1', [key]);
  await client.query(
    `UPDATE sync_uploads SET received_bytes = 0, total_bytes = NULL, sha256 = NULL
     WHERE recording_id = $1 AND part = $2`,
    where,
  );
  return false;
}

/** Why a chunk does not continue the upload as it stands, or null when it does. */
function refusal(state: AudioUploadState, chunk: UploadChunk): UploadAnswer | null {
  const sameFile = state.sha256 === chunk.sha256 && state.totalBytes === chunk.totalBytes;
  if (state.complete) {
    // A repeat of a finished upload is answered, never stored again.
    if (sameFile) return { status: 200, state };
    return { status: 409, state, message: 'The hub holds another file for this recording.' };
  }
  if (state.totalBytes !== null && !sameFile) {
    return { status: 409, state, message: 'The upload began with another size or SHA-256.' };
  }
  if (chunk.startByte !== state.receivedBytes) {
    return { status: 409, state, message: `Resume at byte ${state.receivedBytes}.` };
  }
  return null;
}

/** Takes one chunk of an upload (PUT); see UploadAnswer. */
export async function putChunk(
  pool: pg.Pool,
  recordingId: string,
  part: AudioPart,
  chunk: UploadChunk,
  now: Date,
): Promise<UploadAnswer> {
  const where = [recordingId, part];
  return inTransaction(pool, async (client): Promise<UploadAnswer> => {
    const row = await lockedUpload(client, recordingId, part, now);
    const refused = refusal(toState(recordingId, part, row), chunk);
    if (refused) return refused;
    await client.query(
      `INSERT INTO sync_upload_chunks (recording_id, part, start_byte, bytes) VALUES ($1, $2, $3, $4)`,
      [...where, chunk.startByte, Buffer.from(chunk.bytes)],
    );
    const received = chunk.startByte + chunk.bytes.length;
    const { rows } = await client.query(
      `UPDATE sync_uploads SET received_bytes = $3, total_bytes = $4, sha256 = $5, updated_at = $6
       WHERE recording_id = $1 AND part = $2 RETURNING *`,
      [...where, received, chunk.totalBytes, chunk.sha256, now],
    );
    if (received < chunk.totalBytes) {
      return { status: 200, state: toState(recordingId, part, rows[0]) };
    }
    const matched = await finish(client, recordingId, part, chunk.sha256);
    const select = 'SELECT * FROM sync_uploads WHERE recording_id = $1 AND part = $2';
    const state = toState(recordingId, part, (await client.query(select, where)).rows[0]);
    if (matched) return { status: 200, state };
    return {
      status: 422,
      state,
      message: "The file's SHA-256 is not the one announced; the upload starts over at byte 0.",
    };
  });
}
