/**
 * The bundles domain of the API (shared/api/contract.ts): a `.auscult` file uploaded in chunks
 * to the staging folder and opened there (a review bundle becomes a read-only review, a reply's
 * verdicts are recorded), and bundles written to the staging folder for the page to download
 * from `/media/bundles/<token>.auscult` (streamed by the host, never loaded whole). A refusal
 * becomes one sentence in English and in Chinese; the upload's file is removed either way.
 */
import { open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuscultApi, BundleOpenResult } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { MAX_CHUNK_BYTES } from '../../shared/api/limits.ts';
import { BundleError, bundleRefusalSentence } from '../../shared/bundle/refusals.ts';
import { isReply } from '../../shared/bundle/reply.ts';
import { openReviewBundle } from '../bundle/openReview.ts';
import { packBundle } from '../bundle/pack.ts';
import { openBundle } from '../bundle/reader.ts';
import { applyReply, packReply } from '../bundle/reply.ts';
import { writeAll } from '../bundle/writer.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { stagingFileName } from '../files/staging.ts';
import { NotFoundError } from '../store/errors.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { recordingDisplayName } from '../workflows/wavCheck.ts';
import { MAX_IMPORT_BYTES } from '../workflows/importRecording.ts';

export const MEDIA_BUNDLES_PATH = '/media/bundles/';
/** Uploads open at once (each holds a file handle). */
const MAX_OPEN_UPLOADS = 4;
/** How long a written bundle stays to be downloaded. */
const DOWNLOAD_LIFETIME_MS = 10 * 60_000;

interface Upload {
  readonly fileName: string;
  readonly path: string;
  readonly sizeBytes: number;
  readonly handle: FileHandle;
  received: number;
}

interface Download {
  readonly path: string;
  readonly fileName: string;
}

/** A refusal as the page words it: one sentence in each language. */
function refused(error: BundleError): ApiError {
  return new ApiError('invalid-input', error.message, {
    reason: 'bundle-refused',
    params: {
      sentence: bundleRefusalSentence(error.code, error.params, 'en'),
      sentenceEn: bundleRefusalSentence(error.code, error.params, 'en'),
      sentenceZh: bundleRefusalSentence(error.code, error.params, 'zh-CN'),
    },
  });
}

/** `Lathe 1` → `Lathe-1`: a file name's part from a machine's name (letters of any script). */
function namePart(text: string): string {
  const part = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return part.slice(0, 60) || 'machine';
}

export interface BundlesApi {
  readonly api: AuscultApi['bundles'];
  /** The file of a download token (from a `/media/bundles/` path), or null. */
  download(token: string): Download | null;
  close(): Promise<void>;
}

export function createBundlesApi(library: LibraryContext, mediaOrigin: string): BundlesApi {
  const uploads = new Map<string, Upload>();
  const downloads = new Map<string, Download & { timer: ReturnType<typeof setTimeout> }>();
  const dropUpload = async (uploadId: string) => {
    const upload = uploads.get(uploadId);
    uploads.delete(uploadId);
    if (!upload) return;
    await upload.handle.close().catch(() => undefined);
    await rm(upload.path, { force: true });
  };
  const find = (uploadId: string) => {
    const upload = uploads.get(uploadId);
    if (!upload) throw new NotFoundError('import', uploadId, `there is no upload "${uploadId}"`);
    return upload;
  };
  const offer = (path: string, fileName: string, sizeBytes: number, token: string) => {
    const timer = setTimeout(() => {
      downloads.delete(token);
      void rm(path, { force: true });
    }, DOWNLOAD_LIFETIME_MS);
    timer.unref();
    downloads.set(token, { path, fileName, timer });
    return { url: `${mediaOrigin}${MEDIA_BUNDLES_PATH}${token}.auscult`, fileName, sizeBytes };
  };
  const opened = async (upload: Upload): Promise<BundleOpenResult> => {
    const bundle = await openBundle(upload.path);
    if (isReply(bundle.manifest)) {
      const applied = await applyReply(library.store, bundle);
      return {
        kind: 'reply',
        senderName: applied.senderName,
        diagnosisIds: applied.written.map((verdict) => verdict.diagnosisId),
        alreadyHeld: applied.alreadyHeld,
      };
    }
    const { review, created } = await openReviewBundle(library, bundle, upload.fileName);
    return { kind: 'review', review, created };
  };
  const api: AuscultApi['bundles'] = {
    async beginOpen(fileName, sizeBytes) {
      if (uploads.size >= MAX_OPEN_UPLOADS) {
        throw new InputError('too many bundles are being opened at once', 'too-many-imports', {
          limit: MAX_OPEN_UPLOADS,
        });
      }
      const name = recordingDisplayName(fileName);
      if (sizeBytes > MAX_IMPORT_BYTES) {
        throw new InputError(`"${name}" is too large`, 'too-large', {
          name,
          sizeBytes,
          maxBytes: MAX_IMPORT_BYTES,
        });
      }
      const id = library.newId();
      const path = join(library.stagingFolder, stagingFileName(id));
      const handle = await open(path, 'wx', 0o600);
      uploads.set(id, { fileName: name, path, sizeBytes, handle, received: 0 });
      return id;
    },
    async appendOpen(uploadId, chunk) {
      const upload = find(uploadId);
      if (
        chunk.byteLength > MAX_CHUNK_BYTES ||
        upload.received + chunk.byteLength > upload.sizeBytes
      ) {
        await dropUpload(uploadId);
        throw new InputError(`"${upload.fileName}" is larger than announced`, 'incomplete-import', {
          name: upload.fileName,
        });
      }
      await writeAll(upload.handle, new Uint8Array(chunk));
      upload.received += chunk.byteLength;
      return upload.received;
    },
    async finishOpen(uploadId) {
      const upload = find(uploadId);
      try {
        if (upload.received !== upload.sizeBytes) {
          throw new InputError(`"${upload.fileName}" arrived incomplete`, 'incomplete-import', {
            name: upload.fileName,
          });
        }
        await upload.handle.sync();
        return await opened(upload);
      } catch (error) {
        throw error instanceof BundleError ? refused(error) : error;
      } finally {
        await dropUpload(uploadId);
      }
    },
    cancelOpen: (uploadId) => dropUpload(uploadId),
    reviews: () => library.store.reviews.list(),
    async adopt(machineId) {
      await library.store.reviews.adopt(machineId);
      return library.store.machines.get(machineId);
    },
    async pack(recordingIds, senderName) {
      const first = await library.store.recordings.get(recordingIds[0]);
      const machine = await library.store.machines.get(first.machineId);
      const now = library.now();
      const fileName = `${namePart(machine.name)}-${now.toISOString().slice(0, 10)}.auscult`;
      const token = library.newId();
      const outPath = join(library.stagingFolder, stagingFileName(token));
      const source = { store: library.store, audio: library.audio, now: () => now };
      const { sizeBytes } = await packBundle(source, { recordingIds, senderName, outPath });
      return offer(outPath, fileName, sizeBytes, token);
    },
    async reply(diagnosisIds, senderName) {
      const now = library.now();
      const token = library.newId();
      const outPath = join(library.stagingFolder, stagingFileName(token));
      const request = { diagnosisIds, senderName, outPath, now };
      const { sizeBytes } = await packReply(library.store, request);
      return offer(outPath, `reply-${now.toISOString().slice(0, 10)}.auscult`, sizeBytes, token);
    },
  };
  return {
    api,
    download: (token) => {
      const found = downloads.get(token);
      return found ? { path: found.path, fileName: found.fileName } : null;
    },
    async close() {
      for (const id of [...uploads.keys()]) await dropUpload(id);
      for (const [token, download] of downloads) {
        clearTimeout(download.timer);
        downloads.delete(token);
        await rm(download.path, { force: true });
      }
    },
  };
}
