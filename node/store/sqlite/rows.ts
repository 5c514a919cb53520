/** Reading typed values out of node:sqlite rows; a mismatch means the schema and code disagree. */
import type { DatabaseSync, SQLOutputValue } from 'node:sqlite';
import { NotFoundError } from '../errors.ts';
import type { EntityKind } from '../errors.ts';
import type { RowVersion, VersionedTable } from '../types.ts';

export type Row = Record<string, SQLOutputValue>;

export function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`column ${column} is not text`);
  return value;
}

export function textOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return value === null ? null : text(row, column);
}

export function number(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`column ${column} is not a number`);
  return value;
}

export function json<T>(row: Row, column: string): T {
  return JSON.parse(text(row, column)) as T;
}

export type { VersionedTable } from '../types.ts';

/** A row's id, times and version. Throws NotFoundError naming `entity`. */
export function rowVersion(
  db: DatabaseSync,
  table: VersionedTable,
  entity: EntityKind,
  id: string,
): RowVersion {
  const row = db
    .prepare(`SELECT id, created_at, updated_at, version FROM ${table} WHERE id = ?`)
    .get(id);
  if (!row) throw new NotFoundError(entity, id);
  return {
    id: text(row, 'id'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
    version: number(row, 'version'),
  };
}

/** True when `table` has a row with this id. */
export function hasRow(db: DatabaseSync, table: VersionedTable, id: string): boolean {
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Throws NotFoundError naming `entity` unless `table` has a row with this id. */
export function assertRow(db: DatabaseSync, table: VersionedTable, entity: EntityKind, id: string) {
  if (!hasRow(db, table, id)) throw new NotFoundError(entity, id);
}
