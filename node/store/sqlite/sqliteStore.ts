/**
 * The laptop's LibraryStore: one node:sqlite connection (WAL, synchronous=FULL; see
 * database.ts). Calls run one at a time on the connection; while a transaction is open, calls
 * on the store itself wait for it, so that nothing else joins (or is rolled back with) it.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { LibraryStore } from '../types.ts';
import { sqliteBaselines } from './baselines.ts';
import { sqliteDiagnoses } from './diagnoses.ts';
import { sqliteFaultLog } from './faultLog.ts';
import { sqliteMachines } from './machines.ts';
import { sqliteRecordings } from './recordings.ts';
import { sqliteSettings } from './settings.ts';
import { asyncTable } from './synchronous.ts';
import type { Clock, Runner } from './synchronous.ts';

export interface SqliteLibraryStore extends LibraryStore {
  /** The connection, for integrity checks and tests; workflows never use it. */
  readonly db: DatabaseSync;
}

function tables(db: DatabaseSync, clock: Clock, run: Runner) {
  return {
    machines: asyncTable(sqliteMachines(db, clock), run),
    recordings: asyncTable(sqliteRecordings(db), run),
    baselines: asyncTable(sqliteBaselines(db, clock), run),
    diagnoses: asyncTable(sqliteDiagnoses(db, clock), run),
    faultLog: asyncTable(sqliteFaultLog(db, clock), run),
    settings: asyncTable(sqliteSettings(db, clock), run),
  };
}

/** The store over an open, migrated database (see openDatabase). */
export function createSqliteStore(db: DatabaseSync, clock: Clock): SqliteLibraryStore {
  let open: Promise<void> | null = null;
  let closed = false;
  const waitForTransaction = async () => {
    while (open) await open;
  };
  const gated: Runner = async (work) => {
    await waitForTransaction();
    return work();
  };
  const direct: Runner = async (work) => work();
  const store: SqliteLibraryStore = {
    db,
    ...tables(db, clock, gated),
    async transaction(work) {
      await waitForTransaction();
      let release = () => undefined as void;
      open = new Promise<void>((resolve) => (release = resolve));
      const tx: LibraryStore = {
        ...tables(db, clock, direct),
        transaction: (inner) => inner(tx),
        close: () => store.close(),
      };
      try {
        // IMMEDIATE takes the write lock at once: another process cannot make it fail halfway.
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        open = null;
        release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await waitForTransaction();
      db.close();
    },
  };
  return store;
}
