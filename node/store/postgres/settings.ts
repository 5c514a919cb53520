/** Settings, in PostgreSQL: a key-value table. */
import type { Clock } from '../types.ts';
import type { SettingStore } from '../types.ts';
import type { Sql } from './sql.ts';

export function postgresSettings(sql: Sql, clock: Clock): SettingStore {
  return {
    async get(key) {
      const { rows } = await sql.query('SELECT value FROM settings WHERE key = $1', [key]);
      return rows.length > 0 ? String(rows[0].value) : null;
    },
    async set(key, value) {
      await sql.query(
        `INSERT INTO settings (key, value, id, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value,
           updated_at = excluded.updated_at, version = settings.version + 1`,
        [key, value, clock.newId(), clock.now()],
      );
    },
    async withPrefix(prefix) {
      const { rows } = await sql.query(
        'SELECT key, value FROM settings WHERE starts_with(key, $1) ORDER BY key COLLATE "C"',
        [prefix],
      );
      return rows.map((row) => ({ key: String(row.key), value: String(row.value) }));
    },
  };
}
