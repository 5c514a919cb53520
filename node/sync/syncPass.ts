/**
 * One sync pass (docs/sync.md): the queued recordings' audio up, the outbox's rows up in
 * SYNC_TABLES order, then the hub's changes down, a page per transaction with its cursor.
 */
import { MAX_SYNC_ROWS, SYNC_TABLES } from '../../shared/sync/protocol.ts';
import type { PushOutcome, SyncTable } from '../../shared/sync/protocol.ts';
import type { Library } from '../library/library.ts';
import { applyRows } from './applyRows.ts';
import type { ApplyCounts } from './applyRows.ts';
import { uploadAudio } from './audioUpload.ts';
import { HubAnswerError } from './hubClient.ts';
import type { HubClient } from './hubClient.ts';
import { deviceId, readLink, saveCursor } from './linkState.ts';
import { queuedAudio, queuedRows, removeIfUnchanged } from './outbox.ts';
import type { QueuedRow } from './outbox.ts';

export interface PassReport {
  readonly audioFiles: number;
  readonly audioBytes: number;
  /** Rows the hub took, and rows it refused (they stay queued). */
  readonly pushedRows: number;
  readonly refusedRows: number;
  readonly pulled: ApplyCounts;
}

/** Runs `work` on the library's connection inside the store's gate, in one transaction. */
export function withDatabase<T>(library: Library, work: () => T): Promise<T> {
  return library.store.transaction(async () => work());
}

/** Uploads the queued audio; the ids of recordings whose every file the hub now holds. */
async function uploadQueued(library: Library, client: HubClient) {
  const items = await withDatabase(library, () => queuedAudio(library.store.db));
  const incomplete = new Set<string>();
  let audioBytes = 0;
  let audioFiles = 0;
  for (const item of items) {
    if (incomplete.has(item.recordingId)) continue;
    try {
      const { sentBytes } = await uploadAudio(client, library.audio, item);
      audioBytes += sentBytes;
      if (sentBytes > 0) audioFiles += 1;
    } catch (error) {
      // One recording the hub will not take does not hold up the others.
      if (!(error instanceof HubAnswerError)) throw error;
      incomplete.add(item.recordingId);
    }
  }
  return { audioFiles, audioBytes, incomplete };
}

async function pushBatch(library: Library, client: HubClient, batch: readonly QueuedRow[]) {
  const rows = batch.flatMap((entry) => (entry.row === null ? [] : [entry.row]));
  const device = await withDatabase(library, () => deviceId(library.store.db));
  const { outcomes } =
    rows.length === 0
      ? { outcomes: [] as PushOutcome[] }
      : await client.push({ deviceId: device, rows });
  const applied = new Set(
    outcomes.filter((o) => o.result === 'applied').map((o) => `${o.table}/${o.id}/${o.version}`),
  );
  let pushed = 0;
  await withDatabase(library, () => {
    for (const entry of batch) {
      // A row gone from the library has nothing to send; a row taken in the version sent leaves
      // the outbox unless it was written again meanwhile.
      const taken =
        entry.row === null || applied.has(`${entry.table}/${entry.rowId}/${entry.row.version}`);
      if (taken && removeIfUnchanged(library.store.db, entry) && entry.row !== null) pushed += 1;
    }
  });
  return { pushed, refused: rows.length - applied.size };
}

async function pushTable(
  library: Library,
  client: HubClient,
  table: SyncTable,
  holdBack: ReadonlySet<string>,
) {
  const queued = await withDatabase(library, () =>
    queuedRows(library.store.db, table, Number.MAX_SAFE_INTEGER),
  );
  // A recording goes up only after its audio: the hub would refuse it ('audio-missing').
  const ready = queued.filter((entry) => !(table === 'recordings' && holdBack.has(entry.rowId)));
  let pushed = 0;
  let refused = queued.length - ready.length;
  for (let start = 0; start < ready.length; start += MAX_SYNC_ROWS) {
    const result = await pushBatch(library, client, ready.slice(start, start + MAX_SYNC_ROWS));
    pushed += result.pushed;
    refused += result.refused;
  }
  return { pushed, refused };
}

async function pull(library: Library, client: HubClient): Promise<ApplyCounts> {
  const counts = { applied: 0, kept: 0, skipped: 0, unreadable: 0 };
  let cursor = (await withDatabase(library, () => readLink(library.store.db)))?.pullCursor ?? null;
  for (;;) {
    const page = await client.changes(cursor, MAX_SYNC_ROWS);
    const applied = await withDatabase(library, () => {
      const result = applyRows(library.store.db, page.rows, library.now());
      saveCursor(library.store.db, page.cursor);
      return result;
    });
    counts.applied += applied.applied;
    counts.kept += applied.kept;
    counts.skipped += applied.skipped;
    counts.unreadable += applied.unreadable;
    cursor = page.cursor;
    if (!page.more || page.rows.length === 0) return counts;
  }
}

/** One pass; rejects with the hub client's errors (the engine decides what to do with them). */
export async function syncPass(library: Library, client: HubClient): Promise<PassReport> {
  const { audioFiles, audioBytes, incomplete } = await uploadQueued(library, client);
  let pushedRows = 0;
  let refusedRows = 0;
  for (const table of SYNC_TABLES) {
    const { pushed, refused } = await pushTable(library, client, table, incomplete);
    pushedRows += pushed;
    refusedRows += refused;
  }
  const pulled = await pull(library, client);
  return { audioFiles, audioBytes, pushedRows, refusedRows, pulled };
}
