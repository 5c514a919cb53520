/**
 * A hub on a throwaway PostgreSQL cluster for the sync tests, with people in two plants, their
 * device tokens, and the sync routes over real HTTP. Rows are built as a desktop sends them.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { startHub } from '../../../node/hub/server.ts';
import type { Hub } from '../../../node/hub/server.ts';
import type { SyncRow, SyncTable } from '../../../shared/sync/protocol.ts';
import { HUB_PASSWORD, startHubDatabase } from '../../helpers/hubDatabase.ts';
import type { HubPeople } from '../../helpers/hubDatabase.ts';

export const PASSWORD = HUB_PASSWORD;

/** Who signs in: a technician, an expert and an admin of North, a technician of South. */
const PEOPLE: HubPeople = {
  tech: { role: 'technician', plants: ['North'] },
  expert: { role: 'expert', plants: ['North'] },
  south: { role: 'technician', plants: ['South'] },
  both: { role: 'technician', plants: ['North', 'South'] },
  admin: { role: 'admin', plants: [] },
};

export interface SyncHub {
  readonly hub: Hub;
  readonly pool: pg.Pool;
  /** Plant ids by name. */
  readonly plants: Record<string, string>;
  /** A device token of `who` (signed in as a desktop), syncing into `plantId` if given. */
  token(who: string, plantId?: string): Promise<string>;
  request(
    token: string | null,
    method: string,
    path: string,
    body?: Uint8Array | string,
    headers?: Record<string, string>,
  ): Promise<Answer>;
  push(token: string, rows: readonly SyncRow[], deviceId?: string): Promise<Answer>;
  putAudio(
    token: string,
    path: string,
    bytes: Uint8Array,
    start: number,
    total: number,
    sha256: string,
  ): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  // The tests read what they expect; a wrong shape fails their expectations.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What became of each pushed row: its refusal's reason, or its result. */
export const outcomes = (answer: Answer): string[] =>
  (answer.body as { outcomes: { result: string; reason?: string }[] }).outcomes.map(
    (outcome) => outcome.reason ?? outcome.result,
  );

export async function startSyncHub(): Promise<SyncHub> {
  const database = await startHubDatabase(PEOPLE, 'hub-sync');
  const { pool } = database;
  const { rows } = await pool.query('SELECT id, name FROM plants');
  const plants = Object.fromEntries(rows.map((row) => [String(row.name), String(row.id)]));
  const hub = await startHub({ databaseUrl: database.url, port: 0, workFolder: database.folder });
  const request: SyncHub['request'] = async (token, method, path, body, headers = {}) => {
    const response = await fetch(new URL(path, hub.url), {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      // A copy on an ArrayBuffer of its own, as fetch's types want.
      body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    hub,
    pool,
    plants,
    async token(who, plantId) {
      const answer = await request(
        null,
        'POST',
        'hub/sign-in',
        JSON.stringify({ name: who, password: PASSWORD, deviceName: `${who}'s laptop`, plantId }),
        { 'Content-Type': 'application/json' },
      );
      if (answer.status !== 200) throw new Error(`sign-in of ${who}: ${answer.status}`);
      return String(answer.body.token);
    },
    request,
    push: (token, rows, deviceId = 'desk-1') =>
      request(token, 'POST', 'hub/sync/push', JSON.stringify({ deviceId, rows }), {
        'Content-Type': 'application/json',
      }),
    putAudio: (token, path, bytes, start, total, hash) =>
      request(token, 'PUT', path, bytes, {
        'Content-Range': `bytes ${start}-${start + bytes.length - 1}/${total}`,
        'X-Auscult-Sha256': hash,
        'Content-Type': 'application/octet-stream',
      }),
    async close() {
      await hub.close();
      await database.close();
    },
  };
}

/** A row as a desktop sends it, version 1 at `updatedAt`. */
export function row(
  table: SyncTable,
  id: string,
  columns: Record<string, unknown>,
  updatedAt = '2026-12-04T08:00:00.000Z',
  version = 1,
): SyncRow {
  return {
    table,
    id,
    version,
    updatedAt,
    columns: { created_at: '2026-12-04T08:00:00.000Z', ...columns },
  };
}

export const machineRow = (id: string, name = 'Lathe 3') =>
  row('machines', id, { name, profile: { id, name, lineFrequencyHz: 50 }, is_demo: false });

export const recordingRow = (id: string, machineId: string, original: object | null = null) =>
  row('recordings', id, {
    machine_id: machineId,
    name: 'Morning check',
    origin: 'recorded',
    sample_rate_hz: 48000,
    channel_count: 1,
    duration_seconds: 5.1,
    size_bytes: 975810,
    warnings: [],
    codec: null,
    original_format: null,
    original_size_bytes: null,
    ...original,
  });

export const diagnosisRow = (id: string, recordingId: string, machineId: string) =>
  row('diagnoses', id, {
    recording_id: recordingId,
    machine_id: machineId,
    baseline_id: null,
    report: { verdict: 'healthy', causes: [{ id: 'imbalance', score: 0.1 }] },
    start_seconds: null,
    end_seconds: null,
  });

export const faultRow = (
  id: string,
  machineId: string,
  note: string,
  updatedAt?: string,
  version?: number,
) =>
  row(
    'fault_log',
    id,
    {
      machine_id: machineId,
      diagnosis_id: null,
      recording_id: null,
      cause_id: 'imbalance',
      component_id: null,
      note,
      status: 'open',
      archived: false,
      recorded_by: 'tech',
      follow_up_recording_id: null,
    },
    updatedAt,
    version,
  );
