/**
 * `GET /hub/sync/changes?since=&limit=`: rows of the pulled tables written after a cursor, in
 * write order (sync_seq, migration 8). One SQL statement reads all four tables, so the page
 * comes from one snapshot: with separate statements a row committed between two of them could
 * fall behind a cursor moved past it. A device sees the rows of its plant's machines (its user
 * must still work there); a device without a plant, those of its user's plants (every plant for
 * an admin).
 */
import { MAX_SYNC_ROWS, PULLED_TABLES } from '../../../shared/sync/protocol.ts';
import type { ChangesResponse, SyncTable } from '../../../shared/sync/protocol.ts';
import type { Sql } from '../../store/postgres/sql.ts';
import { encodeSyncRow } from '../../sync/rowCodec.ts';
import { seesPlant } from '../scope.ts';
import type { HubSession } from '../sessions.ts';
import type { Checked } from './uploadRequest.ts';

export interface ChangesQuery {
  /** sync_seq as decimal text (bigint). */
  readonly since: string;
  readonly limit: number;
}

/** The since and limit of a changes request, or why they are not usable. */
export function changesQuery(params: URLSearchParams): Checked<ChangesQuery> {
  const since = params.get('since') ?? '0';
  const limitText = params.get('limit') ?? String(MAX_SYNC_ROWS);
  if (!/^\d{1,18}$/.test(since)) {
    return { ok: false, status: 400, problem: 'since must be a cursor the hub gave.' };
  }
  const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : 0;
  if (limit < 1 || limit > MAX_SYNC_ROWS) {
    return { ok: false, status: 400, problem: `limit must be 1 to ${MAX_SYNC_ROWS}.` };
  }
  return { ok: true, value: { since: String(BigInt(since)), limit } };
}

/** The join from a pulled table's rows (alias t) to their machine (alias m). */
function machineOf(table: SyncTable): string {
  return table === 'fault_log_events'
    ? 'JOIN fault_log f ON f.id = t.entry_id JOIN machines m ON m.id = f.machine_id'
    : 'JOIN machines m ON m.id = t.machine_id';
}

/** The plants a session pulls from; null means every plant. */
function pulledPlants(session: HubSession): readonly string[] | null {
  if (session.plantId !== null)
    return seesPlant(session.user, session.plantId) ? [session.plantId] : [];
  return session.user.role === 'admin' ? null : session.user.plantIds;
}

export async function changesSince(
  sql: Sql,
  session: HubSession,
  query: ChangesQuery,
): Promise<ChangesResponse> {
  const branches = PULLED_TABLES.map(
    (table) => `SELECT '${table}' AS table_name, t.sync_seq, to_jsonb(t) AS row
      FROM ${table} t ${machineOf(table)}
      WHERE t.sync_seq > $1 AND ($2::text[] IS NULL OR m.plant_id = ANY($2))`,
  );
  const { rows } = await sql.query<{ table_name: SyncTable; sync_seq: string; row: object }>(
    `${branches.join(' UNION ALL ')} ORDER BY sync_seq LIMIT $3`,
    [query.since, pulledPlants(session), query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  return {
    rows: page.map((row) => encodeSyncRow(row.table_name, row.row as Record<string, unknown>)),
    cursor: page.length > 0 ? String(page[page.length - 1].sync_seq) : query.since,
    more: rows.length > query.limit,
  };
}
