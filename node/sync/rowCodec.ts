/**
 * Library rows as they travel (shared/sync/protocol.ts, SyncRow) and back: JSON columns as JSON
 * values, 0/1 flags as booleans. Columns that name this computer's files stay here.
 */
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SyncRow, SyncTable } from '../../shared/sync/protocol.ts';
import type { Row } from '../store/sqlite/rows.ts';

const JSON_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  machines: ['profile'],
  recordings: ['warnings', 'codec'],
  baselines: ['signature', 'recording_ids'],
  diagnoses: ['report'],
};

const BOOLEAN_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  machines: ['is_demo'],
  fault_log: ['archived'],
};

/** The audio-store key of a phone recording's original: a name in this library only. */
const LOCAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  recordings: ['original_audio_key'],
};

const has = (map: Readonly<Record<string, readonly string[]>>, table: string, column: string) =>
  map[table]?.includes(column) ?? false;

/** A stored row as it travels. */
export function toSyncRow(table: SyncTable, row: Row): SyncRow {
  const columns: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (has(LOCAL_COLUMNS, table, column)) continue;
    if (value !== null && has(JSON_COLUMNS, table, column)) {
      columns[column] = JSON.parse(String(value));
    } else if (has(BOOLEAN_COLUMNS, table, column)) {
      columns[column] = Number(value) === 1;
    } else {
      columns[column] = typeof value === 'bigint' ? Number(value) : value;
    }
  }
  return {
    table,
    id: String(row.id),
    version: Number(row.version),
    updatedAt: String(row.updated_at),
    columns,
  };
}

/** The row of `table` with this id, as it travels; null when there is none. */
export function readSyncRow(db: DatabaseSync, table: SyncTable, id: string): SyncRow | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
  return row ? toSyncRow(table, row) : null;
}

/** A travelling column's value as SQLite stores it. */
export function toSqlValue(table: SyncTable, column: string, value: unknown): SQLInputValue {
  if (value === null || value === undefined) return null;
  if (has(JSON_COLUMNS, table, column)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

const knownColumns = new Map<string, readonly string[]>();

/** The columns this library's table has (a newer hub may send more; those are left out). */
export function localColumns(db: DatabaseSync, table: SyncTable): readonly string[] {
  let columns = knownColumns.get(table);
  if (!columns) {
    columns = db
      .prepare(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((row) => String(row.name))
      .filter((name) => !has(LOCAL_COLUMNS, table, name));
    knownColumns.set(table, columns);
  }
  return columns;
}
