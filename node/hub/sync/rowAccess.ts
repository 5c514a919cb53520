/**
 * Whether a device may write a pushed row: every row it names must be on the hub
 * ('reference-missing' otherwise) and in the user's plants, and so must the row it replaces
 * ('not-your-plant'). A new machine goes into the device's plant. Table names come from the
 * fixed SYNC_TABLES list, never from the request.
 */
import type { PushRefusal, SyncTable } from '../../../shared/sync/protocol.ts';
import type { Sql } from '../../store/postgres/sql.ts';
import { SYNC_COLUMNS } from '../../sync/columns.ts';
import { seesPlant } from '../scope.ts';
import type { HubSession } from '../sessions.ts';

const PLANT_OF: Readonly<Record<SyncTable, string>> = {
  machines: 'SELECT plant_id FROM machines WHERE id = $1',
  fault_log_events: `SELECT m.plant_id FROM fault_log_events e JOIN fault_log f ON f.id = e.entry_id
    JOIN machines m ON m.id = f.machine_id WHERE e.id = $1`,
  recordings: machineJoin('recordings'),
  baselines: machineJoin('baselines'),
  diagnoses: machineJoin('diagnoses'),
  fault_log: machineJoin('fault_log'),
  expert_verdicts: machineJoin('expert_verdicts'),
};

function machineJoin(table: SyncTable): string {
  return `SELECT m.plant_id FROM ${table} t JOIN machines m ON m.id = t.machine_id WHERE t.id = $1`;
}

/** The plant of a row's machine: null for a machine without one, undefined for no such row. */
export async function plantOfRow(
  sql: Sql,
  table: SyncTable,
  id: string,
): Promise<string | null | undefined> {
  const { rows } = await sql.query(PLANT_OF[table], [id]);
  return rows.length === 0 ? undefined : ((rows[0].plant_id ?? null) as string | null);
}

export interface Refusal {
  readonly reason: PushRefusal;
  readonly message: string;
}

/** Why the session may not write this row (decoded columns), or null when it may. */
export async function accessRefusal(
  sql: Sql,
  session: HubSession,
  table: SyncTable,
  id: string,
  columns: Readonly<Record<string, unknown>>,
  exists: boolean,
): Promise<Refusal | null> {
  const { user } = session;
  if (exists && !seesPlant(user, (await plantOfRow(sql, table, id)) ?? null)) {
    return {
      reason: 'not-your-plant',
      message: `The hub's ${table} row ${id} is another plant's.`,
    };
  }
  if (table === 'machines' && !exists && !seesPlant(user, session.plantId)) {
    return { reason: 'not-your-plant', message: 'This device syncs into no plant of yours.' };
  }
  for (const [name, spec] of Object.entries(SYNC_COLUMNS[table])) {
    const value = columns[name];
    if (spec.type !== 'id' || typeof value !== 'string') continue;
    const plant = await plantOfRow(sql, spec.references, value);
    if (plant === undefined) {
      return {
        reason: 'reference-missing',
        message: `${name} names a ${spec.references} row the hub does not have (${value}).`,
      };
    }
    if (!seesPlant(user, plant)) {
      return { reason: 'not-your-plant', message: `${name} names another plant's row.` };
    }
  }
  return null;
}

/** 'audio-missing' unless the audio (and the original the row names) has completely arrived. */
export async function audioRefusal(sql: Sql, keys: readonly string[]): Promise<Refusal | null> {
  const { rows } = await sql.query('SELECT id FROM audio_objects WHERE id = ANY($1)', [keys]);
  if (rows.length === keys.length) return null;
  return {
    reason: 'audio-missing',
    message: 'Upload the recording’s audio (and its original) completely first.',
  };
}
