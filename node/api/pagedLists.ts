/**
 * The paged lists: review.queue (the diagnoses awaiting an expert's verdict, the store's
 * awaitingReview) and faultLog.page (the store's page), each page's end as an opaque cursor.
 */
import type {
  FaultLogPage,
  FaultLogPageRequest,
  PageRequest,
  ReviewQueuePage,
} from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import {
  CursorError,
  decodeFaultLogCursor,
  decodeQueueCursor,
  encodeFaultLogCursor,
  encodeQueueCursor,
} from '../../shared/api/pageCursor.ts';
import type { LibraryContext } from '../workflows/context.ts';

/** Only these machines' diagnoses (a hub user's plants), or null for every machine. */
export type MachineFilter = readonly string[] | null;

/** The key `cursor` names (null for none); an unreadable one is the caller's mistake. */
function cursorKey<K>(method: string, cursor: string | null, decode: (cursor: string) => K) {
  if (cursor === null) return null;
  try {
    return decode(cursor);
  } catch (error) {
    if (!(error instanceof CursorError)) throw error;
    throw new ApiError(
      'invalid-argument',
      `${method}: argument 1 (request.cursor) ${error.message}.`,
    );
  }
}

export async function reviewQueue(
  library: LibraryContext,
  request: PageRequest,
  machineIds: MachineFilter,
): Promise<ReviewQueuePage> {
  const rows = await library.store.diagnoses.awaitingReview({
    limit: request.limit,
    after: cursorKey('review.queue', request.cursor, decodeQueueCursor),
    machineIds,
  });
  return {
    items: rows.items,
    nextCursor: rows.next === null ? null : encodeQueueCursor(rows.next),
  };
}

export async function faultLogPage(
  library: LibraryContext,
  request: FaultLogPageRequest,
  machineIds: MachineFilter,
): Promise<FaultLogPage> {
  const rows = await library.store.faultLog.page({
    limit: request.limit,
    after: cursorKey('faultLog.page', request.cursor, decodeFaultLogCursor),
    filters: request.filters,
    machineIds,
  });
  // Counted with the first page only: the later ones ask for the same filters.
  const total =
    request.cursor === null
      ? await library.store.faultLog.count({ filters: request.filters, machineIds })
      : null;
  return {
    entries: rows.entries,
    nextCursor: rows.next === null ? null : encodeFaultLogCursor(rows.next),
    total,
  };
}
