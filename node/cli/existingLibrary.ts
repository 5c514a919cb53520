/**
 * The library a command works on, which must already exist: a folder without one is refused
 * rather than created, so a typo in --home leaves no new library behind. It is opened as the
 * web host opens it (migrated if older, interrupted recordings recovered) but no demo is made.
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { Library } from '../library/library.ts';
import { InputError } from './errors.ts';

/** The library in `home`; what recovery of interrupted recordings did goes to `warnings`. */
export async function openExisting(home: string, warnings: string[]): Promise<Library> {
  // Loaded here: node:sqlite is only touched once a command needs the library.
  const { DATABASE_FILE, openLibrary } = await import('../library/library.ts');
  try {
    await access(join(home, DATABASE_FILE));
  } catch {
    throw new InputError(`no Auscult library in "${home}" (it has no ${DATABASE_FILE})`);
  }
  try {
    return await openLibrary(home, { demo: false, log: (message) => warnings.push(message) });
  } catch (error) {
    const { LibraryError } = await import('../store/errors.ts');
    if (error instanceof LibraryError) throw new InputError(error.message);
    throw error;
  }
}
