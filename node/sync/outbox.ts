/**
 * The outbox (migration 9): one entry per row written here since the hub last took it. The
 * triggers fill it; the engine reads it and removes an entry only when the hub took the very
 * state that was pushed (its `changes` count has not moved since).
 */
import type { DatabaseSync } from 'node:sqlite';
import { SYNC_TABLES } from '../../shared/sync/protocol.ts';
import type { AudioPart, SyncRow, SyncTable } from '../../shared/sync/protocol.ts';
import { readSyncRow } from './localRows.ts';

/**
 * SQL true when the queued row `o.row_id` of `table` is not on a machine that is only a review
 * (a bundle from another library, not adopted: migration 8). Such rows are another library's:
 * they wait in the outbox, and go up once the machine is added to this library's own.
 */
function ownRow(table: SyncTable): string {
  const reviewOnly = (machineId: string) =>
    `SELECT 1 FROM reviews v WHERE v.machine_id = ${machineId} AND v.adopted_at IS NULL`;
  if (table === 'machines') return `NOT EXISTS (${reviewOnly('o.row_id')})`;
  if (table === 'fault_log_events') {
    return `NOT EXISTS (SELECT 1 FROM fault_log_events e JOIN fault_log f ON f.id = e.entry_id
      WHERE e.id = o.row_id AND EXISTS (${reviewOnly('f.machine_id')}))`;
  }
  return `NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = o.row_id
    AND EXISTS (${reviewOnly('t.machine_id')}))`;
}

export interface OutboxEntry {
  readonly table: SyncTable;
  readonly rowId: string;
  readonly changes: number;
}

/** An outbox entry with the row as it is now (null when the row is gone). */
export interface QueuedRow extends OutboxEntry {
  readonly row: SyncRow | null;
}

/** Up to `limit` queued rows of `table`, oldest first, each read as it is now. */
export function queuedRows(db: DatabaseSync, table: SyncTable, limit: number): QueuedRow[] {
  return db
    .prepare(
      `SELECT row_id, changes FROM sync_outbox o WHERE table_name = ? AND ${ownRow(table)}
        ORDER BY rowid LIMIT ?`,
    )
    .all(table, limit)
    .map((entry) => {
      const rowId = String(entry.row_id);
      return { table, rowId, changes: Number(entry.changes), row: readSyncRow(db, table, rowId) };
    });
}

/** Removes the entry unless the row was written again since it was read; true when removed. */
export function removeIfUnchanged(db: DatabaseSync, entry: OutboxEntry): boolean {
  const result = db
    .prepare('DELETE FROM sync_outbox WHERE table_name = ? AND row_id = ? AND changes = ?')
    .run(entry.table, entry.rowId, entry.changes);
  return Number(result.changes) > 0;
}

/** Rows waiting to go up (not those of review-only machines, which wait for adoption). */
export function pendingRowCount(db: DatabaseSync): number {
  let count = 0;
  for (const table of SYNC_TABLES) {
    const row = db
      .prepare(`SELECT count(*) AS n FROM sync_outbox o WHERE table_name = ? AND ${ownRow(table)}`)
      .get(table);
    count += Number(row?.n ?? 0);
  }
  return count;
}

/**
 * A mark that changes whenever the outbox does (the engine compares two to decide whether a
 * nudge needs a pass). The newest queued_at is in it because counts alone repeat: a pass that
 * empties the outbox, then a write queuing as many rows as before, would look like no change.
 */
export function outboxMark(db: DatabaseSync): string {
  const row = db
    .prepare(
      'SELECT count(*) AS n, coalesce(sum(changes), 0) AS c, max(queued_at) AS at FROM sync_outbox',
    )
    .get();
  return `${row?.n}/${row?.c}/${row?.at}`;
}

/** One audio file a queued recording needs on the hub before its row can go. */
export interface QueuedAudio {
  readonly recordingId: string;
  readonly part: AudioPart;
  /** The key in the library's audio store. */
  readonly audioKey: string;
  readonly sizeBytes: number;
}

/** The audio (and originals) of the queued recordings, oldest first. */
export function queuedAudio(db: DatabaseSync): QueuedAudio[] {
  const rows = db
    .prepare(
      `SELECT r.id, r.size_bytes, r.original_audio_key, r.original_size_bytes
        FROM sync_outbox o JOIN recordings r ON r.id = o.row_id
        WHERE o.table_name = 'recordings' AND ${ownRow('recordings')} ORDER BY o.rowid`,
    )
    .all();
  return rows.flatMap((row) => {
    const recordingId = String(row.id);
    const audio: QueuedAudio = {
      recordingId,
      part: 'audio',
      audioKey: recordingId,
      sizeBytes: Number(row.size_bytes),
    };
    if (row.original_audio_key === null) return [audio];
    const original: QueuedAudio = {
      recordingId,
      part: 'original',
      audioKey: String(row.original_audio_key),
      sizeBytes: Number(row.original_size_bytes),
    };
    return [audio, original];
  });
}
