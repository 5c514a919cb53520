/**
 * The first fault: the hub SIGKILLed 20 times at random moments while a desktop
 * uploads. After every kill, each recording the hub acknowledged (its row left the outbox) is
 * on the hub once, with the desktop's SHA-256; after a final clean sync, all are.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MachineDetail } from '../../../shared/api/contract.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { createHubClient, HubUnreachableError } from '../../../node/sync/hubClient.ts';
import { connectToHub } from '../../../node/sync/hubLinkApi.ts';
import { createSyncEngine } from '../../../node/sync/syncEngine.ts';
import { killDelaysMs } from '../../helpers/killChild.ts';
import { openApiFixture } from '../api/apiFixtures.ts';
import type { ApiFixture } from '../api/apiFixtures.ts';
import { noiseWav, PASSWORD, sha256Of, startChildHub, TECHNICIAN } from './faultFixture.ts';
import type { ChildHub } from './faultFixture.ts';

const KILLS = 20;
const RECORDINGS = 8;
const SECONDS = 30; // 2.9 MB each

let hub: ChildHub;
let api: ApiFixture;
let machine: MachineDetail;
let imported = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function importOne() {
  imported += 1;
  const bytes = noiseWav(imported, SECONDS);
  await api.importWav(machine.id, `round-${imported}.wav`, bytes, 1 << 20);
}

/** Every local recording's SHA-256, and whether the hub acknowledged its row (out of the outbox). */
async function localRecordings(): Promise<Map<string, { sha: string; acknowledged: boolean }>> {
  const rows = await api.library.store.transaction(async () =>
    api.library.store.db
      .prepare(
        `SELECT id, id NOT IN (SELECT row_id FROM sync_outbox WHERE table_name = 'recordings')
          AS acknowledged FROM recordings`,
      )
      .all(),
  );
  const recordings = new Map<string, { sha: string; acknowledged: boolean }>();
  for (const row of rows) {
    const id = String(row.id);
    const sha = sha256Of(await readFile(api.library.audio.pathOf(id)));
    recordings.set(id, { sha, acknowledged: Number(row.acknowledged) === 1 });
  }
  return recordings;
}

/**
 * What the hub holds is right: audio it took (complete uploads) is the desktop's, byte for byte;
 * every acknowledged row is there once; no audio of anything else. Answers how many audio files
 * and rows the hub had taken.
 */
async function expectOnHub(recordings: Map<string, { sha: string; acknowledged: boolean }>) {
  let audio = 0;
  let rows = 0;
  for (const [id, { sha, acknowledged }] of recordings) {
    const held = await hub.audioSha256(id);
    if (held !== null) {
      expect(held).toBe(sha);
      audio += 1;
    }
    const found = await hub.pool.query('SELECT count(*)::int AS n FROM recordings WHERE id = $1', [
      id,
    ]);
    // A row the hub took just before a kill cut its answer is there though still queued here.
    expect(found.rows[0].n).toBe(acknowledged ? 1 : found.rows[0].n > 0 ? 1 : 0);
    if (found.rows[0].n > 0) expect(held).toBe(sha);
    rows += found.rows[0].n;
  }
  const stray = await hub.pool.query('SELECT id FROM audio_objects WHERE NOT (id = ANY($1))', [
    [...recordings.keys()],
  ]);
  expect(stray.rows).toEqual([]);
  return { audio, rows };
}

beforeAll(async () => {
  hub = await startChildHub();
  api = await openApiFixture();
  machine = (await api.call('machines.create', simLatheProfileJson)) as MachineDetail;
  for (let i = 0; i < RECORDINGS; i += 1) await importOne();
  const linked = await connectToHub(api.library, {
    url: hub.url,
    name: TECHNICIAN,
    password: PASSWORD,
  });
  expect(linked).toBeNull();
}, 120_000);

afterAll(async () => {
  await api?.close();
  await hub?.close();
});

it('keeps every acknowledged recording whole and single while the hub is killed 20 times', async () => {
  const started = performance.now();
  let chunksInFlight = 0;
  const engine = createSyncEngine(api.library, {
    client: (url, token) => {
      const client = createHubClient(url, token);
      return {
        ...client,
        async putChunk(...args) {
          chunksInFlight += 1;
          try {
            const state = await client.putChunk(...args);
            ackedBytes += args[3].length;
            return state;
          } finally {
            chunksInFlight -= 1;
          }
        },
      };
    },
  });
  let ackedBytes = 0;
  let done = false;
  let failedPasses = 0;
  const desktop = (async () => {
    while (!done) {
      try {
        await engine.syncOnce();
        // Always something to upload while the hub is being killed.
        if (!done) await importOne();
      } catch (error) {
        if (!(error instanceof HubUnreachableError)) throw error;
        failedPasses += 1;
        await sleep(50);
      }
    }
  })();
  let killsDuringUpload = 0;
  for (const delayMs of killDelaysMs(KILLS, 12, 1000)) {
    await sleep(100 + delayMs);
    if (chunksInFlight > 0) killsDuringUpload += 1;
    await hub.kill();
    await expectOnHub(await localRecordings());
    await hub.start();
  }
  done = true;
  await desktop;
  const beforeFinal = await expectOnHub(await localRecordings());
  await engine.syncOnce();
  const all = await localRecordings();
  expect(all.size).toBe(imported);
  expect([...all.values()].every((r) => r.acknowledged)).toBe(true);
  expect(await expectOnHub(all)).toEqual({ audio: imported, rows: imported });
  const { rows } = await hub.pool.query('SELECT count(*)::int AS n FROM audio_objects');
  expect(rows[0].n).toBe(imported);
  await engine.close();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `hub killed ${KILLS} times (${killsDuringUpload} with a chunk in flight), ${failedPasses} passes cut, ` +
      `${imported} recordings (${beforeFinal.audio} complete on the hub before the final pass), ` +
      `${(ackedBytes / 1e6).toFixed(1)} MB taken in chunks, ${seconds.toFixed(1)} s`,
  );
  expect(killsDuringUpload).toBeGreaterThan(KILLS / 2);
}, 180_000);
