/** Experts' work on the hub: their verdicts, and bundles from other libraries opened here. */
import { ROW, type PostgresMigration } from './migration.ts';

export const EXPERT_VERDICTS: PostgresMigration = {
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
};

export const REVIEWS: PostgresMigration = {
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
};
