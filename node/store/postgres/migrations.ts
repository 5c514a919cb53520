/**
 * The hub's schema, as numbered migrations (`auscult hub migrate`). A migration is never edited
 * once released: a change is a new one at the end of the list, its text in the file under
 * migrations/ for its concern. Each runs in its own transaction holding an advisory lock, so two
 * hubs starting at once apply it once.
 *
 * The tables mirror the laptop's SQLite schema (node/store/sqlite/migrations.ts) so that rows
 * move between the two unchanged: text ids (UUIDs, but a profile may name its own), ISO times,
 * versions. `seq` keeps the order rows were written in, as SQLite's rowid does there.
 */
import type { Sql } from './sql.ts';
import {
  AUDIO_CHUNKS,
  LIBRARY_TABLES,
  MIC_CALIBRATION,
  OPEN_FAULTS_INDEX,
  PHONE_RECORDINGS,
} from './migrations/library.ts';
import type { PostgresMigration } from './migrations/migration.ts';
import { PEOPLE_AND_PLANTS } from './migrations/people.ts';
import { EXPERT_VERDICTS, REVIEWS } from './migrations/review.ts';
import { DESKTOP_SYNC } from './migrations/sync.ts';

/** Every migration, in the order they are applied; each file under migrations/ holds one concern. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  LIBRARY_TABLES,
  AUDIO_CHUNKS,
  PEOPLE_AND_PLANTS,
  PHONE_RECORDINGS,
  EXPERT_VERDICTS,
  OPEN_FAULTS_INDEX,
  REVIEWS,
  DESKTOP_SYNC,
  MIC_CALIBRATION,
];

export const LATEST_POSTGRES_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;

/** One number for the advisory lock that serialises migrations across hubs ("AUSC"). */
const MIGRATION_LOCK = 0x41555343;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL
)`;

/** The highest applied migration, 0 for an empty database. */
export async function postgresSchemaVersion(sql: Sql): Promise<number> {
  const { rows } = await sql.query<{ exists: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`,
  );
  if (!rows[0].exists) return 0;
  const answer = await sql.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return answer.rows[0].version ?? 0;
}

/** A connection of its own, for the migrations' transactions. */
export interface TransactionalSql extends Sql {
  release(): void;
}

/**
 * Applies the migrations the database lacks, in order, each in one transaction under the
 * advisory lock (the version is read again under it). Resolves to the versions applied.
 */
export async function migratePostgres(
  connect: () => Promise<TransactionalSql>,
  now: () => Date = () => new Date(),
): Promise<number[]> {
  const client = await connect();
  const applied: number[] = [];
  try {
    for (const migration of POSTGRES_MIGRATIONS) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(CREATE_MIGRATIONS_TABLE);
        if ((await postgresSchemaVersion(client)) >= migration.version) {
          await client.query('COMMIT');
          continue;
        }
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migrations (version, description, applied_at) VALUES ($1, $2, $3)',
          [migration.version, migration.description, now()],
        );
        await client.query('COMMIT');
        applied.push(migration.version);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    client.release();
  }
  return applied;
}
