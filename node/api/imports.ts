/**
 * The chunked imports in progress (recordings.beginImport … finishImport), by import id. An
 * import left untouched for STALE_STAGING_MS (a closed page) is cancelled, so its temporary file
 * and open file handle do not linger.
 */
import type { BrowserDecodedUpload, RecordingSummary } from '../../shared/api/contract.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { needingSpace } from '../files/diskFull.ts';
import { NotFoundError } from '../store/errors.ts';
import { beginImport } from '../workflows/importRecording.ts';
import type { ImportSession } from '../workflows/importRecording.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { STALE_STAGING_MS } from '../files/staging.ts';

/** Imports open at once (each holds a file handle). */
export const MAX_OPEN_IMPORTS = 16;

export interface ImportRegistry {
  begin(
    machineId: string,
    fileName: string,
    sizeBytes: number,
    browserDecoded?: BrowserDecodedUpload,
  ): Promise<string>;
  append(importId: string, chunk: ArrayBuffer): Promise<number>;
  finish(importId: string): Promise<RecordingSummary>;
  /** Cancels the import; an unknown id (finished, failed, cancelled) is not an error. */
  cancel(importId: string): Promise<void>;
  /** Cancels every open import and stops the idle sweep. */
  close(): Promise<void>;
}

export function createImportRegistry(library: LibraryContext): ImportRegistry {
  return new OpenImports(library);
}

class OpenImports implements ImportRegistry {
  readonly #library: LibraryContext;
  readonly #sessions = new Map<string, ImportSession>();
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(library: LibraryContext) {
    this.#library = library;
    this.#sweep = setInterval(() => this.#dropAbandoned(), 60_000);
    this.#sweep.unref();
  }

  async begin(
    machineId: string,
    fileName: string,
    sizeBytes: number,
    browserDecoded?: BrowserDecodedUpload,
  ): Promise<string> {
    if (this.#sessions.size >= MAX_OPEN_IMPORTS) {
      throw new InputError(
        `${MAX_OPEN_IMPORTS} imports are already in progress; finish or cancel one first`,
        'too-many-imports',
        { limit: MAX_OPEN_IMPORTS },
      );
    }
    const session = await beginImport(this.#library, machineId, fileName, sizeBytes, {
      browserDecoded,
    });
    this.#sessions.set(session.id, session);
    return session.id;
  }

  async append(importId: string, chunk: ArrayBuffer): Promise<number> {
    const session = this.#find(importId);
    // A full disk ends the import: the whole file is what must fit on a retry.
    return needingSpace(session.sizeBytes, () =>
      this.#ending(session, session.append(new Uint8Array(chunk))),
    );
  }

  async finish(importId: string): Promise<RecordingSummary> {
    const session = this.#find(importId);
    const summary = await needingSpace(session.sizeBytes, () =>
      this.#ending(session, session.finish()),
    );
    this.#sessions.delete(importId);
    return summary;
  }

  async cancel(importId: string): Promise<void> {
    const session = this.#sessions.get(importId);
    this.#sessions.delete(importId);
    await session?.cancel();
  }

  async close(): Promise<void> {
    clearInterval(this.#sweep);
    const open = [...this.#sessions.values()];
    this.#sessions.clear();
    await Promise.all(open.map((session) => session.cancel()));
  }

  #find(importId: string): ImportSession {
    const session = this.#sessions.get(importId);
    if (!session) {
      throw new NotFoundError('import', importId, `there is no import "${importId}" in progress`);
    }
    return session;
  }

  /** Any failure ends the import and removes its temporary file. */
  async #ending<T>(session: ImportSession, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      this.#sessions.delete(session.id);
      await session.cancel();
      throw error;
    }
  }

  #dropAbandoned(): void {
    const now = Date.now();
    for (const [id, session] of this.#sessions) {
      if (now - session.lastActivityMs > STALE_STAGING_MS) {
        this.#sessions.delete(id);
        void session.cancel();
      }
    }
  }
}
