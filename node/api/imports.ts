/**
 * The chunked imports in progress (recordings.beginImport … finishImport), by import id. An
 * import left untouched for STALE_IMPORT_MS (a closed page) is cancelled, so its temporary file
 * and open file handle do not linger.
 */
import type { RecordingSummary } from '../../shared/api/contract.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { NotFoundError } from '../library/errors.ts';
import { beginImport } from '../library/importRecording.ts';
import type { ImportSession } from '../library/importRecording.ts';
import type { Library } from '../library/library.ts';
import { STALE_IMPORT_MS } from '../library/library.ts';

/** Imports open at once (each holds a file handle). */
export const MAX_OPEN_IMPORTS = 16;

export interface ImportRegistry {
  begin(machineId: string, fileName: string, sizeBytes: number): Promise<string>;
  append(importId: string, chunk: ArrayBuffer): Promise<number>;
  finish(importId: string): Promise<RecordingSummary>;
  /** Cancels the import; an unknown id (finished, failed, cancelled) is not an error. */
  cancel(importId: string): Promise<void>;
  /** Cancels every open import and stops the idle sweep. */
  close(): Promise<void>;
}

export function createImportRegistry(library: Library): ImportRegistry {
  const sessions = new Map<string, ImportSession>();

  const find = (importId: string): ImportSession => {
    const session = sessions.get(importId);
    if (!session)
      throw new NotFoundError('import', importId, `there is no import "${importId}" in progress`);
    return session;
  };
  /** Any failure ends the import (the session has already cleaned up after itself). */
  const ending = async <T>(importId: string, work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      sessions.delete(importId);
      throw error;
    }
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, session] of sessions) {
      if (now - session.lastActivityMs > STALE_IMPORT_MS) {
        sessions.delete(id);
        void session.cancel();
      }
    }
  }, 60_000);
  sweep.unref();

  return {
    async begin(machineId, fileName, sizeBytes) {
      if (sessions.size >= MAX_OPEN_IMPORTS) {
        throw new InputError(
          `${MAX_OPEN_IMPORTS} imports are already in progress; finish or cancel one first`,
        );
      }
      const session = await beginImport(library, machineId, fileName, sizeBytes);
      sessions.set(session.id, session);
      return session.id;
    },
    append(importId, chunk) {
      const session = find(importId);
      return ending(importId, session.append(new Uint8Array(chunk)));
    },
    async finish(importId) {
      const session = find(importId);
      const summary = await ending(importId, session.finish());
      sessions.delete(importId);
      return summary;
    },
    async cancel(importId) {
      const session = sessions.get(importId);
      sessions.delete(importId);
      await session?.cancel();
    },
    async close() {
      clearInterval(sweep);
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.all(open.map((session) => session.cancel()));
    },
  };
}
