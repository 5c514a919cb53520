/**
 * The API on an open library, as both hosts use it: node/library's openLibrary, node/api's
 * service, and dispatch (which validates every argument and throws ApiError).
 */
import type { ApiMethod } from '../../shared/api/contract.ts';
import { dispatch } from '../api/dispatch.ts';
import { createAuscultService } from '../api/service.ts';
import { openLibrary } from '../library/library.ts';
import type { OpenLibraryOptions } from '../library/library.ts';

export interface ApiBackend {
  /** Performs one call; rejects with ApiError for bad arguments, unknown ids or refused input. */
  readonly call: (method: ApiMethod, args: unknown[]) => Promise<unknown>;
  /** Cancels open imports, waits for running jobs and closes the library. */
  close(): Promise<void>;
}

/** Opens the library in `home` (default: AUSCULT_HOME, else the OS's data folder). */
export async function openApiBackend(
  home?: string,
  options: OpenLibraryOptions = {},
): Promise<ApiBackend> {
  const library = await openLibrary(home, options);
  const service = createAuscultService(library);
  return {
    call: (method, args) => dispatch(service, method, args),
    close: async () => {
      try {
        await service.close();
      } finally {
        library.close();
      }
    },
  };
}
