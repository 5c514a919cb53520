/** Opening a store from a few words, so a child process can open the one a test made. */
import { randomUUID } from 'node:crypto';
import {
  migratePostgresDatabase,
  openPostgresStore,
} from '../../../node/store/postgres/postgresStore.ts';
import { openDatabase } from '../../../node/store/sqlite/database.ts';
import { createSqliteStore } from '../../../node/store/sqlite/sqliteStore.ts';
import type { LibraryStore } from '../../../node/store/types.ts';

/**
 * `['sqlite', path]`: the SQLite store of the database file at path (created if new);
 * `['postgres', url]`: the hub's store of the database at url (migrated if new).
 */
export async function openStoreBySpec(spec: readonly string[]): Promise<LibraryStore> {
  const [kind, location] = spec;
  const clock = { now: () => new Date(), newId: randomUUID };
  if (kind === 'sqlite')
    return createSqliteStore(openDatabase(location, clock.now), clock, location);
  if (kind === 'postgres') {
    await migratePostgresDatabase(location);
    return openPostgresStore(location, clock);
  }
  throw new TypeError(`no store kind ${kind}`);
}
