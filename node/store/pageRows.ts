/**
 * Keyset pages as both stores read them (the review queue, the fault log): one place for what is
 * not SQL, so that the laptop's and the hub's pages cannot drift apart (see reviewRows.ts).
 */
import type { ReviewQueueItem, VerdictSummary } from '../../shared/api/contract.ts';
import type { ReviewQueueKey } from '../../shared/api/pageCursor.ts';

type Row = Readonly<Record<string, unknown>>;

/**
 * The page in `rows`, read with LIMIT `limit` + 1: the extra row only says that more follow, and
 * then the page's last row is the key the next page starts after.
 */
export function keysetPage<R, T, K>(
  rows: readonly R[],
  limit: number,
  toItem: (row: R) => T,
  toKey: (row: R) => K,
): { items: T[]; next: K | null } {
  return {
    items: rows.slice(0, limit).map(toItem),
    next: rows.length > limit ? toKey(rows[limit - 1]) : null,
  };
}

/** A queue item from a row of either store's query; `time` reads a time column as ISO 8601. */
export function queueItemFromRow(
  row: Row,
  time: (value: unknown) => string,
  verdict: VerdictSummary,
): ReviewQueueItem {
  return {
    diagnosisId: String(row.v_id),
    recordingId: String(row.v_recording_id),
    recordingName: String(row.recording_name),
    machineId: String(row.machine_id),
    machineName: String(row.machine_name),
    plantName: row.plant_name == null ? null : String(row.plant_name),
    createdAt: time(row.v_created_at),
    verdict,
  };
}

/** Where a queue page that ends at `row` ends. */
export function queueKeyFromRow(row: Row, time: (value: unknown) => string): ReviewQueueKey {
  return {
    priority: Number(row.priority) === 0 ? 0 : 1,
    createdAt: time(row.v_created_at),
    diagnosisId: String(row.v_id),
  };
}
