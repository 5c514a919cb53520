/**
 * The laptop's LibraryStore: one node:sqlite connection (WAL, synchronous=FULL; see
 * database.ts). While a transaction is open, calls on the store wait for it, so that nothing
 * else joins (or is rolled back with) it. The wait is shared by every store of this process on
 * the same database file: node:sqlite waits for another connection's lock synchronously, which
 * would stall the very event loop the open transaction needs to finish.
 */
import type { DatabaseSync } from 'node:sqlite';
import type {
  FaultLogCountQuery,
  FaultLogPageQuery,
  FaultLogStore,
  LibraryStore,
} from '../types.ts';
import { sqliteBaselines } from './baselines.ts';
import { sqliteDiagnoses } from './diagnoses.ts';
import { sqliteExpertVerdicts } from './expertVerdicts.ts';
import { sqliteFaultLog } from './faultLog.ts';
import { sqliteFaultLogCount, sqliteFaultLogPage } from './faultLogPage.ts';
import { sqliteMachines } from './machines.ts';
import { sqliteRecordings } from './recordings.ts';
import { sqliteReviews } from './reviews.ts';
import { sqliteSettings } from './settings.ts';
import { asyncTable } from './synchronous.ts';
import type { Clock, Runner, Synchronous } from './synchronous.ts';

export interface SqliteLibraryStore extends LibraryStore {
  /** The connection, for integrity checks and tests; workflows never use it. */
  readonly db: DatabaseSync;
}

function tables(db: DatabaseSync, clock: Clock, run: Runner) {
  return {
    machines: asyncTable(sqliteMachines(db, clock), run),
    recordings: asyncTable(sqliteRecordings(db, clock), run),
    baselines: asyncTable(sqliteBaselines(db, clock), run),
    diagnoses: asyncTable(sqliteDiagnoses(db, clock), run),
    faultLog: asyncTable<FaultLogStore>(
      {
        ...sqliteFaultLog(db, clock),
        page: (query: FaultLogPageQuery) => sqliteFaultLogPage(db, query),
        count: (query: FaultLogCountQuery) => sqliteFaultLogCount(db, query),
      } as Synchronous<FaultLogStore>,
      run,
    ),
    verdicts: asyncTable(sqliteExpertVerdicts(db, clock), run),
    reviews: asyncTable(sqliteReviews(db, clock), run),
    settings: asyncTable(sqliteSettings(db, clock), run),
  };
}

/** The transaction open on a database file in this process, if any. */
interface Gate {
  open: Promise<void> | null;
}
const gates = new Map<string, Gate>();

/**
 * The store over an open, migrated database (see openDatabase). `databasePath` identifies the
 * file, so that stores of this process on the same file wait for each other's transactions.
 */
export function createSqliteStore(
  db: DatabaseSync,
  clock: Clock,
  databasePath: string,
): SqliteLibraryStore {
  const gate = gates.get(databasePath) ?? { open: null };
  gates.set(databasePath, gate);
  let closed = false;
  const waitForTransaction = async () => {
    while (gate.open) await gate.open;
  };
  const gated: Runner = async (work) => {
    await waitForTransaction();
    return work();
  };
  const direct: Runner = async (work) => work();
  // What a transaction's work sees: the same tables, run at once (the gate is its own).
  const tx: LibraryStore = {
    ...tables(db, clock, direct),
    transaction: (inner) => inner(tx),
    close: () => Promise.reject(new Error('close the store, not a transaction')),
  };
  const store: SqliteLibraryStore = {
    db,
    ...tables(db, clock, gated),
    async transaction(work) {
      // The last check and taking the gate in one synchronous step: with an `await` between
      // them, two transactions started in the same tick would both pass and nest.
      while (gate.open) await gate.open;
      let release = () => undefined as void;
      gate.open = new Promise<void>((resolve) => (release = resolve));
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
        gate.open = null;
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
