/**
 * review.queue: the diagnoses awaiting an expert's verdict, a page at a time (the store's
 * awaitingReview), with the page's end as an opaque cursor.
 */
import type { PageRequest, ReviewQueuePage } from '../../shared/api/contract.ts';
import { ApiError } from '../../shared/api/errors.ts';
import { CursorError, decodeQueueCursor, encodeQueueCursor } from '../../shared/api/pageCursor.ts';
import type { LibraryContext } from '../workflows/context.ts';

/** Only these machines' diagnoses (a hub user's plants), or null for every machine. */
export type MachineFilter = readonly string[] | null;

function cursorKey(cursor: string | null) {
  if (cursor === null) return null;
  try {
    return decodeQueueCursor(cursor);
  } catch (error) {
    if (!(error instanceof CursorError)) throw error;
    throw new ApiError(
      'invalid-argument',
      `review.queue: argument 1 (request.cursor) ${error.message}.`,
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
    after: cursorKey(request.cursor),
    machineIds,
  });
  return {
    items: rows.items,
    nextCursor: rows.next === null ? null : encodeQueueCursor(rows.next),
  };
}
