/**
 * `POST /hub/sync/push`: a desktop's outbox rows, applied in SYNC_TABLES order (references
 * first), each in its own transaction (applyRow.ts). A request that is not shaped like a
 * PushRequest (unknown table or column, bad id) is refused whole with one sentence and nothing
 * written; a row the schema refuses, or that waits for its audio or a reference, is one refused
 * outcome and the others still apply. One audit-log line says who pushed what.
 */
import type pg from 'pg';
import { ID_PATTERN } from '../../../shared/api/limits.ts';
import { MAX_SYNC_ROWS, SYNC_TABLES } from '../../../shared/sync/protocol.ts';
import type { PushOutcome, PushResponse, SyncRow } from '../../../shared/sync/protocol.ts';
import type { Clock } from '../../store/types.ts';
import { syncRowShapeProblem } from '../../sync/rowCodec.ts';
import { audit } from '../people.ts';
import type { HubSession } from '../sessions.ts';
import { applyRow } from './applyRow.ts';
import type { Written } from './applyRow.ts';

/** A push's body at most: MAX_SYNC_ROWS rows of a few kB, diagnosis reports the largest. */
export const MAX_PUSH_BODY_BYTES = 16 * 1024 * 1024;

export type PushCheck =
  | { ok: true; deviceId: string; rows: readonly SyncRow[] }
  | { ok: false; status: 400 | 413; problem: string };

/** The PushRequest in a parsed body, or why it is not one. */
export function checkPushRequest(body: unknown): PushCheck {
  if (typeof body !== 'object' || body === null) {
    return { ok: false, status: 400, problem: 'The body must be a JSON PushRequest.' };
  }
  const { deviceId, rows } = body as Record<string, unknown>;
  if (typeof deviceId !== 'string' || !ID_PATTERN.test(deviceId)) {
    return { ok: false, status: 400, problem: 'deviceId must be an id.' };
  }
  if (!Array.isArray(rows)) return { ok: false, status: 400, problem: 'rows must be an array.' };
  if (rows.length > MAX_SYNC_ROWS) {
    return { ok: false, status: 413, problem: `A push may carry at most ${MAX_SYNC_ROWS} rows.` };
  }
  for (const row of rows) {
    const problem = syncRowShapeProblem(row);
    if (problem) return { ok: false, status: 400, problem };
  }
  return { ok: true, deviceId, rows: rows as SyncRow[] };
}

/** Applies the rows; outcomes come back in the request's order. */
export async function push(
  pool: pg.Pool,
  clock: Clock,
  session: HubSession,
  request: { deviceId: string; rows: readonly SyncRow[] },
): Promise<PushResponse> {
  const order = request.rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => SYNC_TABLES.indexOf(a.row.table) - SYNC_TABLES.indexOf(b.row.table));
  const outcomes: PushOutcome[] = new Array(request.rows.length);
  const counts: Record<Written | 'refused', number> = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    'kept-hub': 0,
    refused: 0,
  };
  for (const { row, index } of order) {
    const result = await applyRow(pool, session, request.deviceId, row, clock.now());
    const { table, id, version } = row;
    if ('refusal' in result) {
      counts.refused++;
      const { reason, message } = result.refusal;
      outcomes[index] = { table, id, version, result: 'refused', reason, message };
    } else {
      counts[result.written]++;
      outcomes[index] = { table, id, version, result: 'applied' };
    }
  }
  if (counts.inserted + counts.updated + counts['kept-hub'] > 0) {
    await audit(pool, clock, {
      userId: session.user.id,
      action: 'sync-pushed',
      detail: { deviceId: request.deviceId, deviceName: session.deviceName, ...counts },
    });
  }
  return { outcomes };
}
