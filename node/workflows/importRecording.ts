/**
 * Importing a recording (WAV, or a phone format: phoneRecording.ts) into the library,
 * atomically: the bytes go to a staging file (stagingFileName), which is fsynced and handed to
 * placeAnyRecording (decoded when compressed, checked with the WAV reader, moved into the audio
 * store, then listed). A half-copied or malformed file is never
 * listed, and a refused one leaves nothing behind. The original is only ever read.
 */
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  BrowserDecodedUpload,
  RecordingOrigin,
  RecordingSummary,
} from '../../shared/api/contract.ts';
import { MAX_CHUNK_BYTES } from '../../shared/api/limits.ts';
import type { ByteSink } from '../../shared/audio/byteSink.ts';
import { fileHandleByteSink } from '../audio/fileByteSink.ts';
import { fsInputError, InputError } from '../diagnosis/inputError.ts';
import { requireMachine } from './context.ts';
import type { LibraryContext } from './context.ts';
import { checkBrowserDecodedSplit, placeBrowserDecoded } from './browserDecoded.ts';
import { placeAnyRecording } from './phoneRecording.ts';
import { stagingFileName } from '../files/staging.ts';
import { recordingDisplayName } from './wavCheck.ts';

/** Largest file accepted: 8 GiB (an RF64 file may exceed 4 GiB; a day at 48 kHz is 8 GiB). */
export const MAX_IMPORT_BYTES = 8 * 1024 ** 3;
/** Largest chunk of one appendImport call. */

export interface ImportSession {
  readonly id: string;
  readonly machineId: string;
  /** The name the recording will be listed under. */
  readonly name: string;
  readonly sizeBytes: number;
  readonly receivedBytes: number;
  /** `Date.now()` of the last call, for dropping abandoned imports. */
  readonly lastActivityMs: number;
  /** Appends the next bytes; resolves to the bytes received so far. */
  append(chunk: Uint8Array): Promise<number>;
  /** Checks and adds the recording; any failure leaves nothing behind. */
  finish(): Promise<RecordingSummary>;
  /** Drops the import and its temporary file; harmless when already finished or dropped. */
  cancel(): Promise<void>;
}

export interface ImportOptions {
  /** Default 'imported'. */
  readonly origin?: RecordingOrigin;
  /** The upload is the page's WAV decoding followed by the original AAC file (browserDecoded.ts). */
  readonly browserDecoded?: BrowserDecodedUpload;
}

/**
 * Starts importing a WAV file of `sizeBytes` bytes for the machine, to be listed as
 * `fileName` (see recordingDisplayName). Rejects with NotFoundError for an unknown machine,
 * InputError for a size above MAX_IMPORT_BYTES, RangeError for a size that is not a
 * non-negative integer.
 */
export async function beginImport(
  library: LibraryContext,
  machineId: string,
  fileName: string,
  sizeBytes: number,
  options: ImportOptions = {},
): Promise<ImportSession> {
  if (!Number.isSafeInteger(sizeBytes) || sizeBytes < 0) {
    throw new RangeError('sizeBytes must be a non-negative integer');
  }
  const name = recordingDisplayName(fileName);
  if (sizeBytes > MAX_IMPORT_BYTES) {
    throw new InputError(
      `"${name}" is too large to import: ${sizeBytes} bytes, at most ${MAX_IMPORT_BYTES}`,
      'too-large',
      { name, sizeBytes, maxBytes: MAX_IMPORT_BYTES },
    );
  }
  if (options.browserDecoded) checkBrowserDecodedSplit(name, sizeBytes, options.browserDecoded);
  await requireMachine(library, machineId);
  const id = library.newId();
  const partPath = join(library.stagingFolder, stagingFileName(id));
  const sink = fileHandleByteSink(await open(partPath, 'wx'));
  const wavBytes = options.browserDecoded?.wavBytes ?? null;
  const file: SessionFile = { id, machineId, name, sizeBytes, partPath, sink, wavBytes };
  return new ChunkedImport(library, file, options.origin ?? 'imported');
}

interface SessionFile {
  readonly id: string;
  readonly machineId: string;
  readonly name: string;
  readonly sizeBytes: number;
  readonly partPath: string;
  readonly sink: ByteSink;
  /** Bytes of the page's WAV before the original file; null for an ordinary upload. */
  readonly wavBytes: number | null;
}

class ChunkedImport implements ImportSession {
  readonly id: string;
  readonly machineId: string;
  readonly name: string;
  readonly sizeBytes: number;
  receivedBytes = 0;
  lastActivityMs = Date.now();
  readonly #library: LibraryContext;
  readonly #file: SessionFile;
  readonly #origin: RecordingOrigin;
  #open = true;
  // One operation at a time, in call order: appends must land at consecutive offsets.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(library: LibraryContext, file: SessionFile, origin: RecordingOrigin) {
    this.id = file.id;
    this.machineId = file.machineId;
    this.name = file.name;
    this.sizeBytes = file.sizeBytes;
    this.#library = library;
    this.#file = file;
    this.#origin = origin;
  }

  append(chunk: Uint8Array): Promise<number> {
    return this.#serial(async () => {
      this.#assertOpen();
      if (chunk.length > MAX_CHUNK_BYTES) {
        throw new RangeError(`chunk must be at most ${MAX_CHUNK_BYTES} bytes`);
      }
      if (this.receivedBytes + chunk.length > this.sizeBytes) {
        await this.#drop();
        throw new InputError(
          `"${this.name}" is larger than the ${this.sizeBytes} bytes announced; nothing was imported`,
          'incomplete-import',
          { name: this.name },
        );
      }
      try {
        await this.#file.sink.write(this.receivedBytes, chunk);
      } catch (error) {
        await this.#drop();
        throw error;
      }
      this.receivedBytes += chunk.length;
      return this.receivedBytes;
    });
  }

  finish(): Promise<RecordingSummary> {
    return this.#serial(async () => {
      this.#assertOpen();
      try {
        if (this.receivedBytes !== this.sizeBytes) {
          throw new InputError(
            `"${this.name}" arrived incomplete (${this.receivedBytes} of ${this.sizeBytes} bytes); nothing was imported`,
            'incomplete-import',
            { name: this.name },
          );
        }
        return await commitImport(this.#library, this.#file, this.#origin);
      } finally {
        await this.#drop();
      }
    });
  }

  cancel(): Promise<void> {
    return this.#serial(() => this.#drop());
  }

  #serial<T>(operation: () => Promise<T>): Promise<T> {
    this.lastActivityMs = Date.now();
    const next = this.#queue.then(operation);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #assertOpen(): void {
    if (!this.#open) throw new InputError(`the import of "${this.name}" is over`);
  }

  /** Closes and deletes the temporary file (already renamed away after a commit). */
  async #drop(): Promise<void> {
    if (!this.#open) return;
    this.#open = false;
    await this.#file.sink.close().catch(() => undefined);
    await rm(this.#file.partPath, { force: true });
  }
}

/** fsync, then place (check, move into the audio store, list); undoes the file on any failure. */
async function commitImport(
  library: LibraryContext,
  file: SessionFile,
  origin: RecordingOrigin,
): Promise<RecordingSummary> {
  await file.sink.sync();
  await file.sink.close();
  const request = { machineId: file.machineId, name: file.name, origin, path: file.partPath };
  if (file.wavBytes !== null) return placeBrowserDecoded(library, request, file.wavBytes);
  return placeAnyRecording(library, request);
}

/**
 * Imports a WAV file given as a stream of chunks of `sizeBytes` bytes in all (see beginImport);
 * chunks larger than MAX_CHUNK_BYTES are split. The import is cancelled if the stream fails.
 */
export async function importRecording(
  library: LibraryContext,
  machineId: string,
  fileName: string,
  chunks: AsyncIterable<Uint8Array>,
  sizeBytes: number,
  options: ImportOptions = {},
): Promise<RecordingSummary> {
  const session = await beginImport(library, machineId, fileName, sizeBytes, options);
  try {
    for await (const chunk of chunks) {
      for (let offset = 0; offset < chunk.length; offset += MAX_CHUNK_BYTES) {
        await session.append(chunk.subarray(offset, offset + MAX_CHUNK_BYTES));
      }
    }
  } catch (error) {
    await session.cancel();
    throw error;
  }
  return session.finish();
}

/**
 * Imports the WAV file at `path` (opened read-only: the original is never modified), listed
 * under `options.name` (default: the file's name). Rejects with InputError for a missing,
 * unreadable or malformed file, NotFoundError for an unknown machine.
 */
export async function importRecordingFile(
  library: LibraryContext,
  machineId: string,
  path: string,
  options: ImportOptions & { readonly name?: string } = {},
): Promise<RecordingSummary> {
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputError(`cannot read recording "${path}": it is not a file`);
    sizeBytes = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fsInputError(error, 'recording', path);
  }
  const stream = createReadStream(path, { flags: 'r', highWaterMark: 1024 * 1024 });
  try {
    return await importRecording(
      library,
      machineId,
      options.name ?? path,
      stream,
      sizeBytes,
      options,
    );
  } catch (error) {
    // Reading the original failed (an errno code such as EIO); other errors pass unchanged.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw fsInputError(error, 'recording', path);
    }
    throw error;
  } finally {
    stream.destroy();
  }
}
