/**
 * The list half's data, written straight into the hub's database in a few set-based INSERTs
 * (generate_series), which takes seconds where 100 000 calls of the store would take minutes:
 * MACHINES machines spread over the plants, RECORDINGS_PER_MACHINE recordings each with one
 * diagnosis (rows only, no audio: the lists never read it), and ENTRIES fault-log entries spread
 * over the machines and over a year, with their history events as the store writes them (a
 * third acknowledged, one in fifty archived). The diagnoses' reports are the demo machine's
 * real ones (node/workflows/demo.ts), so the JSON the queries dig into is the real shape.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { DiagnosisReport } from '../../shared/diagnosis/report.ts';
import { openLibrary } from '../../node/library/library.ts';
import { DEMO_PROFILE_JSON } from '../../node/workflows/demo.ts';

export const RECORDINGS_PER_MACHINE = 5;

/** The demo machine's diagnosis reports (a healthy one and an anomalous one). */
export async function demoReports(): Promise<DiagnosisReport[]> {
  const home = await mkdtemp(join(tmpdir(), 'auscult-bench-hub-demo-'));
  const library = await openLibrary(home);
  try {
    const [demo] = await library.store.machines.list();
    const diagnoses = await library.store.diagnoses.listByMachine(demo.id);
    return diagnoses.map((d) => d.report);
  } finally {
    await library.close();
    await rm(home, { recursive: true, force: true });
  }
}

// Ids are UUID-shaped like the store's, and derived from the row's number so that rows can
// name each other without a lookup.
const uuid = (prefix: string, ...parts: string[]) =>
  `md5('${prefix}' || ${parts.join(" || '-' || ")})::uuid::text`;
const MACHINE_ID = (i: string) => uuid('machine', i);
const RECORDING_ID = (i: string, k: string) => uuid('recording', i, k);
const DIAGNOSIS_ID = (i: string, k: string) => uuid('diagnosis', i, k);
const YEAR_AGO = `now() - interval '365 days'`;

const MACHINES_SQL = `INSERT INTO machines (id, name, profile, plant_id, created_at, updated_at)
  SELECT ${MACHINE_ID('i')}, 'Machine ' || i,
    $1::jsonb || jsonb_build_object('id', 'bench-' || i, 'name', 'Machine ' || i),
    ($2::text[])[1 + i % cardinality($2::text[])],
    ${YEAR_AGO} - interval '30 days' + i * interval '1 second',
    ${YEAR_AGO} - interval '30 days' + i * interval '1 second'
  FROM generate_series(0, $3::int - 1) AS i`;

/** Recording k of machine i is made k/K of the way through the year. */
const RECORDINGS_SQL = `INSERT INTO recordings (id, machine_id, name, origin, sample_rate_hz,
    channel_count, duration_seconds, size_bytes, created_at, updated_at)
  SELECT ${RECORDING_ID('i', 'k')}, ${MACHINE_ID('i')}, 'check-' || k || '.wav', 'imported',
    16000, 1, 60, 1920044, t, t
  FROM generate_series(0, $1::int - 1) AS i, generate_series(0, $2::int - 1) AS k,
    LATERAL (SELECT ${YEAR_AGO} + (k * 365 / $2::int) * interval '1 day'
      + i * interval '1 second' AS t) AS at`;

const DIAGNOSES_SQL = `INSERT INTO diagnoses (id, recording_id, machine_id, report, created_at,
    updated_at)
  SELECT ${DIAGNOSIS_ID('i', 'k')}, r.id, r.machine_id,
    ($3::jsonb[])[1 + k % cardinality($3::jsonb[])],
    r.created_at + interval '1 minute', r.created_at + interval '1 minute'
  FROM generate_series(0, $1::int - 1) AS i, generate_series(0, $2::int - 1) AS k, recordings r
  WHERE r.id = ${RECORDING_ID('i', 'k')}`;

/** Entry j belongs to machine j mod M, and names one of its diagnoses. */
const FAULT_LOG_SQL = `INSERT INTO fault_log (id, machine_id, diagnosis_id, recording_id,
    cause_id, component_id, note, status, archived, recorded_by, created_at, updated_at)
  SELECT ${uuid('entry', 'j')}, d.machine_id, d.id, d.recording_id,
    d.report #>> '{causes,0,id}', d.report #>> '{causes,0,componentId}',
    (ARRAY['Chips in the X screw guard', 'Noise at high feed', 'Routine check',
      'Belt squeal'])[1 + j % 4] || ' #' || j,
    CASE WHEN j % 3 = 1 THEN 'acknowledged' ELSE 'open' END, j % 50 = 7,
    'Technician ' || (j % 7), t, t
  FROM generate_series(0, $1::int - 1) AS j,
    LATERAL (SELECT j % $2::int AS i, (j / $2::int) % $3::int AS k) AS n,
    LATERAL (SELECT ${YEAR_AGO} + j * (interval '365 days' / $1::int) AS t) AS at,
    diagnoses d
  WHERE d.id = ${DIAGNOSIS_ID('n.i', 'n.k')}
  ORDER BY j`;

const EVENTS_SQL = [
  `INSERT INTO fault_log_events (id, entry_id, kind, who, to_status, created_at, updated_at)
   SELECT md5('created' || id)::uuid::text, id, 'created', recorded_by, 'open', created_at,
     created_at FROM fault_log ORDER BY seq`,
  `INSERT INTO fault_log_events (id, entry_id, kind, who, from_status, to_status, created_at,
     updated_at)
   SELECT md5('acknowledged' || id)::uuid::text, id, 'status', 'Supervisor', 'open',
     'acknowledged', created_at + interval '1 hour', created_at + interval '1 hour'
   FROM fault_log WHERE status = 'acknowledged' ORDER BY seq`,
  `INSERT INTO fault_log_events (id, entry_id, kind, who, from_status, to_status, created_at,
     updated_at)
   SELECT md5('archived' || id)::uuid::text, id, 'archived', 'Supervisor', status, status,
     created_at + interval '2 hours', created_at + interval '2 hours'
   FROM fault_log WHERE archived ORDER BY seq`,
];

export interface SeedPlan {
  readonly machines: number;
  readonly entries: number;
  readonly plantIds: readonly string[];
  readonly reports: readonly DiagnosisReport[];
}

/**
 * Writes the rows in one transaction, then VACUUM ANALYZE, as autovacuum soon would after so
 * many inserts: the planner's statistics, and the visibility map index-only scans rely on.
 */
export async function seedLists(pool: pg.Pool, plan: SeedPlan): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const k = RECORDINGS_PER_MACHINE;
    await client.query(MACHINES_SQL, [
      JSON.stringify(DEMO_PROFILE_JSON),
      plan.plantIds,
      plan.machines,
    ]);
    await client.query(RECORDINGS_SQL, [plan.machines, k]);
    const reports = plan.reports.map((report) => JSON.stringify(report));
    await client.query(DIAGNOSES_SQL, [plan.machines, k, reports]);
    await client.query(FAULT_LOG_SQL, [plan.entries, plan.machines, k]);
    for (const sql of EVENTS_SQL) await client.query(sql);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
