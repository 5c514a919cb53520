/**
 * The library's rows as they travel and back, through the codec both sides share (rowCodec.ts,
 * columns.ts): a row read from SQLite as a SyncRow, and a SyncRow from the hub written in.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SyncRow, SyncTable } from '../../shared/sync/protocol.ts';
import { SYNC_COLUMNS, syncColumnNames } from './columns.ts';
import { decodeSyncColumns, encodeSyncRow, sqlValue } from './rowCodec.ts';

/** The row of `table` with this id, as it travels; null when there is none. */
export function readSyncRow(db: DatabaseSync, table: SyncTable, id: string): SyncRow | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
  return row ? encodeSyncRow(table, row) : null;
}

/**
 * Writes a row from the hub over this library's copy (or as a new row). False when its values
 * do not fit the table (the caller counts it as skipped); SQLite's own refusals (a reference
 * to a row this library lacks) throw.
 */
export function writeSyncRow(db: DatabaseSync, row: SyncRow): boolean {
  const decoded = decodeSyncColumns(row.table, row.columns);
  if (!decoded.ok) return false;
  const names = syncColumnNames(row.table);
  const values = names.map(
    (name) =>
      sqlValue(SYNC_COLUMNS[row.table][name], decoded.columns[name], 'sqlite') as SQLInputValue,
  );
  const all = ['id', 'updated_at', 'version', ...names];
  const updates = all
    .filter((name) => name !== 'id')
    .map((name) => `${name} = excluded.${name}`)
    .join(', ');
  db.prepare(
    `INSERT INTO ${row.table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})
      ON CONFLICT (id) DO UPDATE SET ${updates}`,
  ).run(row.id, new Date(row.updatedAt).toISOString(), row.version, ...values);
  return true;
}
