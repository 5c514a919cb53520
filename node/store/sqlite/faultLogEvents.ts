/**
 * The fault log's history in SQLite: one row per change of an entry, written in the same
 * transaction as the change and never updated afterwards.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { FaultLogEvent } from '../../../shared/api/contract.ts';
import type { FaultEventKind, FaultStatus } from '../../../shared/faultLog/workflow.ts';
import { text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, NewFaultLogEvent } from '../types.ts';

function toEvent(row: Row): FaultLogEvent {
  return {
    id: text(row, 'id'),
    entryId: text(row, 'entry_id'),
    at: text(row, 'created_at'),
    by: text(row, 'who'),
    kind: text(row, 'kind') as FaultEventKind,
    fromStatus: textOrNull(row, 'from_status') as FaultStatus | null,
    toStatus: text(row, 'to_status') as FaultStatus,
    reason: text(row, 'reason'),
    followUpRecordingId: textOrNull(row, 'follow_up_recording_id'),
  };
}

/** Writes one event at `at` (the change's own time, so the row and its event agree). */
export function insertFaultLogEvent(
  db: DatabaseSync,
  clock: Clock,
  event: NewFaultLogEvent,
  at: string,
): FaultLogEvent {
  const id = clock.newId();
  db.prepare(
    `INSERT INTO fault_log_events (id, entry_id, kind, who, from_status, to_status, reason,
       follow_up_recording_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    event.entryId,
    event.kind,
    event.by,
    event.fromStatus,
    event.toStatus,
    event.reason,
    event.followUpRecordingId,
    at,
    at,
  );
  return { id, at, ...event };
}

/** An entry's events, oldest first; rows of the same millisecond in the order written. */
export function faultLogHistory(db: DatabaseSync, entryId: string): FaultLogEvent[] {
  return db
    .prepare('SELECT * FROM fault_log_events WHERE entry_id = ? ORDER BY created_at, rowid')
    .all(entryId)
    .map(toEvent);
}
