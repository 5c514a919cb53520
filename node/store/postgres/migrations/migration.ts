/**
 * What every hub migration is, and the column text its tables share. The text is part of each
 * released migration's SQL, so it is never edited (a change is a new migration).
 */
export interface PostgresMigration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** The fault log's statuses, as an SQL list for CHECK constraints. */
export const STATUSES = `('open', 'acknowledged', 'repair-planned', 'repaired', 'verified', 'dismissed')`;

/** Columns every row has: its place in write order, its times and its version. */
export const ROW = `seq bigint GENERATED ALWAYS AS IDENTITY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1`;
