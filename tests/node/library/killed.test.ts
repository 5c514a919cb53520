/**
 * The crash test of issue 4: a child process writes to the library and is killed with SIGKILL
 * at a random moment, many times; after each kill the library opens, passes quick_check, and
 * holds every write the child acknowledged. A kill during an import never lists a half-copied
 * file.
 */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../../node/store/sqlite/database.ts';
import { openLibrary, TMP_FOLDER } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { openWavFile } from '../../../node/audio/openWavFile.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { killDelaysMs, runAndKill } from '../../helpers/killChild.ts';
import type { KillMoment } from '../../helpers/killChild.ts';
import { libraryFiles, temporaryFolder } from './libraryFixtures.ts';

const child = join(import.meta.dirname, 'fixtures', 'libraryWriter.ts');
let folder: Awaited<ReturnType<typeof temporaryFolder>>;

beforeAll(async () => {
  folder = await temporaryFolder('auscult-killed-library-');
});
afterAll(async () => {
  await folder.remove();
});

/** 20 s of a 440 Hz sine at 48 kHz: 1.9 MB, so kills land inside copies and checks. */
const FRAMES = 20 * 48000;

const TABLE_OF: Readonly<Record<string, [string, string]>> = {
  machine: ['machines', 'id'],
  fault: ['fault_log', 'id'],
  setting: ['settings', 'key'],
  recording: ['recordings', 'id'],
};

/** The acknowledged writes the library does not hold, as `kind id`. */
function missing(library: Library, writes: readonly [string, string][]): string[] {
  const stored = new Map(
    Object.entries(TABLE_OF).map(([kind, [table, column]]) => [
      kind,
      new Set(
        library.store.db
          .prepare(`SELECT ${column} AS id FROM ${table}`)
          .all()
          .map((r) => r.id),
      ),
    ]),
  );
  return writes.filter(([kind, id]) => !stored.get(kind)?.has(id)).map((w) => w.join(' '));
}

function expectSound(library: Library): void {
  expect(() => checkIntegrity(library.store.db, library.databasePath)).not.toThrow();
  expect(library.store.db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
}

describe('a library whose writer is killed with SIGKILL', () => {
  it('opens, passes quick_check and holds every acknowledged write, 20 kills in a row', async () => {
    const home = join(folder.path, 'writes');
    const acknowledged: [string, string][] = [];
    let killedWhileWriting = 0;
    // Six kills during start-up (the first one during the migrations), fourteen while writing.
    const moments: KillMoment[] = [
      ...killDelaysMs(6, 4, 300).map((delayMs) => ({ delayMs, after: 'spawn' as const })),
      ...killDelaysMs(14, 5, 250).map((delayMs) => ({ delayMs, after: 'ready' as const })),
    ];
    for (const moment of moments) {
      const run = await runAndKill(child, [home, 'writes'], moment);
      acknowledged.push(...run.writes);
      if (run.writes.length > 0) killedWhileWriting++;
      const library = await openLibrary(home, { demo: false });
      try {
        expectSound(library);
        expect(missing(library, acknowledged), JSON.stringify(moment)).toEqual([]);
      } finally {
        await library.close();
      }
    }
    expect(killedWhileWriting).toBeGreaterThanOrEqual(10);
    expect(acknowledged.length).toBeGreaterThan(100);
  }, 120_000);

  it('never lists a half-copied import, and keeps every acknowledged one', async () => {
    const home = join(folder.path, 'imports');
    const wavPath = join(folder.path, 'long.wav');
    // 20 s of a 440 Hz sine at 48 kHz: 1.9 MB, so kills land inside copies and checks.
    const samples = Float64Array.from(
      { length: 20 * 48000 },
      (_, i) => Math.sin((2 * Math.PI * 440 * i) / 48000) * 0.5,
    );
    await writeFile(wavPath, encodeWav([samples], 48000));
    const acknowledged: [string, string][] = [];
    let killedMidImport = 0;
    for (const delayMs of killDelaysMs(8, 9, 300)) {
      const moment: KillMoment = { delayMs, after: 'ready' };
      const run = await runAndKill(child, [home, 'imports', wavPath], moment);
      acknowledged.push(...run.writes);
      // A killed import leaves its staging file; the next start removes it.
      if ((await readdir(join(home, TMP_FOLDER))).length > 0) killedMidImport++;
      const library = await openLibrary(home, { demo: false });
      try {
        expectSound(library);
        expect(missing(library, acknowledged), JSON.stringify(moment)).toEqual([]);
        const rows = library.store.db.prepare('SELECT id, name, size_bytes FROM recordings').all();
        for (const row of rows) {
          const path = library.audio.pathOf(String(row.id));
          expect((await stat(path)).size).toBe(Number(row.size_bytes));
          await using reader = await openWavFile(path);
          expect(reader.info.frameCount).toBe(FRAMES);
          expect(reader.info.warnings).toEqual([]);
        }
        const files = await libraryFiles(library);
        expect(files.tmp).toEqual([]);
        // Every row has its file (checked above); a file may lack a row (killed between the
        // rename and the insert): it is never listed.
        expect(files.recordings.length).toBeGreaterThanOrEqual(rows.length);
      } finally {
        await library.close();
      }
    }
    expect(killedMidImport).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
