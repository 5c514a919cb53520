/**
 * Applying a page of rows from the hub (docs/sync.md): in the caller's transaction, with the
 * outbox's triggers held off so that the rows do not go back up. Of two copies of a row the
 * later one stays (laterCopy); the other is kept in sync_row_history. A row naming something
 * this library does not have is skipped and counted, never fatal.
 */
import type { DatabaseSync } from 'node:sqlite';
import { laterCopy, SYNC_TABLES } from '../../shared/sync/protocol.ts';
import type { SyncRow } from '../../shared/sync/protocol.ts';
import { rowDigest } from './rowDigest.ts';
import { syncRowShapeProblem } from './rowCodec.ts';
import { readSyncRow, writeSyncRow } from './localRows.ts';

export interface ApplyCounts {
  /** Rows written here (new, or later than this library's copy). */
  readonly applied: number;
  /** Rows whose copy here is later (theirs went to the history) or the same. */
  readonly kept: number;
  /** Rows naming a row this library does not have, or that its schema refuses. */
  readonly skipped: number;
  /**
   * Of the skipped, rows this version cannot read (a table or column it does not know): the
   * hub runs a newer Auscult, and this computer must be upgraded to take them.
   */
  readonly unreadable: number;
}

/** SQLite's constraint failures (foreign key, not null, check): the row cannot be taken. */
function isConstraintError(error: unknown): boolean {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' && (code & 0xff) === 19;
}

function keepInHistory(db: DatabaseSync, row: SyncRow, source: 'desktop' | 'hub', now: Date) {
  db.prepare(
    `INSERT INTO sync_row_history (table_name, row_id, version, updated_at, digest, columns,
      superseded_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.table,
    row.id,
    row.version,
    row.updatedAt,
    rowDigest(row.columns),
    JSON.stringify(row.columns),
    now.toISOString(),
    source,
  );
}

type Outcome = 'applied' | 'kept' | 'skipped' | 'unreadable';

function applyRow(db: DatabaseSync, incoming: SyncRow, now: Date): Outcome {
  if (syncRowShapeProblem(incoming) !== null) return 'unreadable';
  const local = readSyncRow(db, incoming.table, incoming.id);
  if (local !== null) {
    const ours = { ...local, digest: rowDigest(local.columns) };
    const theirs = { ...incoming, digest: rowDigest(incoming.columns) };
    const winner = laterCopy(ours, theirs);
    if (winner === 'same') return 'kept';
    if (winner === 'a') {
      keepInHistory(db, incoming, 'hub', now);
      return 'kept';
    }
  }
  try {
    if (!writeSyncRow(db, incoming)) return 'skipped';
  } catch (error) {
    if (isConstraintError(error)) return 'skipped';
    throw error;
  }
  if (local !== null) keepInHistory(db, local, 'desktop', now);
  return 'applied';
}

/**
 * Applies `rows` in SYNC_TABLES order (references first). Call inside a transaction: the
 * triggers' guard is set here and cleared before returning, so a rollback leaves it clear too.
 */
export function applyRows(db: DatabaseSync, rows: readonly SyncRow[], now: Date): ApplyCounts {
  const order = (row: SyncRow) => SYNC_TABLES.indexOf(row.table);
  const sorted = [...rows].sort((a, b) => order(a) - order(b));
  const counts = { applied: 0, kept: 0, skipped: 0, unreadable: 0 };
  db.prepare('UPDATE sync_state SET applying = 1 WHERE id = 1').run();
  try {
    for (const row of sorted) {
      const outcome = applyRow(db, row, now);
      counts[outcome] += 1;
      if (outcome === 'unreadable') counts.skipped += 1;
    }
  } finally {
    db.prepare('UPDATE sync_state SET applying = 0 WHERE id = 1').run();
  }
  return counts;
}
