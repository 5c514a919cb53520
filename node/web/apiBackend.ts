/**
 * The API on an open library, as both hosts use it: node/library's openLibrary, node/api's
 * service, and dispatch (which validates every argument and throws ApiError).
 */
import type { ApiMethod } from '../../shared/api/methods.ts';
import { dispatch } from '../api/dispatch.ts';
import { createAuscultService } from '../api/service.ts';
import type { AuscultServiceOptions } from '../api/service.ts';
import { isValidId } from '../store/ids.ts';
import { openLibrary } from '../library/library.ts';
import { hubLinkApi } from '../sync/hubLinkApi.ts';
import { readLink } from '../sync/linkState.ts';
import type { HubLinkRow } from '../sync/linkState.ts';
import { createSyncEngine } from '../sync/syncEngine.ts';
import { withDatabase } from '../sync/syncPass.ts';
import type { SyncEngineOptions } from '../sync/syncEngine.ts';
import type { Library, OpenLibraryOptions } from '../library/library.ts';

export interface ApiBackend {
  /** Performs one call; rejects with ApiError for bad arguments, unknown ids or refused input. */
  readonly call: (method: ApiMethod, args: unknown[]) => Promise<unknown>;
  /**
   * The WAV file of a recording the library lists, for the media route (recordings.audioUrl);
   * null for any other id (a live session's partial file is never served).
   */
  readonly recordingFile: (recordingId: string) => Promise<string | null>;
  /** A bundle written for download, by its token (AuscultService.bundleDownload). */
  readonly bundleFile: (
    token: string,
  ) => { readonly path: string; readonly fileName: string } | null;
  /** The hub this library is linked to and its device token, or null (node/web/hubRelay.ts). */
  readonly hubLink: () => Promise<HubLinkRow | null>;
  /** Finalises live recordings, cancels open imports, waits for running jobs, closes the library. */
  close(): Promise<void>;
}

export interface ApiBackendOptions extends OpenLibraryOptions {
  /** See AuscultServiceOptions.mediaOrigin: '' for the web host, `app://auscult` for Electron. */
  readonly mediaOrigin?: string;
  readonly service?: Omit<AuscultServiceOptions, 'mediaOrigin' | 'hubLink'>;
  /** The sync engine's timings (docs/sync.md); it runs only while the library is linked. */
  readonly sync?: SyncEngineOptions;
}

async function listedRecordingFile(library: Library, recordingId: string): Promise<string | null> {
  if (!isValidId(recordingId)) return null;
  if (!(await library.store.recordings.exists(recordingId))) return null;
  return library.audio.localPath(recordingId);
}

/** Opens the library in `home` (default: AUSCULT_HOME, else the OS's data folder). */
export async function openApiBackend(
  home?: string,
  options: ApiBackendOptions = {},
): Promise<ApiBackend> {
  const library = await openLibrary(home, options);
  const engine = createSyncEngine(library, options.sync);
  const service = createAuscultService(library, {
    ...options.service,
    mediaOrigin: options.mediaOrigin,
    hubLink: hubLinkApi(library, engine),
  });
  engine.start();
  return {
    // A call may have written rows: the engine looks at the outbox a moment later, off the call.
    call: (method, args) => dispatch(service, method, args).finally(() => engine.nudge()),
    recordingFile: (recordingId) => listedRecordingFile(library, recordingId),
    bundleFile: (token) => service.bundleDownload(token),
    hubLink: () => withDatabase(library, () => readLink(library.store.db)),
    close: async () => {
      try {
        await engine.close();
        await service.close();
      } finally {
        await library.close();
      }
    },
  };
}
