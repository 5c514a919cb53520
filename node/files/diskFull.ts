/**
 * A full disk as its own error. The file system says ENOSPC (or EDQUOT, a quota), SQLite
 * SQLITE_FULL; the code that writes knows how many bytes it was writing, so it wraps the error
 * in a DiskFullError carrying that figure, and the page can say how much room to make.
 */

/** SQLite's result code for "database or disk is full". */
const SQLITE_FULL = 13;
/** What a database write needs at the least: one page of SQLite's write-ahead log. */
export const DATABASE_PAGE_BYTES = 4096;

export class DiskFullError extends Error {
  override readonly name = 'DiskFullError';
  /** Bytes the operation was writing (at least what it needed). */
  readonly neededBytes: number;
  constructor(neededBytes: number, options?: ErrorOptions) {
    super(`the disk is full: this needed ${neededBytes} bytes more`, options);
    this.neededBytes = neededBytes;
  }
}

/** True for an error that says the disk (or the user's quota) is full, or wraps one. */
export function isDiskFull(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, errcode, cause } = current as {
      code?: unknown;
      errcode?: unknown;
      cause?: unknown;
    };
    if (current instanceof DiskFullError) return true;
    if (code === 'ENOSPC' || code === 'EDQUOT') return true;
    // node:sqlite: code ERR_SQLITE_ERROR, the primary result code in the low byte of errcode.
    if (typeof errcode === 'number' && (errcode & 0xff) === SQLITE_FULL) return true;
    current = cause;
  }
  return false;
}

/** `error` as a DiskFullError of `neededBytes` when it says the disk is full; else unchanged. */
export function asDiskFull(error: unknown, neededBytes: number): unknown {
  if (error instanceof DiskFullError) return error;
  return isDiskFull(error) ? new DiskFullError(neededBytes, { cause: error }) : error;
}

/** Runs `work`; a full disk rejects with DiskFullError(neededBytes). */
export async function needingSpace<T>(neededBytes: number, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asDiskFull(error, neededBytes);
  }
}

/** Runs a synchronous write (a database row) of about `bytes`; a full disk throws DiskFullError. */
export function storing<T>(bytes: number, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw asDiskFull(error, Math.max(bytes, DATABASE_PAGE_BYTES));
  }
}
