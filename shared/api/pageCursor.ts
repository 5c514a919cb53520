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

/**
 * The `count` fields after the tag of a cursor written as `[tag, ...fields]`; throws CursorError
 * for anything else, naming the method whose pages give such cursors.
 */
function cursorFields(cursor: string, tag: string, count: number, method: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== count + 1 || parsed[0] !== tag) {
    throw new CursorError(`the cursor is not one a ${method} page gave`);
  }
  return parsed.slice(1);
}

const isIsoUtc = (value: unknown): value is string =>
  typeof value === 'string' && ISO_UTC.test(value);

/** The key a cursor names; throws CursorError when it is not one this module wrote. */
export function decodeQueueCursor(cursor: string): ReviewQueueKey {
  const [priority, createdAt, diagnosisId] = cursorFields(cursor, 'q', 3, 'review.queue');
  if (
    (priority !== 0 && priority !== 1) ||
    !isIsoUtc(createdAt) ||
    typeof diagnosisId !== 'string'
  ) {
    throw new CursorError('the cursor is not one a review.queue page gave');
  }
  return { priority, createdAt, diagnosisId };
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
  const [createdAt, entryId] = cursorFields(cursor, 'f', 2, 'faultLog.page');
  if (!isIsoUtc(createdAt) || typeof entryId !== 'string') {
    throw new CursorError('the cursor is not one a faultLog.page page gave');
  }
  return { createdAt, entryId };
}
