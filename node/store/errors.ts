/**
 * The library's own errors. Each message is one sentence a user can act on; the API maps them
 * to ApiError codes (node/api/errors.ts).
 */

export type LibraryErrorKind =
  /** `PRAGMA quick_check` failed, or SQLite calls the file malformed or not a database. */
  | 'corrupt'
  /** The database was written by a newer Auscult (a schema version this one does not know). */
  | 'newer-version'
  /** The folder or the database cannot be opened (permissions, a file where a folder should be). */
  | 'unavailable';

/** The library cannot be opened. The files are left as they are. */
export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  readonly kind: LibraryErrorKind;
  /** The file or folder concerned. */
  readonly path: string;

  constructor(kind: LibraryErrorKind, path: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
    this.path = path;
  }
}

export type EntityKind =
  | 'machine'
  | 'recording'
  | 'baseline'
  | 'diagnosis'
  | 'fault-log entry'
  | 'verdict'
  | 'import'
  | 'job'
  | 'session'
  | 'review';

/** An id that names nothing in the library (or a recording of another machine). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  /** The page's sentence names the entity's kind, never its id. */
  readonly entity: EntityKind;
  readonly id: string;

  constructor(entity: EntityKind, id: string, message = `there is no ${entity} with id "${id}"`) {
    super(message);
    this.entity = entity;
    this.id = id;
  }
}
