/**
 * The hub's AudioStore: recordings' bytes in PostgreSQL, in fixed-size chunks (migration 2), so
 * one database holds everything a hub keeps and a byte range for playback reads only the chunks
 * it spans. docs/scaling.md says how this moves to object storage when one database is not
 * enough. Readers that need a file (the analysis workers) get a copy in a local cache folder.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import { assertValidId } from '../ids.ts';
import type { AudioStore } from '../types.ts';
import { readFileChunks } from './fileChunks.ts';
import { inTransaction } from './sql.ts';

/** 1 MiB: a few rows a second of 48 kHz float audio, small enough for one bytea each. */
export const AUDIO_CHUNK_BYTES = 1 << 20;

/** Cuts a stream of any-sized pieces into chunks of exactly `size` bytes (the last shorter). */
async function* rechunk(pieces: AsyncIterable<Uint8Array>, size: number) {
  let buffer = new Uint8Array(size);
  let filled = 0;
  for await (const piece of pieces) {
    let offset = 0;
    while (offset < piece.length) {
      const taken = Math.min(size - filled, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + taken), filled);
      filled += taken;
      offset += taken;
      if (filled === size) {
        yield buffer;
        buffer = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield buffer.subarray(0, filled);
}

/** Stores `chunks` as the audio object `recordingId` on `client`, inside the caller's transaction. */
export async function storeChunks(
  client: pg.PoolClient,
  recordingId: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<number> {
  await client.query('DELETE FROM audio_chunks WHERE object_id = $1', [recordingId]);
  await client.query('DELETE FROM audio_objects WHERE id = $1', [recordingId]);
  let size = 0;
  let chunkNumber = 0;
  for await (const chunk of rechunk(chunks, AUDIO_CHUNK_BYTES)) {
    await client.query(
      'INSERT INTO audio_chunks (object_id, chunk_number, bytes) VALUES ($1, $2, $3)',
      [recordingId, chunkNumber++, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length)],
    );
    size += chunk.length;
  }
  await client.query(
    'INSERT INTO audio_objects (id, size_bytes, chunk_bytes, created_at) VALUES ($1, $2, $3, now())',
    [recordingId, size, AUDIO_CHUNK_BYTES],
  );
  return size;
}

export function createPostgresAudioStore(pool: pg.Pool, cacheFolder: string): AudioStore {
  const cachePath = (recordingId: string) => {
    assertValidId(recordingId, 'recordingId');
    return join(cacheFolder, `${recordingId}.wav`);
  };
  const size = async (recordingId: string) => {
    const { rows } = await pool.query('SELECT size_bytes FROM audio_objects WHERE id = $1', [
      recordingId,
    ]);
    return rows.length > 0 ? Number(rows[0].size_bytes) : null;
  };
  const put = async (recordingId: string, chunks: AsyncIterable<Uint8Array>) => {
    assertValidId(recordingId, 'recordingId');
    return inTransaction(pool, (client) => storeChunks(client, recordingId, chunks));
  };
  const read = async (recordingId: string, startByte: number, endByte: number) => {
    const total = await size(recordingId);
    if (total === null) throw new Error(`no audio is stored for recording "${recordingId}"`);
    const end = Math.min(endByte, total);
    if (end <= startByte) return new Uint8Array(0);
    const first = Math.floor(startByte / AUDIO_CHUNK_BYTES);
    const last = Math.floor((end - 1) / AUDIO_CHUNK_BYTES);
    const { rows } = await pool.query<{ chunk_number: number; bytes: Buffer }>(
      `SELECT chunk_number, bytes FROM audio_chunks WHERE object_id = $1
       AND chunk_number BETWEEN $2 AND $3 ORDER BY chunk_number`,
      [recordingId, first, last],
    );
    const out = new Uint8Array(end - startByte);
    for (const row of rows) {
      const chunkStart = row.chunk_number * AUDIO_CHUNK_BYTES;
      const from = Math.max(startByte, chunkStart) - chunkStart;
      const to = Math.min(end, chunkStart + row.bytes.length) - chunkStart;
      out.set(row.bytes.subarray(from, to), chunkStart + from - startByte);
    }
    return out;
  };
  return {
    async putFile(recordingId, path) {
      const stored = await put(recordingId, readFileChunks(path, AUDIO_CHUNK_BYTES));
      await rm(path, { force: true });
      return stored;
    },
    put,
    read,
    size,
    async remove(recordingId) {
      assertValidId(recordingId, 'recordingId');
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM audio_objects WHERE id = $1', [recordingId]);
        await client.query('DELETE FROM audio_chunks WHERE object_id = $1', [recordingId]);
      });
      await rm(cachePath(recordingId), { force: true });
    },
    async localPath(recordingId) {
      const path = cachePath(recordingId);
      const total = await size(recordingId);
      if (total === null) throw new Error(`no audio is stored for recording "${recordingId}"`);
      if ((await stat(path).catch(() => null))?.size === total) return path;
      // Written under a name of its own and renamed: two readers at once never see half a file.
      const temporary = join(cacheFolder, `.${recordingId}.${randomUUID()}.part`);
      const handle = await open(temporary, 'wx');
      try {
        for (let offset = 0; offset < total; offset += AUDIO_CHUNK_BYTES) {
          await handle.write(await read(recordingId, offset, offset + AUDIO_CHUNK_BYTES));
        }
      } catch (error) {
        await handle.close();
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temporary, path);
      return path;
    },
  };
}
