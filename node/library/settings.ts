/** Settings: a key-value table; `Settings` of the API on top of it. */
import type { Language, Settings } from '../../shared/api/contract.ts';
import { LANGUAGES } from '../../shared/api/limits.ts';
import { storing } from '../files/diskFull.ts';
import type { Library } from './library.ts';

export { LANGUAGES };
export const DEFAULT_SETTINGS: Settings = { language: 'en' };

/** The stored value of `key`, or null. */
export function getSetting(library: Library, key: string): string | null {
  const row = library.db.prepare('SELECT value FROM settings WHERE key = ?').get(key);
  return row ? String(row.value) : null;
}

/** Stores `value` under `key` (durably, once this returns). */
export function setSetting(library: Library, key: string, value: string): void {
  storing(key.length + value.length, () =>
    library.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value),
  );
}

/** The user's settings, defaults filled in; an unknown stored language falls back to 'en'. */
export function getSettings(library: Library): Settings {
  const language = getSetting(library, 'language');
  return {
    language: LANGUAGES.includes(language as Language)
      ? (language as Language)
      : DEFAULT_SETTINGS.language,
  };
}

/** Stores `settings` (validated by the caller) and returns them as now stored. */
export function setSettings(library: Library, settings: Settings): Settings {
  if (!LANGUAGES.includes(settings.language)) {
    throw new RangeError(`settings.language must be one of ${LANGUAGES.join(', ')}`);
  }
  setSetting(library, 'language', settings.language);
  return getSettings(library);
}
