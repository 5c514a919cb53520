/**
 * The hub's LibraryStore on PostgreSQL: the same interfaces and contract as the laptop's SQLite
 * store. Calls on the store run on any free connection of the pool; a transaction holds one
 * connection for its work, so calls made outside it meanwhile are neither part of it nor rolled
 * back with it (PostgreSQL isolates them; no wait is needed as with one SQLite connection).
 */
import pg from 'pg';
import { LibraryError } from '../errors.ts';
import type { Clock, FaultLogCountQuery, FaultLogPageQuery, LibraryStore } from '../types.ts';
import { postgresBaselines } from './baselines.ts';
import { postgresDiagnoses } from './diagnoses.ts';
import { postgresExpertVerdicts } from './expertVerdicts.ts';
import { postgresFaultLog } from './faultLog.ts';
import { postgresFaultLogCount, postgresFaultLogPage } from './faultLogPage.ts';
import type { Transact } from './faultLog.ts';
import { postgresMachines } from './machines.ts';
import { LATEST_POSTGRES_VERSION, migratePostgres, postgresSchemaVersion } from './migrations.ts';
import { postgresRecordings } from './recordings.ts';
import { postgresReviews } from './reviews.ts';
import { postgresSettings } from './settings.ts';
import { inTransaction } from './sql.ts';
import type { Sql } from './sql.ts';

export interface PostgresLibraryStore extends LibraryStore {
  /** The pool, for the hub's own tables and tests; workflows never use it. */
  readonly pool: pg.Pool;
}

function tables(sql: Sql, clock: Clock, transact: Transact) {
  return {
    machines: postgresMachines(sql, clock),
    recordings: postgresRecordings(sql, clock),
    baselines: postgresBaselines(sql, clock),
    diagnoses: postgresDiagnoses(sql, clock),
    faultLog: {
      ...postgresFaultLog(sql, clock, transact),
      page: (query: FaultLogPageQuery) => postgresFaultLogPage(sql, query),
      count: (query: FaultLogCountQuery) => postgresFaultLogCount(sql, query),
    },
    verdicts: postgresExpertVerdicts(sql, clock),
    reviews: postgresReviews(sql, clock),
    settings: postgresSettings(sql, clock),
  };
}

function transactionStore(client: pg.PoolClient, clock: Clock): LibraryStore {
  const transact: Transact = (work) => work(client);
  const tx: LibraryStore = {
    ...tables(client, clock, transact),
    transaction: (inner) => inner(tx),
    close: () => Promise.reject(new Error('close the store, not a transaction')),
  };
  return tx;
}

/** The store over a pool whose database is migrated to LATEST_POSTGRES_VERSION. */
export function createPostgresStore(pool: pg.Pool, clock: Clock): PostgresLibraryStore {
  const transact: Transact = (work) => inTransaction(pool, work);
  let closed = false;
  return {
    pool,
    ...tables(pool, clock, transact),
    transaction: (work) => inTransaction(pool, (client) => work(transactionStore(client, clock))),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** `postgres://user@host:port/db` without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database URL';
  }
}

/** A pool on `url`; a connection that cannot be made is a LibraryError 'unavailable'. */
export async function connectPostgres(url: string, maxConnections = 10): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // An idle connection the server drops must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new LibraryError(
      'unavailable',
      redactedUrl(url),
      `Cannot connect to the database ${redactedUrl(url)}: ${(error as Error).message}.`,
      { cause: error },
    );
  }
  return pool;
}

/** Applies the hub's migrations to the database at `url`; resolves to the versions applied. */
export async function migratePostgresDatabase(url: string): Promise<number[]> {
  const pool = await connectPostgres(url, 1);
  try {
    return await migratePostgres(() => pool.connect());
  } finally {
    await pool.end();
  }
}

/**
 * Opens the hub's store on a migrated database. A database older than this Auscult is refused
 * with the command that fixes it, a newer one with the advice to update.
 */
export async function openPostgresStore(url: string, clock: Clock): Promise<PostgresLibraryStore> {
  const pool = await connectPostgres(url);
  const version = await postgresSchemaVersion(pool);
  if (version !== LATEST_POSTGRES_VERSION) {
    await pool.end();
    const where = redactedUrl(url);
    throw version > LATEST_POSTGRES_VERSION
      ? new LibraryError(
          'newer-version',
          where,
          `The database ${where} was written by a newer Auscult (schema ${version}, this one knows up to ${LATEST_POSTGRES_VERSION}); update Auscult to use it.`,
        )
      : new LibraryError(
          'unavailable',
          where,
          `The database ${where} is at schema ${version} of ${LATEST_POSTGRES_VERSION}: run \`auscult hub migrate --database <url>\` first.`,
        );
  }
  return createPostgresStore(pool, clock);
}
