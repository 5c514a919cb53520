/**
 * Opening the library database: integrity first, then the pragmas that make every acknowledged
 * write survive a crash, then the migrations.
 */
import { DatabaseSync } from 'node:sqlite';
import { LibraryError } from '../errors.ts';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations.ts';

/** How long a statement waits for another process's write lock before failing, ms. */
export const BUSY_TIMEOUT_MS = 5000;

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

function sqliteCode(error: unknown): number | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  // Extended result codes carry the primary code in their low byte.
  return typeof code === 'number' ? code & 0xff : undefined;
}

function corruptError(path: string, problem: string, cause?: unknown): LibraryError {
  return new LibraryError(
    'corrupt',
    path,
    `The library database "${path}" is damaged (${problem}); Auscult has left it untouched: ` +
      'quit, restore auscult.db from a backup (or move the library folder aside to start an ' +
      'empty one), then start Auscult again.',
    { cause },
  );
}

/**
 * Runs `PRAGMA quick_check` (the b-tree structure of every page, without the slower index cross
 * checks of integrity_check). Throws LibraryError 'corrupt' with SQLite's first complaint.
 */
export function checkIntegrity(db: DatabaseSync, path: string): void {
  let rows: Record<string, unknown>[];
  try {
    rows = db.prepare('PRAGMA quick_check').all();
  } catch (error) {
    const code = sqliteCode(error);
    if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB) {
      throw corruptError(path, (error as Error).message, error);
    }
    throw error;
  }
  const answer = rows.map((row) => String(Object.values(row)[0]));
  if (answer.length === 1 && answer[0] === 'ok') return;
  // Each row may hold several lines; "*** in database main ***" only says where.
  const problems = answer.flatMap((a) => a.split('\n')).filter((l) => l && !l.startsWith('***'));
  const more = problems.length > 1 ? ` and ${problems.length - 1} more problems` : '';
  throw corruptError(path, `quick_check reports "${problems[0] ?? 'no answer'}"${more}`);
}

function configure(db: DatabaseSync): void {
  // WAL: readers never block the writer, and a commit is one append to the log.
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: the log is fsynced at every commit, so an acknowledged write survives a power cut.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
}

function checkVersion(db: DatabaseSync, path: string): void {
  const version = schemaVersion(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new LibraryError(
      'newer-version',
      path,
      `The library database "${path}" was written by a newer Auscult (schema ${version}, this ` +
        `one knows up to ${LATEST_SCHEMA_VERSION}); update Auscult to open it.`,
    );
  }
}

/**
 * Opens (or creates) the SQLite database at `path`, checks it with quick_check, sets WAL,
 * synchronous=FULL, foreign keys and a busy timeout, and applies pending migrations. Throws
 * LibraryError: 'corrupt' (the file is left as it is), 'newer-version', or 'unavailable' when
 * SQLite cannot open the file at all.
 */
export function openDatabase(path: string, now: () => Date = () => new Date()): DatabaseSync {
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(path, { enableForeignKeyConstraints: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new LibraryError(
      'unavailable',
      path,
      `Cannot open the library database "${path}": ${(error as Error).message}.`,
      { cause: error },
    );
  }
  try {
    checkIntegrity(db, path);
    configure(db);
    checkVersion(db, path);
    migrate(db, now);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof LibraryError) throw error;
    const code = sqliteCode(error);
    if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB) {
      throw corruptError(path, (error as Error).message, error);
    }
    // A read-only folder or file, a full disk, a lock held too long: say which file.
    throw new LibraryError(
      'unavailable',
      path,
      `Cannot use the library database "${path}": ${(error as Error).message}.`,
      { cause: error },
    );
  }
}
