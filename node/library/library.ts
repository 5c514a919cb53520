/**
 * The laptop's library: one folder holding `auscult.db` (the SQLite store: machines,
 * recordings, baselines, diagnoses, fault log, settings), `recordings/` (the folder audio store,
 * WAV files named by id, and live recordings as they are written) and `tmp/` (files on their way
 * in). See docs/architecture.md.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createFolderAudioStore } from '../store/folderAudioStore.ts';
import type { FolderAudioStore } from '../store/folderAudioStore.ts';
import { LibraryError } from '../store/errors.ts';
import { randomId } from '../store/ids.ts';
import { openDatabase } from '../store/sqlite/database.ts';
import { createSqliteStore } from '../store/sqlite/sqliteStore.ts';
import type { SqliteLibraryStore } from '../store/sqlite/sqliteStore.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { DEMO_CREATED_KEY } from '../workflows/settingKeys.ts';
import { recoverPartialRecordings } from '../workflows/recovery.ts';
import type { RecoveryLog } from '../workflows/recovery.ts';
import { removeAbandonedStagingFiles } from '../files/staging.ts';
import { resolveLibraryHome } from './home.ts';

export const DATABASE_FILE = 'auscult.db';
export const RECORDINGS_FOLDER = 'recordings';
export const TMP_FOLDER = 'tmp';

export interface Library extends LibraryContext {
  /** The library folder, absolute. */
  readonly home: string;
  readonly databasePath: string;
  readonly store: SqliteLibraryStore;
  /** `recordings/`: its `pathOf(id)` is `recordings/<id>.wav` (the capture folder too). */
  readonly audio: FolderAudioStore;
  /** Closes the database; the library is unusable afterwards. Closing twice is harmless. */
  close(): Promise<void>;
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
 * Opens the library in `home` (default: `AUSCULT_HOME`, else the OS's per-user data folder),
 * creating the folder and the database on first use; the database is checked with quick_check
 * and migrated (see openDatabase). Files a killed import left are removed; every live recording
 * a killed process left behind is recovered and listed (recovery.ts); on the first start (no
 * demo made yet) the demo machine is created unless `options.demo` is false. Rejects with
 * LibraryError when the library cannot be opened, leaving its files as they are.
 */
export async function openLibrary(
  home?: string,
  options: OpenLibraryOptions = {},
): Promise<Library> {
  const folder = resolveLibraryHome(home);
  await makeFolders(folder);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomId;
  const databasePath = join(folder, DATABASE_FILE);
  const store = createSqliteStore(openDatabase(databasePath, now), { now, newId }, databasePath);
  const recordingsFolder = join(folder, RECORDINGS_FOLDER);
  const audio = createFolderAudioStore(recordingsFolder);
  const tmpFolder = join(folder, TMP_FOLDER);
  const library: Library = {
    home: folder,
    databasePath,
    store,
    audio,
    stagingFolder: tmpFolder,
    captureFolder: recordingsFolder,
    now,
    newId,
    close: () => store.close(),
  };
  try {
    await removeAbandonedStagingFiles(tmpFolder, now(), { anyName: true });
    await removeAbandonedStagingFiles(recordingsFolder, now());
    await recoverPartialRecordings(library, options.log);
    if ((options.demo ?? true) && (await store.settings.get(DEMO_CREATED_KEY)) === null) {
      // Loaded only here: the simulator is needed once in a library's life.
      const { createDemoMachine } = await import('../workflows/demo.ts');
      await createDemoMachine(library);
    }
  } catch (error) {
    await library.close();
    throw error;
  }
  return library;
}
