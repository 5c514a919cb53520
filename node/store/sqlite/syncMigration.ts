/**
 * Migration 9's SQL (docs/sync.md, "The desktop's side"): the outbox of rows waiting to go to a
 * hub, filled by triggers so that every write path of the store queues its rows in its own
 * transaction; the history of rows a sync replaced; the link to a hub. The demo machine and
 * everything on it stay on this computer.
 */
import { SYNC_TABLES } from '../../../shared/sync/protocol.ts';
import type { SyncTable } from '../../../shared/sync/protocol.ts';

const SQL_NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

/** SQL true when the row `alias` (NEW, or the table itself) is no demo row. */
function notDemo(table: SyncTable, alias: string): string {
  if (table === 'machines') return `${alias}.is_demo = 0`;
  if (table === 'fault_log_events') {
    return `NOT EXISTS (SELECT 1 FROM fault_log f JOIN machines m ON m.id = f.machine_id
      WHERE f.id = ${alias}.entry_id AND m.is_demo = 1)`;
  }
  return `NOT EXISTS (SELECT 1 FROM machines m WHERE m.id = ${alias}.machine_id AND m.is_demo = 1)`;
}

/** One trigger: a write queues the row once; a later write only counts as one more change. */
function trigger(table: SyncTable, event: 'INSERT' | 'UPDATE'): string {
  return `
    CREATE TRIGGER sync_outbox_${table}_${event.toLowerCase()} AFTER ${event} ON ${table}
    WHEN (SELECT applying FROM sync_state WHERE id = 1) = 0 AND ${notDemo(table, 'NEW')}
    BEGIN
      INSERT INTO sync_outbox (table_name, row_id, changes, queued_at)
        VALUES ('${table}', NEW.id, 1, ${SQL_NOW})
        ON CONFLICT (table_name, row_id)
        DO UPDATE SET changes = changes + 1, queued_at = excluded.queued_at;
    END;`;
}

/** Rows written before this migration go up too, the first time the library is linked. */
function backfill(table: SyncTable): string {
  return `
    INSERT INTO sync_outbox (table_name, row_id, changes, queued_at)
      SELECT '${table}', t.id, 1, ${SQL_NOW} FROM ${table} t WHERE ${notDemo(table, 't')}
      ORDER BY t.rowid;`;
}

export const SYNC_OUTBOX_SQL = `
  -- applying is 1 only inside the transaction that applies rows from the hub: the triggers
  -- then stay quiet, so those rows do not go back up. device_id names this library to hubs.
  CREATE TABLE sync_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1)),
    device_id TEXT NOT NULL
  ) STRICT;
  INSERT INTO sync_state (id, applying, device_id) VALUES (1, 0, ${SQL_UUID});
  -- One entry per row; changes counts writes, so that an entry is removed only when the hub
  -- took the very state that was pushed.
  CREATE TABLE sync_outbox (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    changes INTEGER NOT NULL,
    queued_at TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id)
  ) STRICT;
  -- The copies of rows a sync replaced, or that lost to the copy kept ('desktop' or 'hub':
  -- where the copy was made).
  CREATE TABLE sync_row_history (
    id INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    digest TEXT NOT NULL,
    columns TEXT NOT NULL CHECK (json_valid(columns)),
    superseded_at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('desktop', 'hub'))
  ) STRICT;
  CREATE INDEX sync_row_history_by_row ON sync_row_history (table_name, row_id);
  -- The hub this library is linked to (no row when none): the device token, never a password.
  CREATE TABLE sync_link (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    hub_url TEXT NOT NULL,
    device_token TEXT NOT NULL,
    user_name TEXT NOT NULL,
    plant_id TEXT,
    pull_cursor TEXT,
    last_sync_at TEXT,
    last_error TEXT CHECK (last_error IS NULL OR json_valid(last_error)),
    linked_at TEXT NOT NULL
  ) STRICT;
  ${SYNC_TABLES.map((table) => trigger(table, 'INSERT') + trigger(table, 'UPDATE')).join('\n')}
  ${SYNC_TABLES.map(backfill).join('\n')}
`;
