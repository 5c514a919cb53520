/**
 * Numbered schema migrations. A migration is never edited once released: a change is a new one
 * at the end of the list. Each runs in its own transaction with its row in `schema_migrations`,
 * so a crash mid-migration leaves the previous version intact.
 */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './transaction.ts';
import { SYNC_OUTBOX_SQL } from './syncMigration.ts';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** A random version-4 UUID in SQL, evaluated per row (for rows a migration creates). */
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

const STATUSES = `('open', 'acknowledged', 'repair-planned', 'repaired', 'verified', 'dismissed')`;

/** STRICT tables: SQLite refuses a value of the wrong type instead of storing it anyway. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'machines, recordings, baselines, diagnoses, fault log, settings',
    sql: `
      CREATE TABLE machines (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        profile TEXT NOT NULL CHECK (json_valid(profile)),
        is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE recordings (
        id TEXT PRIMARY KEY,
        machine_id TEXT NOT NULL REFERENCES machines (id),
        name TEXT NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('imported', 'recorded', 'recovered', 'demo')),
        sample_rate_hz INTEGER NOT NULL,
        channel_count INTEGER NOT NULL,
        duration_seconds REAL NOT NULL,
        size_bytes INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recordings_by_machine ON recordings (machine_id, created_at);
      CREATE TABLE baselines (
        id TEXT PRIMARY KEY,
        machine_id TEXT NOT NULL REFERENCES machines (id),
        signature TEXT NOT NULL CHECK (json_valid(signature)),
        recording_ids TEXT NOT NULL CHECK (json_valid(recording_ids)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX baselines_by_machine ON baselines (machine_id, created_at);
      CREATE TABLE diagnoses (
        id TEXT PRIMARY KEY,
        recording_id TEXT NOT NULL REFERENCES recordings (id),
        machine_id TEXT NOT NULL REFERENCES machines (id),
        baseline_id TEXT REFERENCES baselines (id),
        report TEXT NOT NULL CHECK (json_valid(report)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX diagnoses_by_recording ON diagnoses (recording_id, created_at);
      CREATE TABLE fault_log (
        id TEXT PRIMARY KEY,
        machine_id TEXT NOT NULL REFERENCES machines (id),
        diagnosis_id TEXT REFERENCES diagnoses (id),
        recording_id TEXT REFERENCES recordings (id),
        cause_id TEXT,
        component_id TEXT,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX fault_log_by_machine ON fault_log (machine_id, created_at);
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'row versions for sync; settings rows with ids; diagnosis regions',
    // Every row gets created/updated times and a version, so that a laptop and a server can
    // tell which copy of a row is newer. Ids are already UUIDs (randomUUID) except settings,
    // which are keyed by name and get one here.
    sql: `
      ALTER TABLE machines ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE recordings ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE recordings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      UPDATE recordings SET updated_at = created_at;
      ALTER TABLE baselines ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE baselines ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      UPDATE baselines SET updated_at = created_at;
      ALTER TABLE diagnoses ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE diagnoses ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE diagnoses ADD COLUMN start_seconds REAL;
      ALTER TABLE diagnoses ADD COLUMN end_seconds REAL;
      UPDATE diagnoses SET updated_at = created_at;
      ALTER TABLE fault_log ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE fault_log ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      UPDATE fault_log SET updated_at = created_at;
      ALTER TABLE settings ADD COLUMN id TEXT;
      ALTER TABLE settings ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE settings ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
      ALTER TABLE settings ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      UPDATE settings SET id = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
        created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
      CREATE UNIQUE INDEX settings_by_id ON settings (id);
    `,
  },
  {
    version: 3,
    description: 'warnings found when a recording entered the library',
    // A JSON array of { code, params } (RecordingWarning); recordings listed before have none.
    sql: `
      ALTER TABLE recordings ADD COLUMN warnings TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(warnings) AND json_type(warnings) = 'array');
    `,
  },
  {
    version: 4,
    description: 'diagnoses by machine, for the newest verdict of each machine',
    sql: `CREATE INDEX diagnoses_by_machine ON diagnoses (machine_id, created_at);`,
  },
  {
    version: 5,
    description: 'fault-log status workflow, archive flag, who recorded, and history events',
    // Entries made before statuses existed become open, each with its creation back-filled as
    // the first event of its history (who unknown: ''). Events are never changed once written;
    // they carry the same id, times and version as every row so they can move between stores.
    sql: `
      ALTER TABLE fault_log ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ${STATUSES});
      ALTER TABLE fault_log ADD COLUMN archived INTEGER NOT NULL DEFAULT 0
        CHECK (archived IN (0, 1));
      ALTER TABLE fault_log ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
      ALTER TABLE fault_log ADD COLUMN follow_up_recording_id TEXT REFERENCES recordings (id);
      CREATE TABLE fault_log_events (
        id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES fault_log (id),
        kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'archived', 'unarchived')),
        who TEXT NOT NULL,
        from_status TEXT CHECK (from_status IN ${STATUSES}),
        to_status TEXT NOT NULL CHECK (to_status IN ${STATUSES}),
        reason TEXT NOT NULL DEFAULT '',
        follow_up_recording_id TEXT REFERENCES recordings (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX fault_log_events_by_entry ON fault_log_events (entry_id, created_at);
      INSERT INTO fault_log_events (id, entry_id, kind, who, from_status, to_status, created_at,
          updated_at)
        SELECT ${SQL_UUID}, id, 'created', '', NULL, 'open', created_at, created_at
        FROM fault_log ORDER BY created_at, rowid;
    `,
  },
  {
    version: 6,
    description: 'recordings from phones: their codec and the original file kept beside the audio',
    // codec: a JSON RecordingCodec (shared/api/contract.ts); the original file is a second
    // audio-store object under original_audio_key. NULL for WAV imports and live recordings.
    sql: `
      ALTER TABLE recordings ADD COLUMN codec TEXT
        CHECK (codec IS NULL OR (json_valid(codec) AND json_type(codec) = 'object'));
      ALTER TABLE recordings ADD COLUMN original_format TEXT
        CHECK (original_format IN ('m4a', '3gp', 'mp3', 'ogg', 'flac', 'amr', 'awb'));
      ALTER TABLE recordings ADD COLUMN original_audio_key TEXT;
      ALTER TABLE recordings ADD COLUMN original_size_bytes INTEGER
        CHECK (original_size_bytes IS NULL OR original_size_bytes >= 0);
    `,
  },
  {
    version: 7,
    description: "experts' verdicts on diagnoses",
    // One row per verdict, never changed: a diagnosis' newest verdict counts, the earlier ones
    // are its history. The cause is not checked against the vocabulary here, so that a verdict
    // made with a newer vocabulary can still arrive; the store reads unknown codes as 'other'.
    sql: `
      CREATE TABLE expert_verdicts (
        id TEXT PRIMARY KEY,
        diagnosis_id TEXT NOT NULL REFERENCES diagnoses (id),
        machine_id TEXT NOT NULL REFERENCES machines (id),
        recording_id TEXT NOT NULL REFERENCES recordings (id),
        decision TEXT NOT NULL CHECK (decision IN ('confirm', 'correct')),
        cause_id TEXT,
        other_cause TEXT NOT NULL DEFAULT '',
        automatic_cause_id TEXT,
        component_id TEXT,
        severity TEXT CHECK (severity IN ('slight', 'moderate', 'serious', 'extreme')),
        action TEXT NOT NULL DEFAULT '',
        comment TEXT NOT NULL DEFAULT '',
        expert_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX expert_verdicts_by_diagnosis ON expert_verdicts (diagnosis_id, created_at);
      CREATE INDEX expert_verdicts_by_machine ON expert_verdicts (machine_id, created_at);
    `,
  },
  {
    version: 8,
    description: 'reviews: bundles of other libraries opened here, and where each came from',
    // A machine with a review whose adopted_at is NULL is a review only: it stays out of the
    // machine list and the fault log until the user adds it to their own machines. The notes
    // of the sender's fault log travel as a JSON array (shared/bundle/review.ts, ReviewNote).
    sql: `
      CREATE TABLE reviews (
        id TEXT PRIMARY KEY,
        machine_id TEXT NOT NULL REFERENCES machines (id),
        sender_name TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        bundle_name TEXT NOT NULL,
        recording_ids TEXT NOT NULL
          CHECK (json_valid(recording_ids) AND json_type(recording_ids) = 'array'),
        notes TEXT NOT NULL CHECK (json_valid(notes) AND json_type(notes) = 'array'),
        adopted_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE INDEX reviews_by_machine ON reviews (machine_id, adopted_at);
    `,
  },
  {
    version: 9,
    description: 'sync with a hub: outbox filled by triggers, row history, the link',
    sql: SYNC_OUTBOX_SQL,
  },
  {
    version: 10,
    description: 'the microphone calibration a recording was made through',
    // A JSON StoredCalibration (shared/audio/calibration/storedCalibration.ts), copied from the
    // input device's at recording time; NULL for recordings without one.
    sql: `
      ALTER TABLE recordings ADD COLUMN mic_calibration TEXT
        CHECK (mic_calibration IS NULL
          OR (json_valid(mic_calibration) AND json_type(mic_calibration) = 'object'));
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The schema version of `db`: the highest applied migration, 0 for an empty database. */
export function schemaVersion(db: DatabaseSync): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get();
  return Number(row?.version ?? 0);
}

/**
 * Applies the migrations above `schemaVersion(db)`, in order, each in one transaction. Returns
 * the versions applied (empty when the database was up to date). The caller checks first that
 * the database is not newer than LATEST_SCHEMA_VERSION.
 */
export function migrate(db: DatabaseSync, now: () => Date = () => new Date()): number[] {
  const current = schemaVersion(db);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    inTransaction(db, () => {
      db.exec(migration.sql);
      db.prepare(
        'INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)',
      ).run(migration.version, migration.description, now().toISOString());
    });
    applied.push(migration.version);
  }
  return applied;
}
