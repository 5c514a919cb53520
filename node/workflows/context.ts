/**
 * What every workflow works on: the library's stores and the local folders files pass through.
 * The laptop's library (node/library/library.ts) is one; a server makes its own.
 */
import { NotFoundError } from '../store/errors.ts';
import type { AudioStore, LibraryStore } from '../store/types.ts';

export interface LibraryContext {
  readonly store: LibraryStore;
  readonly audio: AudioStore;
  /** A local folder for files on their way in (imports, generated recordings). */
  readonly stagingFolder: string;
  /**
   * The local folder live recordings are written to as they arrive (`<id>.partial` and its
   * sidecar), and where recovery looks for them after a crash.
   */
  readonly captureFolder: string;
  /** The clock of every created_at (injectable for tests). */
  readonly now: () => Date;
  /** The id generator (injectable for tests); ids match ID_PATTERN. */
  readonly newId: () => string;
}

/** Rejects with NotFoundError unless the library holds the machine. */
export async function requireMachine(library: LibraryContext, machineId: string): Promise<void> {
  if (!(await library.store.machines.exists(machineId))) {
    throw new NotFoundError('machine', machineId);
  }
}
