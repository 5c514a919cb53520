/** Settings, in SQLite: a key-value table. */
import type { DatabaseSync } from 'node:sqlite';
import { storing } from '../../files/diskFull.ts';
import type { SettingStore } from '../types.ts';
import type { Clock, Synchronous } from './synchronous.ts';

export function sqliteSettings(db: DatabaseSync, clock: Clock): Synchronous<SettingStore> {
  return {
    get(key) {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key);
      return row ? String(row.value) : null;
    },
    set(key, value) {
      const at = clock.now().toISOString();
      storing(key.length + value.length, () =>
        db
          .prepare(
            `INSERT INTO settings (key, value, id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
           version = version + 1`,
          )
          .run(key, value, clock.newId(), at, at),
      );
    },
    withPrefix(prefix) {
      return db
        .prepare('SELECT key, value FROM settings WHERE substr(key, 1, length(?)) = ? ORDER BY key')
        .all(prefix, prefix)
        .map((row) => ({ key: String(row.key), value: String(row.value) }));
    },
  };
}
