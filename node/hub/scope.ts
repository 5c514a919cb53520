/**
 * Which plant a call touches, from its first argument (the method table names it): a machine,
 * or the machine of a recording, diagnosis or fault-log entry. Imports, live sessions and jobs
 * are the hub's own ids, kept with the person who started them. What lies outside the caller's
 * plants answers "not found", as if it did not exist: ids of other plants reveal nothing.
 */
import { ApiError } from '../../shared/api/errors.ts';
import { methodSpec } from '../../shared/api/methods.ts';
import type { ApiMethod } from '../../shared/api/methods.ts';
import type { Sql } from '../store/postgres/sql.ts';
import type { HubUser } from './people.ts';

const MACHINE_OF: Readonly<Record<string, string>> = {
  machineId: 'SELECT plant_id FROM machines WHERE id = $1',
  recordingId:
    'SELECT m.plant_id FROM recordings r JOIN machines m ON m.id = r.machine_id WHERE r.id = $1',
  diagnosisId:
    'SELECT m.plant_id FROM diagnoses d JOIN machines m ON m.id = d.machine_id WHERE d.id = $1',
  entryId:
    'SELECT m.plant_id FROM fault_log f JOIN machines m ON m.id = f.machine_id WHERE f.id = $1',
};

/** Ids the hub hands out for work in progress, by the argument that names them. */
const OWNED = new Set(['importId', 'sessionId', 'jobId']);

/** The methods whose answer is such an id, and which kind. */
const OWNED_RESULTS: Partial<Record<ApiMethod, string>> = {
  'recordings.beginImport': 'importId',
  'sessions.start': 'sessionId',
  'baselines.build': 'jobId',
};

export function notFound(): ApiError {
  return new ApiError('not-found', 'There is nothing with this id in your plants.', {
    params: { entity: 'machine' },
  });
}

export function seesPlant(user: HubUser, plantId: string | null): boolean {
  if (user.role === 'admin') return true;
  return plantId !== null && user.plantIds.includes(plantId);
}

export interface Scope {
  /** Rejects with not-found unless the call's subject lies in the user's plants. */
  check(user: HubUser, method: ApiMethod, args: readonly unknown[]): Promise<void>;
  /** Remembers who owns an id the call handed out. */
  remember(user: HubUser, method: ApiMethod, result: unknown): void;
  /**
   * The plant of what an id of this kind (machineId, recordingId, diagnosisId, entryId) names:
   * null for a machine without a plant, undefined when the id names nothing.
   */
  plantOf(kind: string, id: string): Promise<string | null | undefined>;
  /** The ids of the machines of these plants. */
  machinesIn(plantIds: readonly string[]): Promise<string[]>;
  /** The plants of these machines, for filtering lists. */
  plantsOf(machineIds: readonly string[]): Promise<Map<string, string | null>>;
}

/** Owners kept at most; the oldest go first (the service forgets finished work sooner). */
const MAX_OWNERS = 10_000;

export function createScope(sql: Sql): Scope {
  const owners = new Map<string, string>();
  const plantOf = async (kind: string, id: string) => {
    const query = MACHINE_OF[kind];
    if (query === undefined) return undefined;
    const { rows } = await sql.query(query, [id]);
    return rows.length === 0 ? undefined : ((rows[0].plant_id ?? null) as string | null);
  };
  return {
    plantOf,
    async check(user, method, args) {
      const spec = methodSpec(method);
      const name = spec.args[0]?.[0];
      if (name === undefined) return;
      const id = String(args[0]);
      if (OWNED.has(name)) {
        if (owners.get(`${name}:${id}`) !== user.id && user.role !== 'admin') throw notFound();
        return;
      }
      const plant = await plantOf(name, id);
      // An unknown id goes on to the service, which answers not-found in its own words.
      if (plant === undefined) return;
      if (!seesPlant(user, plant)) throw notFound();
    },
    remember(user, method, result) {
      const kind = OWNED_RESULTS[method];
      if (kind === undefined || typeof result !== 'string') return;
      owners.set(`${kind}:${result}`, user.id);
      if (owners.size > MAX_OWNERS) owners.delete(owners.keys().next().value as string);
    },
    async machinesIn(plantIds) {
      const { rows } = await sql.query('SELECT id FROM machines WHERE plant_id = ANY($1)', [
        plantIds,
      ]);
      return rows.map((row) => String(row.id));
    },
    async plantsOf(machineIds) {
      const { rows } = await sql.query('SELECT id, plant_id FROM machines WHERE id = ANY($1)', [
        machineIds,
      ]);
      return new Map(rows.map((row) => [String(row.id), (row.plant_id ?? null) as string | null]));
    },
  };
}
