/**
 * The fault log's history in PostgreSQL: one row per change of an entry, written in the same
 * transaction as the change and never updated afterwards.
 */
import type { FaultLogEvent } from '../../../shared/api/contract.ts';
import type { FaultEventKind, FaultStatus } from '../../../shared/faultLog/workflow.ts';
import type { Clock, NewFaultLogEvent } from '../types.ts';
import { iso } from './sql.ts';
import type { Row, Sql } from './sql.ts';

function toEvent(row: Row): FaultLogEvent {
  return {
    id: String(row.id),
    entryId: String(row.entry_id),
    at: iso(row.created_at),
    by: String(row.who),
    kind: row.kind as FaultEventKind,
    fromStatus: (row.from_status ?? null) as FaultStatus | null,
    toStatus: row.to_status as FaultStatus,
    reason: String(row.reason),
    followUpRecordingId: (row.follow_up_recording_id ?? null) as string | null,
  };
}

/** Writes one event at `at` (the change's own time, so the row and its event agree). */
export async function insertFaultLogEvent(
  sql: Sql,
  clock: Clock,
  event: NewFaultLogEvent,
  at: string,
): Promise<void> {
  await sql.query(
    `INSERT INTO fault_log_events (id, entry_id, kind, who, from_status, to_status, reason,
       follow_up_recording_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
    [
      clock.newId(),
      event.entryId,
      event.kind,
      event.by,
      event.fromStatus,
      event.toStatus,
      event.reason,
      event.followUpRecordingId,
      at,
    ],
  );
}

/** An entry's events, oldest first; events of the same millisecond in the order written. */
export async function faultLogHistory(sql: Sql, entryId: string): Promise<FaultLogEvent[]> {
  const { rows } = await sql.query(
    'SELECT * FROM fault_log_events WHERE entry_id = $1 ORDER BY created_at, seq',
    [entryId],
  );
  return rows.map(toEvent);
}
