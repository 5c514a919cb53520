/**
 * The second fault: `auscult sync` (a child process) SIGKILLed 20 times while it syncs
 * a library. Afterwards the library passes integrity_check, every recording's audio has its
 * original SHA-256, nothing is lost, and a final sync leaves each recording on the hub once.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MachineDetail } from '../../../shared/api/contract.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { createAuscultService } from '../../../node/api/service.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { connectToHub } from '../../../node/sync/hubLinkApi.ts';
import { killDelaysMs } from '../../helpers/killChild.ts';
import { arrayBufferOf } from '../library/libraryFixtures.ts';
import type { RecordingSummary } from '../../../shared/api/contract.ts';
import {
  noiseWav,
  PASSWORD,
  sha256Of,
  spawnCli,
  startChildHub,
  TECHNICIAN,
} from './faultFixture.ts';
import type { ChildHub } from './faultFixture.ts';

const KILLS = 20;
const RECORDINGS = 8;
const SECONDS = 20;

let hub: ChildHub;
let home: string;
let machineId: string;
/** Every recording made, with the SHA-256 of its audio when made. */
const originals = new Map<string, string>();

/** Opens the library, runs `work` on it and its service, closes both. */
async function withLibrary<T>(
  work: (library: Library, service: ReturnType<typeof createAuscultService>) => Promise<T>,
) {
  const library = await openLibrary(home, { demo: false });
  const service = createAuscultService(library, { pool: 'inline' });
  try {
    return await work(library, service);
  } finally {
    await service.close();
    await library.close();
  }
}

async function importOne(service: ReturnType<typeof createAuscultService>, seed: number) {
  const bytes = noiseWav(seed, SECONDS);
  const importId = await service.recordings.beginImport(
    machineId,
    `take-${seed}.wav`,
    bytes.length,
  );
  for (let offset = 0; offset < bytes.length; offset += 1 << 20) {
    await service.recordings.appendImport(
      importId,
      arrayBufferOf(bytes.subarray(offset, offset + (1 << 20))),
    );
  }
  const recording: RecordingSummary = await service.recordings.finishImport(importId);
  originals.set(recording.id, sha256Of(bytes));
}

/** Runs `auscult sync --once`; kills it `killAfterMs` after it starts syncing (null: never). */
function runSync(killAfterMs: number | null): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawnCli(['sync', '--home', home, '--once']);
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs !== null && timer === undefined && output.includes('Syncing')) {
        timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ killed: true, output });
      if (code !== 0) return reject(new Error(`auscult sync failed (${code}): ${output}`));
      resolve({ killed: false, output });
    });
  });
}

beforeAll(async () => {
  hub = await startChildHub();
  home = join(hub.folder, 'library');
  await withLibrary(async (library, service) => {
    machineId = ((await service.machines.create(simLatheProfileJson)) as MachineDetail).id;
    for (let seed = 1; seed <= RECORDINGS; seed += 1) await importOne(service, seed);
    const linked = await connectToHub(library, {
      url: hub.url,
      name: TECHNICIAN,
      password: PASSWORD,
    });
    expect(linked).toBeNull();
  });
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

it('loses nothing when the desktop is killed 20 times while it syncs', async () => {
  const started = performance.now();
  let kills = 0;
  let finished = 0;
  let seed = RECORDINGS;
  // More tries than kills: on a calm machine a pass may finish before its kill.
  for (const delayMs of killDelaysMs(KILLS * 4, 7, 600)) {
    if (kills === KILLS) break;
    const run = await runSync(delayMs);
    if (run.killed) {
      kills += 1;
      continue;
    }
    // The pass finished before the kill: give the next run more to send than one recording.
    finished += 1;
    await withLibrary(async (_library, service) => {
      for (let more = 0; more < 3; more += 1) {
        seed += 1;
        await importOne(service, seed);
      }
    });
  }
  expect(kills).toBe(KILLS);
  await withLibrary(async (library) => {
    const check = library.store.db.prepare('PRAGMA integrity_check').all();
    expect(check.map((row) => Object.values(row)[0])).toEqual(['ok']);
    const ids = library.store.db
      .prepare('SELECT id FROM recordings')
      .all()
      .map((row) => String(row.id));
    expect(ids.sort()).toEqual([...originals.keys()].sort());
    for (const [id, sha] of originals) {
      expect(sha256Of(await readFile(library.audio.pathOf(id)))).toBe(sha);
    }
  });
  const last = await runSync(null);
  expect(last.output).toContain('Pending: 0 row(s), 0 bytes of audio.');
  for (const [id, sha] of originals) {
    const { rows } = await hub.pool.query(
      'SELECT count(*)::int AS n FROM recordings WHERE id = $1',
      [id],
    );
    expect(rows[0].n).toBe(1);
    expect(await hub.audioSha256(id)).toBe(sha);
  }
  const { rows } = await hub.pool.query('SELECT count(*)::int AS n FROM audio_objects');
  expect(rows[0].n).toBe(originals.size);
  const seconds = (performance.now() - started) / 1000;
  const megabytes = ([...originals.keys()].length * (44 + SECONDS * 96_000)) / 1e6;
  console.log(
    `desktop killed ${KILLS} times while syncing (${finished} runs finished first), ` +
      `${originals.size} recordings, ${megabytes.toFixed(1)} MB, ${seconds.toFixed(1)} s`,
  );
}, 180_000);
