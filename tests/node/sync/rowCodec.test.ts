/**
 * The row codec both ends of sync use (node/sync/rowCodec.ts): a row read from a real SQLite
 * library and the same row as PostgreSQL gives it travel alike and have one digest; rows from
 * the wire are checked column by column and their times normalised.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../node/store/sqlite/database.ts';
import { createSqliteStore } from '../../../node/store/sqlite/sqliteStore.ts';
import type { SqliteLibraryStore } from '../../../node/store/sqlite/sqliteStore.ts';
import { SYNC_COLUMNS, syncColumnNames } from '../../../node/sync/columns.ts';
import {
  decodeSyncColumns,
  encodeSyncRow,
  sqlValue,
  syncRowShapeProblem,
} from '../../../node/sync/rowCodec.ts';
import { rowDigest } from '../../../node/sync/rowDigest.ts';
import type { MachineProfile } from '../../../shared/diagnosis/profile.ts';
import { SYNC_TABLES } from '../../../shared/sync/protocol.ts';

let folder: string;
let store: SqliteLibraryStore;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-row-codec-'));
  const clock = { now: () => new Date('2026-12-04T08:00:00.125Z'), newId: randomUUID };
  const path = join(folder, 'library.sqlite');
  store = createSqliteStore(openDatabase(path, clock.now), clock, path);
});
afterAll(async () => {
  await store?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('encodeSyncRow', () => {
  it('gives a SQLite row and the same row from PostgreSQL one wire form and one digest', async () => {
    const profile: MachineProfile = {
      id: 'lathe-3',
      name: 'Lathe 3',
      lineFrequencyHz: 50,
      shafts: [],
      components: [],
    };
    const id = await store.machines.insert(profile, { id: randomUUID() });
    const stored = store.db.prepare('SELECT * FROM machines WHERE id = ?').get(id) as Record<
      string,
      unknown
    >;
    const fromSqlite = encodeSyncRow('machines', stored);
    expect(fromSqlite).toEqual({
      table: 'machines',
      id,
      version: 1,
      updatedAt: '2026-12-04T08:00:00.125Z',
      columns: { name: 'Lathe 3', profile, is_demo: false, created_at: '2026-12-04T08:00:00.125Z' },
    });
    // As pg gives it: times as Date, jsonb parsed with its own key order, a real boolean, the
    // hub's own columns beside.
    const fromPostgres = encodeSyncRow('machines', {
      id,
      name: 'Lathe 3',
      profile: { components: [], shafts: [], lineFrequencyHz: 50, name: 'Lathe 3', id: 'lathe-3' },
      is_demo: false,
      created_at: new Date('2026-12-04T08:00:00.125Z'),
      updated_at: new Date('2026-12-04T08:00:00.125Z'),
      version: 1,
      plant_id: 'north',
      seq: '7',
    });
    expect(fromPostgres).toEqual(fromSqlite);
    expect(rowDigest(fromPostgres.columns)).toBe(rowDigest(fromSqlite.columns));
  });
});

describe('a calibrated recording', () => {
  it('travels with the microphone calibration it was made through', async () => {
    const machineId = await store.machines.insert(
      { id: 'mill', name: 'Mill', lineFrequencyHz: 50, shafts: [], components: [] },
      { id: randomUUID() },
    );
    const calibration = {
      fileName: 'umik.txt',
      sensitivityDbfs: -18.8,
      frequenciesHz: [10, 20000],
      responseDb: [0.5, -1],
    };
    const id = randomUUID();
    await store.recordings.insert({
      id,
      machineId,
      name: 'Morning check',
      origin: 'recorded',
      sampleRateHz: 48000,
      channelCount: 1,
      durationSeconds: 5,
      sizeBytes: 960044,
      createdAt: '2026-12-04T08:00:00.125Z',
      warnings: [],
      codec: null,
      original: null,
      calibration,
    });
    const stored = store.db.prepare('SELECT * FROM recordings WHERE id = ?').get(id) as Record<
      string,
      unknown
    >;
    const row = encodeSyncRow('recordings', stored);
    expect(row.columns.mic_calibration).toEqual(calibration);
    const decoded = decodeSyncColumns('recordings', row.columns);
    expect(decoded).toMatchObject({ ok: true, columns: { mic_calibration: calibration } });
  });
});

describe('decodeSyncColumns', () => {
  const fault = {
    machine_id: 'm-1',
    diagnosis_id: null,
    recording_id: null,
    cause_id: 'imbalance',
    component_id: null,
    note: 'Loud',
    status: 'open',
    archived: false,
    recorded_by: 'Li Wei',
    follow_up_recording_id: null,
    created_at: '2026-12-04T09:00:00+01:00',
  };

  it('normalises times and takes a missing nullable column as null', () => {
    const columns: Record<string, unknown> = { ...fault };
    delete columns.follow_up_recording_id;
    const decoded = decodeSyncColumns('fault_log', columns);
    expect(decoded).toEqual({
      ok: true,
      columns: { ...fault, created_at: '2026-12-04T08:00:00.000Z', follow_up_recording_id: null },
    });
  });

  it('names the first column that does not fit', () => {
    const problems: [Record<string, unknown>, RegExp][] = [
      [{ status: 'broken' }, /status must be one of open/],
      [{ note: null }, /note must not be null/],
      [{ note: 'a\u0000b' }, /note must be text/],
      [{ archived: 1 }, /archived must be true or false/],
      [{ machine_id: '../m' }, /machine_id must be an id/],
      [{ created_at: 'yesterday' }, /created_at must be an ISO 8601 time/],
      [{ note: 'x'.repeat(10_001) }, /note is too long/],
    ];
    for (const [change, problem] of problems) {
      const decoded = decodeSyncColumns('fault_log', { ...fault, ...change });
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.problem).toMatch(problem);
    }
    const recording = decodeSyncColumns('recordings', { size_bytes: -1 });
    expect(recording).toMatchObject({ ok: false });
    const json = decodeSyncColumns('machines', {
      name: 'x',
      profile: [],
      is_demo: false,
      created_at: '2026-12-04T08:00:00Z',
    });
    expect(json).toEqual({ ok: false, problem: 'machines: profile must be a JSON object' });
  });
});

describe('syncRowShapeProblem', () => {
  const good = { table: 'machines', id: 'm-1', version: 1, updatedAt: '2026-12-04T08:00:00Z' };
  it('refuses unknown tables and columns, bad ids, versions and times, in one sentence', () => {
    expect(syncRowShapeProblem({ ...good, columns: {} })).toBeNull();
    const cases: unknown[] = [
      null,
      [],
      { ...good, table: 'users', columns: {} },
      { ...good, table: 'constructor', columns: {} },
      { ...good, id: 'a/b', columns: {} },
      { ...good, version: 0, columns: {} },
      { ...good, version: 1.5, columns: {} },
      { ...good, updatedAt: 'now', columns: {} },
      { ...good, columns: [] },
      { ...good, columns: { 'name = name; --': 1 } },
      { ...good, columns: { __proto__: 1, toString: 2 } },
    ];
    for (const row of cases) expect(syncRowShapeProblem(row), JSON.stringify(row)).toMatch(/\.$/);
  });
});

describe('the column lists', () => {
  it('name only plain SQL identifiers, and every table has its creation time', () => {
    for (const table of SYNC_TABLES) {
      expect(syncColumnNames(table)).toContain('created_at');
      for (const name of syncColumnNames(table)) expect(name).toMatch(/^[a-z_]+$/);
    }
  });

  it('write booleans as 0/1 for SQLite and JSON as text for both', () => {
    const spec = SYNC_COLUMNS.fault_log;
    expect(sqlValue(spec.archived, true, 'sqlite')).toBe(1);
    expect(sqlValue(spec.archived, true, 'postgres')).toBe(true);
    expect(sqlValue(SYNC_COLUMNS.machines.profile, { a: 1 }, 'postgres')).toBe('{"a":1}');
    expect(sqlValue(spec.cause_id, null, 'sqlite')).toBeNull();
  });
});
