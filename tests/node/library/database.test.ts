import { copyFile, open, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryError } from '../../../node/store/errors.ts';
import { openDatabase } from '../../../node/store/sqlite/database.ts';
import { DATABASE_FILE, openLibrary } from '../../../node/library/library.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../node/store/sqlite/migrations.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { sha256, temporaryFolder } from './libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
beforeEach(async () => {
  folder = await temporaryFolder();
});
afterEach(async () => {
  await folder.remove();
});

function pragma(db: DatabaseSync, name: string): unknown {
  const row = db.prepare(`PRAGMA ${name}`).get();
  return row ? Object.values(row)[0] : undefined;
}

/** A closed library with `machines` machines: enough rows to fill many pages. */
async function libraryWithMachines(machines: number): Promise<string> {
  const library = await openLibrary(folder.path, { demo: false });
  for (let i = 0; i < machines; i++) {
    await library.store.machines.insert({ ...simLatheProfile, name: `lathe ${i}` });
  }
  await library.close();
  return join(folder.path, DATABASE_FILE);
}

describe('a new library', () => {
  it('creates auscult.db, recordings/ and tmp/ in the folder', async () => {
    const library = await openLibrary(join(folder.path, 'nested', 'home'), { demo: false });
    await library.close();
    expect((await readdir(library.home)).sort()).toEqual(
      expect.arrayContaining([DATABASE_FILE, 'recordings', 'tmp']),
    );
    expect((await stat(library.captureFolder)).isDirectory()).toBe(true);
  });

  it('applies every migration from an empty database, in order', async () => {
    const library = await openLibrary(folder.path, { demo: false });
    const versions = library.store.db
      .prepare('SELECT version FROM schema_migrations ORDER BY version')
      .all()
      .map((row) => Number(row.version));
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = library.store.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
    expect(tables).toEqual([
      'baselines',
      'diagnoses',
      'expert_verdicts',
      'fault_log',
      'fault_log_events',
      'machines',
      'recordings',
      'reviews',
      'schema_migrations',
      'settings',
      'sync_link',
      'sync_outbox',
      'sync_row_history',
      'sync_state',
    ]);
    await library.close();
  });

  it.each<[string, unknown]>([
    ['journal_mode', 'wal'],
    ['synchronous', 2], // FULL
    ['foreign_keys', 1],
    ['busy_timeout', 5000],
  ])('sets PRAGMA %s to %s', async (name, expected) => {
    const library = await openLibrary(folder.path, { demo: false });
    expect(pragma(library.store.db, name)).toBe(expected);
    await library.close();
  });

  it('applies nothing on reopening an up-to-date library and keeps its rows', async () => {
    await libraryWithMachines(3);
    const library = await openLibrary(folder.path, { demo: false });
    expect(library.store.db.prepare('SELECT count(*) AS n FROM schema_migrations').get()?.n).toBe(
      MIGRATIONS.length,
    );
    expect(library.store.db.prepare('SELECT count(*) AS n FROM machines').get()?.n).toBe(3);
    await library.close();
  });

  it('refuses a recording row that points to no machine (foreign keys are on)', async () => {
    const library = await openLibrary(folder.path, { demo: false });
    expect(() =>
      library.store.db
        .prepare(
          `INSERT INTO recordings (id, machine_id, name, origin, sample_rate_hz, channel_count,
            duration_seconds, size_bytes, created_at)
           VALUES ('r', 'no-such-machine', 'x.wav', 'imported', 8000, 1, 1, 44, 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    await library.close();
  });
});

describe('opening a database that cannot be used', () => {
  it('refuses a database written by a newer Auscult, naming the versions', async () => {
    const path = await libraryWithMachines(0);
    const db = new DatabaseSync(path);
    db.prepare("INSERT INTO schema_migrations VALUES (?, 'future', 'now')").run(
      LATEST_SCHEMA_VERSION + 1,
    );
    db.close();
    await expect(openLibrary(folder.path, { demo: false })).rejects.toMatchObject({
      name: 'LibraryError',
      kind: 'newer-version',
      message: expect.stringContaining(`schema ${LATEST_SCHEMA_VERSION + 1}`),
    });
  });

  it('reports a database whose pages are damaged, names the file, says what to do, and leaves it untouched', async () => {
    const path = await libraryWithMachines(200);
    const pageSize = 4096;
    expect((await stat(path)).size).toBeGreaterThan(20 * pageSize);
    // Keep page 1 (the header and schema) so SQLite opens the file; damage a table's pages.
    const handle = await open(path, 'r+');
    await handle.write(Buffer.alloc(3 * pageSize, 0xa5), 0, 3 * pageSize, 4 * pageSize);
    await handle.close();
    const damaged = join(folder.path, 'damaged-copy.db');
    await copyFile(path, damaged);
    const before = await sha256(path);

    const error = await openLibrary(folder.path, { demo: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ kind: 'corrupt', path });
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toMatch(/damaged/);
    expect(message).toMatch(/restore auscult\.db from a backup/);
    expect(message).not.toContain('\n');
    expect(await sha256(path)).toBe(before);
    expect(await sha256(damaged)).toBe(before);
  });

  it.each<[string, string, number, number[]]>([
    ['the content offset of the machines table root', 'machines', 5, [0x00, 0x01]],
    [
      'the content offset of the machine id index root',
      'sqlite_autoindex_machines_1',
      5,
      [0x00, 0x01],
    ],
  ])(
    'reports the first problem quick_check finds when %s is damaged',
    async (_what, tree, offset, bytes) => {
      const path = await libraryWithMachines(200);
      const db = new DatabaseSync(path);
      const root = Number(
        db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(tree)?.rootpage,
      );
      db.close();
      const handle = await open(path, 'r+');
      await handle.write(Buffer.from(bytes), 0, bytes.length, (root - 1) * 4096 + offset);
      await handle.close();
      const before = await sha256(path);
      await expect(openLibrary(folder.path, { demo: false })).rejects.toMatchObject({
        kind: 'corrupt',
        message: expect.stringMatching(new RegExp(`quick_check reports "Tree \\d+ page ${root}`)),
      });
      expect(await sha256(path)).toBe(before);
    },
  );

  it('reports a library folder that cannot be created, naming it', async () => {
    const file = join(folder.path, 'a-file');
    await writeFile(file, 'not a folder');
    await expect(openLibrary(join(file, 'home'), { demo: false })).rejects.toMatchObject({
      name: 'LibraryError',
      kind: 'unavailable',
      message: expect.stringContaining(`Cannot create the library folder "${join(file, 'home')}"`),
    });
  });

  it('reports a file that is not a database at all as damaged', async () => {
    const path = join(folder.path, 'not-a-db.db');
    const handle = await open(path, 'w');
    await handle.write(Buffer.from('this is a text file, not SQLite\n'.repeat(200)));
    await handle.close();
    const before = await sha256(path);
    expect(() => openDatabase(path)).toThrow(LibraryError);
    expect(() => openDatabase(path)).toThrow(/damaged/);
    expect(await sha256(path)).toBe(before);
  });
});
