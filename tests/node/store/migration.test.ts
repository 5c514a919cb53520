/**
 * A library written before row versions (schema 1, as every release before the storage seam
 * wrote it) opens, migrates to the latest schema and keeps every row and recording.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openLibrary, RECORDINGS_FOLDER } from '../../../node/library/library.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../node/store/sqlite/migrations.ts';
import { simWav, temporaryFolder } from '../library/libraryFixtures.ts';
import { mkdir } from 'node:fs/promises';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MACHINE = '5b0c2f7e-8d1a-4f3b-9c2d-1e2f3a4b5c6d';
const RECORDING = '7d9e1f20-3a4b-4c5d-8e6f-708192a3b4c5';
const DIAGNOSIS = '0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3';
const ENTRY = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const AT = '2026-11-02T08:30:00.000Z';
const PROFILE = { id: 'lathe', name: 'Old lathe', lineFrequencyHz: 50, shafts: [], components: [] };
const REPORT = {
  file: 'old.wav',
  sampleRateHz: 16000,
  durationSeconds: 2,
  anomalous: false,
  anomalyScore: 1.2,
  threshold: 3,
  findings: [],
  causes: [],
};

let folder: Awaited<ReturnType<typeof temporaryFolder>>;

/** Schema 1 and the rows the code of that time wrote, in `home`. */
async function writeSchemaOneLibrary(home: string): Promise<Uint8Array> {
  await mkdir(join(home, RECORDINGS_FOLDER), { recursive: true });
  const wav = simWav({ seed: 3 });
  await writeFile(join(home, RECORDINGS_FOLDER, `${RECORDING}.wav`), wav);
  const db = new DatabaseSync(join(home, DATABASE_FILE));
  db.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL,
    applied_at TEXT NOT NULL) STRICT`);
  db.exec(MIGRATIONS[0].sql);
  db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('schema 1', AT);
  db.prepare('INSERT INTO machines VALUES (?, ?, ?, 0, ?, ?)').run(
    MACHINE,
    PROFILE.name,
    JSON.stringify(PROFILE),
    AT,
    AT,
  );
  db.prepare('INSERT INTO recordings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    RECORDING,
    MACHINE,
    'old.wav',
    'imported',
    16000,
    1,
    2,
    wav.length,
    AT,
  );
  db.prepare('INSERT INTO diagnoses VALUES (?, ?, ?, NULL, ?, ?)').run(
    DIAGNOSIS,
    RECORDING,
    MACHINE,
    JSON.stringify(REPORT),
    AT,
  );
  db.prepare('INSERT INTO fault_log VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)').run(
    ENTRY,
    MACHINE,
    DIAGNOSIS,
    RECORDING,
    'checked the belt',
    AT,
  );
  db.prepare('INSERT INTO settings VALUES (?, ?)').run('language', 'zh-CN');
  db.prepare('INSERT INTO settings VALUES (?, ?)').run('demo.created', AT);
  db.close();
  return wav;
}

beforeAll(async () => {
  folder = await temporaryFolder('auscult-migration-');
});
afterAll(async () => {
  await folder.remove();
});

describe('a library of schema 1', () => {
  it('opens, migrates to the latest schema, and keeps every row and recording', async () => {
    const home = join(folder.path, 'old');
    const wav = await writeSchemaOneLibrary(home);
    const library = await openLibrary(home);
    try {
      const { db } = library.store;
      expect(db.prepare('SELECT max(version) AS v FROM schema_migrations').get()?.v).toBe(
        LATEST_SCHEMA_VERSION,
      );
      expect(await library.store.machines.list()).toMatchObject([
        { id: MACHINE, name: 'Old lathe' },
      ]);
      expect(await library.store.machines.version(MACHINE)).toEqual({
        id: MACHINE,
        createdAt: AT,
        updatedAt: AT,
        version: 1,
      });
      expect(await library.store.recordings.version(RECORDING)).toMatchObject({ updatedAt: AT });
      expect(await library.store.recordings.get(RECORDING)).toMatchObject({
        name: 'old.wav',
        sizeBytes: wav.length,
        // Migration 3: a recording listed before warnings were stored has none.
        warnings: [],
      });
      expect(await library.audio.read(RECORDING, 0, wav.length)).toEqual(wav);
      const [diagnosis] = await library.store.diagnoses.list(RECORDING);
      expect(diagnosis).toMatchObject({ id: DIAGNOSIS, report: REPORT, region: null });
      expect(await library.store.faultLog.summaries()).toMatchObject([
        { note: 'checked the belt', recordingName: 'old.wav', machineName: 'Old lathe' },
      ]);
      // Migration 5: an entry made before statuses is open, unarchived, by nobody known, with
      // its creation back-filled as the one event of its history.
      expect(await library.store.faultLog.get(ENTRY)).toMatchObject({
        status: 'open',
        archived: false,
        recordedBy: '',
        followUpRecordingId: null,
      });
      const [created, ...more] = await library.store.faultLog.history(ENTRY);
      expect(more).toEqual([]);
      expect(created).toEqual({
        id: expect.stringMatching(UUID),
        entryId: ENTRY,
        at: AT,
        by: '',
        kind: 'created',
        fromStatus: null,
        toStatus: 'open',
        reason: '',
        followUpRecordingId: null,
      });
      const event = db.prepare('SELECT updated_at, version FROM fault_log_events').get();
      expect(event).toEqual({ updated_at: AT, version: 1 });
      expect(await library.store.machines.get(MACHINE)).toMatchObject({ openFaultCount: 1 });
      // The migrated entry moves through the workflow like a new one.
      await library.store.faultLog.transition(ENTRY, {
        toStatus: 'acknowledged',
        by: 'Ana',
        reason: '',
        followUpRecordingId: null,
      });
      expect(await library.store.faultLog.version(ENTRY)).toMatchObject({ version: 2 });
      expect(await library.store.settings.get('language')).toBe('zh-CN');
      const settings = db.prepare('SELECT id, created_at, updated_at, version FROM settings').all();
      expect(settings).toHaveLength(2);
      for (const row of settings) {
        expect(String(row.id)).toMatch(UUID);
        expect(Date.parse(String(row.created_at))).not.toBeNaN();
        expect(row.version).toBe(1);
      }
      expect(new Set(settings.map((row) => row.id)).size).toBe(2);
      // The demo was made before: its mark is kept, so a migrated library gets no second one.
      expect(await library.store.settings.get('demo.created')).toBe(AT);
    } finally {
      await library.close();
    }
  });
});
