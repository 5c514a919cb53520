/**
 * What the hub's tables need of a PostgreSQL connection: one query method, which a pool (each
 * call on any free connection) and a transaction's own client both have.
 */
import type pg from 'pg';
import { NotFoundError } from '../errors.ts';
import type { EntityKind } from '../errors.ts';
import type { RowVersion, VersionedTable } from '../types.ts';

export type Row = Record<string, unknown>;

export interface Sql {
  query<R extends Row = Row>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: R[]; rowCount: number | null }>;
}

export type { VersionedTable } from '../types.ts';

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

/** Runs `work` in a transaction on a connection of its own. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>) {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A connection that cannot roll back is not given back to the pool.
      await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
      throw error;
    }
  } finally {
    client.release(broken);
  }
}
