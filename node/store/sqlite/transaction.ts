/** Transactions on a node:sqlite database. */
import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` inside `BEGIN IMMEDIATE … COMMIT` (IMMEDIATE takes the write lock at once, so
 * another process cannot make the transaction fail halfway with SQLITE_BUSY) and returns its
 * result; rolls back and rethrows if `work` throws. Once COMMIT returns, the write is durable
 * (synchronous=FULL). Nested calls join the outer transaction. Used by the migrations;
 * the store's async transactions are in sqliteStore.ts.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  if (db.isTransaction) return work();
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
