/**
 * The hub's schema, as numbered migrations (`auscult hub migrate`). A migration is never edited
 * once released: a change is a new one at the end of the list. Each runs in its own transaction
 * holding an advisory lock, so two hubs starting at once apply it once.
 *
 * The tables mirror the laptop's SQLite schema (node/store/sqlite/migrations.ts) so that rows
 * move between the two unchanged: text ids (UUIDs, but a profile may name its own), ISO times,
 * versions. `seq` keeps the order rows were written in, as SQLite's rowid does there.
 */
import type { Sql } from './sql.ts';

export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** The advisory lock that orders sync_seq by commit ("SYNC"). */
export const SYNC_SEQ_LOCK = 0x53594e43;

const STATUSES = `('open', 'acknowledged', 'repair-planned', 'repaired', 'verified', 'dismissed')`;

/** Columns every row has: its place in write order, its times and its version. */
const ROW = `seq bigint GENERATED ALWAYS AS IDENTITY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1`;

/** The tables a desktop pulls from (shared/sync/protocol.ts PULLED_TABLES). */
const PULLED = ['diagnoses', 'fault_log', 'fault_log_events', 'expert_verdicts'];

/**
 * Desktop sync (docs/sync.md). An upload's bytes wait in sync_upload_chunks, one row per chunk
 * received, written in the same transaction as received_bytes: a hub killed mid-chunk keeps all
 * of it or none. sync_row_history keeps the copy that lost a conflict. sync_seq numbers every
 * write to a pulled table from one sequence; the trigger first takes a transaction-level advisory
 * lock, held until commit, so numbers are handed out in commit order. Without it a reader could
 * see number 6 committed while 5 is still in flight, move its cursor past 5 and never see it.
 */
const SYNC_MIGRATION = `
  CREATE TABLE sync_uploads (
    recording_id text NOT NULL,
    part text NOT NULL CHECK (part IN ('audio', 'original')),
    total_bytes bigint CHECK (total_bytes IS NULL OR total_bytes > 0),
    sha256 text CHECK (sha256 IS NULL OR sha256 ~ '^[0-9a-f]{64}$'),
    received_bytes bigint NOT NULL DEFAULT 0 CHECK (received_bytes >= 0),
    complete boolean NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (recording_id, part)
  );
  CREATE TABLE sync_upload_chunks (
    recording_id text NOT NULL,
    part text NOT NULL,
    start_byte bigint NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (recording_id, part, start_byte),
    FOREIGN KEY (recording_id, part) REFERENCES sync_uploads (recording_id, part)
  );
  CREATE TABLE sync_row_history (
    table_name text NOT NULL,
    row_id text NOT NULL,
    version integer NOT NULL,
    updated_at timestamptz NOT NULL,
    digest text NOT NULL,
    columns jsonb NOT NULL,
    superseded_at timestamptz NOT NULL,
    source text NOT NULL,
    PRIMARY KEY (table_name, row_id, version, digest)
  );
  ALTER TABLE sessions ADD COLUMN plant_id text REFERENCES plants (id);
  CREATE SEQUENCE sync_change_seq;
  CREATE FUNCTION sync_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(${SYNC_SEQ_LOCK});
    NEW.sync_seq := nextval('sync_change_seq');
    RETURN NEW;
  END $$;
  ${PULLED.map(
    (table) => `
  ALTER TABLE ${table} ADD COLUMN sync_seq bigint;
  UPDATE ${table} SET sync_seq = nextval('sync_change_seq');
  CREATE INDEX ${table}_by_sync_seq ON ${table} (sync_seq);
  CREATE TRIGGER ${table}_sync_seq BEFORE INSERT OR UPDATE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION sync_stamp();`,
  ).join('')}
`;

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'machines, recordings, baselines, diagnoses, fault log with history, settings',
    sql: `
      CREATE TABLE machines (
        id text PRIMARY KEY,
        name text NOT NULL,
        profile jsonb NOT NULL,
        is_demo boolean NOT NULL DEFAULT false,
        ${ROW}
      );
      CREATE TABLE recordings (
        id text PRIMARY KEY,
        machine_id text NOT NULL REFERENCES machines (id),
        name text NOT NULL,
        origin text NOT NULL CHECK (origin IN ('imported', 'recorded', 'recovered', 'demo')),
        sample_rate_hz integer NOT NULL,
        channel_count integer NOT NULL,
        duration_seconds double precision NOT NULL,
        size_bytes bigint NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(warnings) = 'array'),
        ${ROW}
      );
      CREATE INDEX recordings_by_machine ON recordings (machine_id, created_at, seq);
      CREATE TABLE baselines (
        id text PRIMARY KEY,
        machine_id text NOT NULL REFERENCES machines (id),
        signature jsonb NOT NULL,
        recording_ids jsonb NOT NULL,
        ${ROW}
      );
      CREATE INDEX baselines_by_machine ON baselines (machine_id, created_at, seq);
      CREATE TABLE diagnoses (
        id text PRIMARY KEY,
        recording_id text NOT NULL REFERENCES recordings (id),
        machine_id text NOT NULL REFERENCES machines (id),
        baseline_id text REFERENCES baselines (id),
        report jsonb NOT NULL,
        start_seconds double precision,
        end_seconds double precision,
        ${ROW}
      );
      CREATE INDEX diagnoses_by_recording ON diagnoses (recording_id, created_at, seq);
      CREATE INDEX diagnoses_by_machine ON diagnoses (machine_id, created_at, seq);
      CREATE TABLE fault_log (
        id text PRIMARY KEY,
        machine_id text NOT NULL REFERENCES machines (id),
        diagnosis_id text REFERENCES diagnoses (id),
        recording_id text REFERENCES recordings (id),
        cause_id text,
        component_id text,
        note text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ${STATUSES}),
        archived boolean NOT NULL DEFAULT false,
        recorded_by text NOT NULL DEFAULT '',
        follow_up_recording_id text REFERENCES recordings (id),
        ${ROW}
      );
      CREATE INDEX fault_log_by_machine ON fault_log (machine_id, created_at, seq);
      CREATE INDEX fault_log_by_time ON fault_log (created_at DESC, seq DESC);
      CREATE TABLE fault_log_events (
        id text PRIMARY KEY,
        entry_id text NOT NULL REFERENCES fault_log (id),
        kind text NOT NULL CHECK (kind IN ('created', 'status', 'archived', 'unarchived')),
        who text NOT NULL,
        from_status text CHECK (from_status IN ${STATUSES}),
        to_status text NOT NULL CHECK (to_status IN ${STATUSES}),
        reason text NOT NULL DEFAULT '',
        follow_up_recording_id text REFERENCES recordings (id),
        ${ROW}
      );
      CREATE INDEX fault_log_events_by_entry ON fault_log_events (entry_id, created_at, seq);
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL,
        id text NOT NULL UNIQUE,
        ${ROW}
      );
    `,
  },
  {
    version: 2,
    description: "recordings' audio in chunked rows",
    // An object row is written in the same transaction as its chunks, after them: an object that
    // is listed is complete. Chunks are fixed-size (the last one shorter), so a byte range maps
    // to a range of chunk numbers without reading the others.
    sql: `
      CREATE TABLE audio_objects (
        id text PRIMARY KEY,
        size_bytes bigint NOT NULL,
        chunk_bytes integer NOT NULL CHECK (chunk_bytes > 0),
        created_at timestamptz NOT NULL
      );
      CREATE TABLE audio_chunks (
        object_id text NOT NULL,
        chunk_number integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (object_id, chunk_number)
      );
    `,
  },
  {
    version: 3,
    description: 'plants, people and their roles, sign-in sessions and device tokens, audit log',
    // Machines without a plant are the ones synced before plants existed: only admins see them.
    // Sessions and device tokens are stored as SHA-256 digests, never as the secret itself.
    sql: `
      CREATE TABLE plants (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        ${ROW}
      );
      ALTER TABLE machines ADD COLUMN plant_id text REFERENCES plants (id);
      CREATE INDEX machines_by_plant ON machines (plant_id);
      CREATE TABLE users (
        id text PRIMARY KEY,
        name text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('technician', 'expert', 'supervisor', 'admin')),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        ${ROW}
      );
      CREATE TABLE user_plants (
        user_id text NOT NULL REFERENCES users (id),
        plant_id text NOT NULL REFERENCES plants (id),
        PRIMARY KEY (user_id, plant_id)
      );
      CREATE TABLE sessions (
        token_sha256 text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id),
        kind text NOT NULL CHECK (kind IN ('browser', 'device')),
        device_name text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX sessions_by_user ON sessions (user_id);
      CREATE TABLE audit_log (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id text REFERENCES users (id),
        action text NOT NULL,
        address text NOT NULL DEFAULT '',
        detail jsonb NOT NULL DEFAULT '{}'
      );
    `,
  },
  {
    version: 4,
    description: 'recordings from phones: their codec and the original file kept beside the audio',
    // As the laptop's migration 6: the original file is a second audio object under
    // original_audio_key; all NULL for WAV imports and live recordings.
    sql: `
      ALTER TABLE recordings ADD COLUMN codec jsonb
        CHECK (codec IS NULL OR jsonb_typeof(codec) = 'object');
      ALTER TABLE recordings ADD COLUMN original_format text
        CHECK (original_format IN ('m4a', '3gp', 'mp3', 'ogg', 'flac', 'amr', 'awb'));
      ALTER TABLE recordings ADD COLUMN original_audio_key text;
      ALTER TABLE recordings ADD COLUMN original_size_bytes bigint
        CHECK (original_size_bytes IS NULL OR original_size_bytes >= 0);
    `,
  },
  {
    version: 5,
    description: "experts' verdicts on diagnoses",
    // As the laptop's migration 7: one row per verdict, never changed; the newest counts.
    sql: `
      CREATE TABLE expert_verdicts (
        id text PRIMARY KEY,
        diagnosis_id text NOT NULL REFERENCES diagnoses (id),
        machine_id text NOT NULL REFERENCES machines (id),
        recording_id text NOT NULL REFERENCES recordings (id),
        decision text NOT NULL CHECK (decision IN ('confirm', 'correct')),
        cause_id text,
        other_cause text NOT NULL DEFAULT '',
        automatic_cause_id text,
        component_id text,
        severity text CHECK (severity IN ('slight', 'moderate', 'serious', 'extreme')),
        action text NOT NULL DEFAULT '',
        comment text NOT NULL DEFAULT '',
        expert_name text NOT NULL,
        ${ROW}
      );
      CREATE INDEX expert_verdicts_by_diagnosis ON expert_verdicts (diagnosis_id, created_at, seq);
      CREATE INDEX expert_verdicts_by_machine ON expert_verdicts (machine_id, created_at, seq);
    `,
  },
  {
    version: 6,
    description: "an index of each machine's open fault-log entries",
    // The machine list counts each machine's open entries; through fault_log_by_machine that
    // read every entry's row (with 1 000 machines and 100 000 entries: 100 000 heap pages and a
    // query costly enough to be JIT-compiled, 350-1000 ms). This partial index answers the
    // count from the index alone (npm run bench:hub, docs/benchmark.md): 70-80 ms. Its WHERE is
    // the list's own condition (machines.ts), so the planner can use it.
    sql: `
      CREATE INDEX fault_log_open_by_machine ON fault_log (machine_id)
        WHERE NOT archived AND status NOT IN ('verified', 'dismissed');
    `,
  },
  {
    version: 7,
    description: 'reviews: bundles of other libraries opened here, and where each came from',
    // As the laptop's migration 8: a machine with a review not yet adopted (adopted_at NULL)
    // stays out of the machine list and the fault log until it is added to the own machines.
    sql: `
      CREATE TABLE reviews (
        id text PRIMARY KEY,
        machine_id text NOT NULL REFERENCES machines (id),
        sender_name text NOT NULL,
        sent_at timestamptz NOT NULL,
        bundle_name text NOT NULL,
        recording_ids jsonb NOT NULL CHECK (jsonb_typeof(recording_ids) = 'array'),
        notes jsonb NOT NULL CHECK (jsonb_typeof(notes) = 'array'),
        adopted_at timestamptz,
        ${ROW}
      );
      CREATE INDEX reviews_by_machine ON reviews (machine_id, adopted_at);
    `,
  },
  {
    version: 8,
    description:
      'desktop sync: resumable audio uploads, the losing copies of conflicts, a change sequence, the plant of a device',
    sql: SYNC_MIGRATION,
  },
  {
    version: 9,
    description: 'the microphone calibration a recording was made through',
    // As the laptop's migration 10: a StoredCalibration copied at recording time, or NULL.
    sql: `
      ALTER TABLE recordings ADD COLUMN mic_calibration jsonb
        CHECK (mic_calibration IS NULL OR jsonb_typeof(mic_calibration) = 'object');
    `,
  },
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
