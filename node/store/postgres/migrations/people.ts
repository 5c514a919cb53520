/** Who may use the hub: plants, people and their roles, sessions, and what they did. */
import { ROW, type PostgresMigration } from './migration.ts';

export const PEOPLE_AND_PLANTS: PostgresMigration = {
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
};
