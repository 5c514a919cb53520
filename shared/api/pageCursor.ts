/**
 * Cursors of paged lists (keyset paging): the sort key of the last item of a page, written as
 * an opaque string the client hands back for the next page. Pure, so the host and the stores
 * share it.
 */

/** Where a page of the review queue ends: its last item's sort key. */
export interface ReviewQueueKey {
  /** 0: abnormal or unusable, listed first; 1: the others. */
  readonly priority: 0 | 1;
  /** The diagnosis' time, ISO 8601 in UTC. */
  readonly createdAt: string;
  readonly diagnosisId: string;
}

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export class CursorError extends Error {
  override readonly name = 'CursorError';
}

export function encodeQueueCursor(key: ReviewQueueKey): string {
  return JSON.stringify(['q', key.priority, key.createdAt, key.diagnosisId]);
}

/** The key a cursor names; throws CursorError when it is not one this module wrote. */
export function decodeQueueCursor(cursor: string): ReviewQueueKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    throw new CursorError('the cursor is not one a review.queue page gave');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== 'q' ||
    (parsed[1] !== 0 && parsed[1] !== 1) ||
    typeof parsed[2] !== 'string' ||
    !ISO_UTC.test(parsed[2]) ||
    typeof parsed[3] !== 'string'
  ) {
    throw new CursorError('the cursor is not one a review.queue page gave');
  }
  return { priority: parsed[1], createdAt: parsed[2], diagnosisId: parsed[3] };
}

/** Where a page of the fault log ends: its last entry's time and id (newest first). */
export interface FaultLogKey {
  readonly createdAt: string;
  readonly entryId: string;
}

export function encodeFaultLogCursor(key: FaultLogKey): string {
  return JSON.stringify(['f', key.createdAt, key.entryId]);
}

/** The key a cursor names; throws CursorError when it is not one this module wrote. */
export function decodeFaultLogCursor(cursor: string): FaultLogKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== 'f' ||
    typeof parsed[1] !== 'string' ||
    !ISO_UTC.test(parsed[1]) ||
    typeof parsed[2] !== 'string'
  ) {
    throw new CursorError('the cursor is not one a faultLog.page page gave');
  }
  return { createdAt: parsed[1], entryId: parsed[2] };
}
