/** The tables and triggers desktop sync needs (docs/sync.md). */
import type { PostgresMigration } from './migration.ts';

/** The advisory lock that orders sync_seq by commit ("SYNC"). */
export const SYNC_SEQ_LOCK = 0x53594e43;

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
const SYNC_MIGRATION_SQL = `
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

export const DESKTOP_SYNC: PostgresMigration = {
  version: 8,
  description:
    'desktop sync: resumable audio uploads, the losing copies of conflicts, a change sequence, the plant of a device',
  sql: SYNC_MIGRATION_SQL,
};
