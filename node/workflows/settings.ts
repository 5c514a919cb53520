/** The API's Settings over the store's key-value settings. */
import type { Settings } from '../../shared/api/contract.ts';
import type { LibraryContext } from './context.ts';

import { isLanguage, LANGUAGES } from '../../shared/api/limits.ts';
export const DEFAULT_SETTINGS: Settings = { language: 'en' };

/** The user's settings, defaults filled in; an unknown stored language falls back to 'en'. */
export async function getSettings(library: LibraryContext): Promise<Settings> {
  const language = await library.store.settings.get('language');
  return {
    language: isLanguage(language) ? language : DEFAULT_SETTINGS.language,
  };
}

/** Stores `settings` (validated by the caller) and returns them as now stored. */
export async function setSettings(library: LibraryContext, settings: Settings): Promise<Settings> {
  if (!isLanguage(settings.language)) {
    throw new RangeError(`settings.language must be one of ${LANGUAGES.join(', ')}`);
  }
  await library.store.settings.set('language', settings.language);
  return getSettings(library);
}
