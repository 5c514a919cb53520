/**
 * What the hub's tables need of a PostgreSQL connection: one query method, which a pool (each
 * call on any free connection) and a transaction's own client both have.
 */
import { NotFoundError } from '../errors.ts';
import type { EntityKind } from '../errors.ts';
import type { RowVersion } from '../types.ts';

export type Row = Record<string, unknown>;

export interface Sql {
  query<R extends Row = Row>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** The tables whose rows carry a version (every table but schema_migrations). */
export type VersionedTable =
  | 'machines'
  | 'recordings'
  | 'baselines'
  | 'diagnoses'
  | 'fault_log'
  | 'fault_log_events'
  | 'settings'
  | 'expert_verdicts';

/** A timestamptz column as the store interfaces give times: ISO 8601 in UTC. */
export function iso(value: unknown): string {
  if (!(value instanceof Date)) throw new TypeError('a time column did not come back as a time');
  return value.toISOString();
}

export function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}

export async function rowVersion(
  sql: Sql,
  table: VersionedTable,
  entity: EntityKind,
  id: string,
): Promise<RowVersion> {
  const { rows } = await sql.query(
    `SELECT id, created_at, updated_at, version FROM ${table} WHERE id = $1`,
    [id],
  );
  if (rows.length === 0) throw new NotFoundError(entity, id);
  const row = rows[0];
  return {
    id: String(row.id),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: Number(row.version),
  };
}

export async function hasRow(sql: Sql, table: VersionedTable, id: string): Promise<boolean> {
  const { rows } = await sql.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return rows.length > 0;
}

/** Rejects with NotFoundError naming `entity` unless `table` has a row with this id. */
export async function assertRow(
  sql: Sql,
  table: VersionedTable,
  entity: EntityKind,
  id: string,
): Promise<void> {
  if (!(await hasRow(sql, table, id))) throw new NotFoundError(entity, id);
}
