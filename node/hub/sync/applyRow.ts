/**
 * One pushed row, applied in its own transaction (docs/sync.md "Conflicts"): a row the hub lacks
 * is inserted; the same content is taken as it is; a different copy is settled by `laterCopy`,
 * and whichever copy loses is kept in sync_row_history, so both changes stay in the row's history.
 * Rows of one id take turns (an advisory lock on table and id), so two desktops pushing the same
 * row at once settle it one after the other.
 */
import { storedCalibrationFromJson } from '../../../shared/audio/calibration/storedCalibration.ts';
import type pg from 'pg';
import { laterCopy } from '../../../shared/sync/protocol.ts';
import type { SyncRow, SyncTable } from '../../../shared/sync/protocol.ts';
import { inTransaction } from '../../store/postgres/sql.ts';
import type { Row, Sql } from '../../store/postgres/sql.ts';
import { SYNC_COLUMNS, syncColumnNames, syncOriginalKey } from '../../sync/columns.ts';
import { decodeSyncColumns, encodeSyncRow, sqlValue } from '../../sync/rowCodec.ts';
import { rowDigest } from '../../sync/rowDigest.ts';
import type { HubSession } from '../sessions.ts';
import { accessRefusal, audioRefusal } from './rowAccess.ts';
import type { Refusal } from './rowAccess.ts';

/** What happened to an applied row: new, replaced, already held, or the hub's copy kept. */
export type Written = 'inserted' | 'updated' | 'unchanged' | 'kept-hub';

export type RowResult = { readonly written: Written } | { readonly refusal: Refusal };

/** Lock class of a row's advisory lock ("SROW"); the object is a hash of table and id. */
const ROW_LOCK = 0x53524f57;

/** Columns the hub writes beside the travelling ones: its own names, never the device's. */
function hubColumns(table: SyncTable, row: SyncRow, session: HubSession, exists: boolean) {
  const extra: Record<string, unknown> = {};
  if (table === 'machines' && !exists) extra.plant_id = session.plantId;
  if (table === 'recordings') {
    extra.original_audio_key = row.columns.original_format == null ? null : syncOriginalKey(row.id);
  }
  return extra;
}

async function writeRow(sql: Sql, row: SyncRow, columns: Row, extra: Row, exists: boolean) {
  const specs = SYNC_COLUMNS[row.table];
  const names = [...syncColumnNames(row.table), ...Object.keys(extra), 'updated_at', 'version'];
  const values = [
    ...syncColumnNames(row.table).map((name) => sqlValue(specs[name], columns[name], 'postgres')),
    ...Object.values(extra),
    row.updatedAt,
    row.version,
  ];
  if (exists) {
    const sets = names.map((name, i) => `${name} = $${i + 2}`).join(', ');
    await sql.query(`UPDATE ${row.table} SET ${sets} WHERE id = $1`, [row.id, ...values]);
  } else {
    const places = names.map((_, i) => `$${i + 2}`).join(', ');
    await sql.query(`INSERT INTO ${row.table} (id, ${names.join(', ')}) VALUES ($1, ${places})`, [
      row.id,
      ...values,
    ]);
  }
}

/** Keeps a copy that lost; resolves to false when the history already had it. */
async function keepInHistory(
  sql: Sql,
  copy: SyncRow,
  digest: string,
  source: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await sql.query(
    `INSERT INTO sync_row_history (table_name, row_id, version, updated_at, digest, columns,
       superseded_at, source) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [
      copy.table,
      copy.id,
      copy.version,
      copy.updatedAt,
      digest,
      JSON.stringify(copy.columns),
      at,
      source,
    ],
  );
  return rowCount === 1;
}

/** Why a row whose columns each fit is still refused (their combination), or null. */
function combinationProblem(table: SyncTable, columns: Row): string | null {
  if (
    table === 'recordings' &&
    (columns.original_format === null) !== (columns.original_size_bytes === null)
  ) {
    return 'recordings: original_format and original_size_bytes come together';
  }
  if (table === 'recordings' && columns.mic_calibration !== null) {
    // Read back with every listing: a calibration that does not read would break them.
    try {
      storedCalibrationFromJson(columns.mic_calibration);
    } catch (error) {
      return `recordings: mic_calibration is no calibration (${(error as Error).message})`;
    }
  }
  return null;
}

async function settle(
  client: pg.PoolClient,
  session: HubSession,
  deviceId: string,
  incoming: SyncRow,
  now: Date,
): Promise<RowResult> {
  const { table, id } = incoming;
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
    ROW_LOCK,
    `${table}:${id}`,
  ]);
  const found = await client.query(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  const exists = found.rows.length > 0;
  const refusal = await accessRefusal(client, session, table, id, incoming.columns, exists);
  if (refusal) return { refusal };
  if (table === 'recordings') {
    const keys = [id, ...(incoming.columns.original_format == null ? [] : [syncOriginalKey(id)])];
    const missing = await audioRefusal(client, keys);
    if (missing) return { refusal: missing };
  }
  const extra = hubColumns(table, incoming, session, exists);
  if (!exists) {
    await writeRow(client, incoming, incoming.columns, extra, false);
    return { written: 'inserted' };
  }
  const stored = encodeSyncRow(table, found.rows[0]);
  const digests = { incoming: rowDigest(incoming.columns), stored: rowDigest(stored.columns) };
  if (digests.incoming === digests.stored) return { written: 'unchanged' };
  const winner = laterCopy(
    { ...incoming, digest: digests.incoming },
    { ...stored, digest: digests.stored },
  );
  if (winner === 'a') {
    await keepInHistory(client, stored, digests.stored, 'hub', now);
    await writeRow(client, incoming, incoming.columns, extra, true);
    return { written: 'updated' };
  }
  // A losing copy sent again (its answer was lost) is already in the history.
  const kept = await keepInHistory(client, incoming, digests.incoming, `device:${deviceId}`, now);
  return { written: kept ? 'kept-hub' : 'unchanged' };
}

/** PostgreSQL's word on a row the checks let through (a race, or a rule they do not know). */
function databaseRefusal(error: unknown): Refusal | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  if (code === '23503') {
    return { reason: 'reference-missing', message: 'The row names a row the hub does not have.' };
  }
  if (code.startsWith('22') || code.startsWith('23')) {
    return { reason: 'invalid', message: `The hub's schema refuses the row (${code}).` };
  }
  return null;
}

/** Applies one shape-checked row (syncRowShapeProblem) for `session`'s user. */
export async function applyRow(
  pool: pg.Pool,
  session: HubSession,
  deviceId: string,
  row: SyncRow,
  now: Date,
): Promise<RowResult> {
  const decoded = decodeSyncColumns(row.table, row.columns);
  if (!decoded.ok) return { refusal: { reason: 'invalid', message: decoded.problem } };
  const problem = combinationProblem(row.table, decoded.columns);
  if (problem) return { refusal: { reason: 'invalid', message: problem } };
  const incoming: SyncRow = {
    ...row,
    updatedAt: new Date(row.updatedAt).toISOString(),
    columns: decoded.columns,
  };
  try {
    return await inTransaction(pool, (client) => settle(client, session, deviceId, incoming, now));
  } catch (error) {
    const refusal = databaseRefusal(error);
    if (refusal === null) throw error;
    return { refusal };
  }
}
