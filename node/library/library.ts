/**
 * The library: one folder holding `auscult.db` (SQLite: machines, recordings, baselines,
 * diagnoses, fault log, settings), `recordings/` (WAV files named by id) and `tmp/` (imports in
 * progress). DESIGN.md §2.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import type { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { openDatabase } from './database.ts';
import { LibraryError } from './errors.ts';
import { resolveLibraryHome } from './home.ts';
import { assertValidId, randomId } from './ids.ts';
import { recoverPartialRecordings } from './recovery.ts';
import type { RecoveryLog } from './recovery.ts';
import { getSetting } from './settings.ts';

export const DATABASE_FILE = 'auscult.db';
export const RECORDINGS_FOLDER = 'recordings';
export const TMP_FOLDER = 'tmp';
/** An import untouched this long is abandoned: the host drops it, and the next start its file. */
export const STALE_IMPORT_MS = 10 * 60 * 1000;
/** The settings key that records that the demo machine was made, so it is made only once. */
export const DEMO_CREATED_KEY = 'demo.created';

export interface Library {
  /** The library folder, absolute. */
  readonly home: string;
  readonly databasePath: string;
  readonly recordingsFolder: string;
  readonly tmpFolder: string;
  readonly db: DatabaseSync;
  /** The clock of every created_at (injectable for tests). */
  readonly now: () => Date;
  /** The id generator (injectable for tests); ids match ID_PATTERN. */
  readonly newId: () => string;
  /** `recordings/<id>.wav`; throws TypeError for an id that is not an id. */
  recordingPath(recordingId: string): string;
  /** Closes the database; the library is unusable afterwards. Closing twice is harmless. */
  close(): void;
}

export interface OpenLibraryOptions {
  /** Create the demo machine when this library has never had one; default true. */
  readonly demo?: boolean;
  readonly now?: () => Date;
  readonly newId?: () => string;
  /** Where recovery of interrupted recordings reports what it did; default console.warn. */
  readonly log?: RecoveryLog;
}

async function makeFolders(home: string): Promise<void> {
  for (const folder of [home, join(home, RECORDINGS_FOLDER), join(home, TMP_FOLDER)]) {
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw new LibraryError(
        'unavailable',
        folder,
        `Cannot create the library folder "${folder}": ${(error as Error).message}.`,
        { cause: error },
      );
    }
  }
}

/**
 * Deletes files in tmp/ untouched for STALE_IMPORT_MS: imports a crash (or a closed page) left
 * unfinished. Their originals are elsewhere; a fresh file may belong to another process's import.
 */
async function removeStaleImports(tmpFolder: string, now: Date): Promise<void> {
  for (const name of await readdir(tmpFolder)) {
    const path = join(tmpFolder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && now.getTime() - info.mtimeMs > STALE_IMPORT_MS) {
      await rm(path, { force: true });
    }
  }
}

/**
 * Opens the library in `home` (default: `AUSCULT_HOME`, else the OS's per-user data folder),
 * creating the folder and the database on first use; the database is checked with quick_check
 * and migrated (see openDatabase). On the first start of a library (no demo made yet) it creates
 * the demo machine, unless `options.demo` is false. Every live recording a killed process left
 * behind (`recordings/*.partial`) is recovered and listed first (recovery.ts). Rejects with LibraryError when the library
 * cannot be opened, leaving its files as they are.
 */
export async function openLibrary(
  home?: string,
  options: OpenLibraryOptions = {},
): Promise<Library> {
  const folder = resolveLibraryHome(home);
  await makeFolders(folder);
  const now = options.now ?? (() => new Date());
  const databasePath = join(folder, DATABASE_FILE);
  const db = openDatabase(databasePath, now);
  let closed = false;
  const recordingsFolder = join(folder, RECORDINGS_FOLDER);
  const library: Library = {
    home: folder,
    databasePath,
    recordingsFolder,
    tmpFolder: join(folder, TMP_FOLDER),
    db,
    now,
    newId: options.newId ?? randomId,
    recordingPath(recordingId) {
      assertValidId(recordingId, 'recordingId');
      return join(recordingsFolder, `${recordingId}.wav`);
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
  try {
    await removeStaleImports(library.tmpFolder, now());
    await recoverPartialRecordings(library, options.log);
    if ((options.demo ?? true) && getSetting(library, DEMO_CREATED_KEY) === null) {
      // Loaded only here: the simulator is needed once in a library's life.
      const { createDemoMachine } = await import('./demo.ts');
      await createDemoMachine(library);
    }
  } catch (error) {
    library.close();
    throw error;
  }
  return library;
}
