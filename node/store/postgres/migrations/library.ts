/**
 * The library itself: machines, their recordings and audio, baselines, diagnoses and the fault
 * log, and the columns and indexes later added to them.
 */
import { ROW, STATUSES, type PostgresMigration } from './migration.ts';

export const LIBRARY_TABLES: PostgresMigration = {
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
};

export const AUDIO_CHUNKS: PostgresMigration = {
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
};

export const PHONE_RECORDINGS: PostgresMigration = {
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
};

export const OPEN_FAULTS_INDEX: PostgresMigration = {
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
};

export const MIC_CALIBRATION: PostgresMigration = {
  version: 9,
  description: 'the microphone calibration a recording was made through',
  // As the laptop's migration 10: a StoredCalibration copied at recording time, or NULL.
  sql: `
      ALTER TABLE recordings ADD COLUMN mic_calibration jsonb
        CHECK (mic_calibration IS NULL OR jsonb_typeof(mic_calibration) = 'object');
    `,
};
