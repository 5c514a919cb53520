/** Opening a store from a few words, so a child process can open the one a test made. */
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../../node/store/sqlite/database.ts';
import { createSqliteStore } from '../../../node/store/sqlite/sqliteStore.ts';
import type { LibraryStore } from '../../../node/store/types.ts';

/** `['sqlite', path]`: the SQLite store of the database file at path (created if new). */
export async function openStoreBySpec(spec: readonly string[]): Promise<LibraryStore> {
  const [kind, location] = spec;
  if (kind === 'sqlite') {
    const now = () => new Date();
    return createSqliteStore(openDatabase(location, now), { now, newId: randomUUID }, location);
  }
  throw new TypeError(`no store kind ${kind}`);
}
