/**
 * The desktop's sync engine against a real hub (PostgreSQL, the hub's HTTP routes): audio and
 * rows go up, an interrupted upload resumes where it stopped, a row written during its push
 * stays queued, and a row changed later on the hub wins with the desktop's copy in history.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FaultLogEntry,
  MachineDetail,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { createHubClient } from '../../../node/sync/hubClient.ts';
import type { HubClient } from '../../../node/sync/hubClient.ts';
import { readLink } from '../../../node/sync/linkState.ts';
import { readSyncRow } from '../../../node/sync/localRows.ts';
import { createSyncEngine } from '../../../node/sync/syncEngine.ts';
import { simWav } from '../library/libraryFixtures.ts';
import type { ApiFixture } from '../api/apiFixtures.ts';
import { sha256 } from '../hub/syncFixture.ts';
import type { SyncHub } from '../hub/syncFixture.ts';
import { openLinkedDesktop } from './linkedDesktop.ts';

let hub: SyncHub;
let api: ApiFixture;
let machine: MachineDetail;
/** Wraps the next client the engine makes (null: the real one). */
let wrap: ((client: HubClient) => HubClient) | null = null;

const engine = () =>
  createSyncEngine(api.library, {
    client: (url, token) => {
      const client = createHubClient(url, token);
      return wrap ? wrap(client) : client;
    },
  });

function outbox(): { table: string; id: string; changes: number }[] {
  return api.library.store.db
    .prepare('SELECT table_name, row_id, changes FROM sync_outbox')
    .all()
    .map((r) => ({
      table: String(r.table_name),
      id: String(r.row_id),
      changes: Number(r.changes),
    }));
}

async function importRecording(seed: number, seconds = 3) {
  const bytes = simWav({ seed, durationSeconds: seconds, sampleRateHz: 16000 });
  return api.importWav(machine.id, `check-${seed}.wav`, bytes);
}

async function hubAudioSha(recordingId: string): Promise<string | null> {
  const answer = await hub.request(
    await hub.token('admin'),
    'GET',
    `hub/sync/audio/${recordingId}/audio`,
  );
  return answer.body.complete ? answer.body.sha256 : null;
}

beforeAll(async () => {
  ({ hub, api, machine } = await openLinkedDesktop());
}, 120_000);

afterAll(async () => {
  await api?.close();
  await hub?.close();
});

describe('a sync pass', () => {
  it('sends the audio and the rows, and empties the outbox', async () => {
    const recording = await importRecording(1);
    const report = await engine().syncOnce();
    expect(report.audioFiles).toBe(1);
    expect(report.pushedRows).toBe(2);
    expect(outbox()).toEqual([]);
    const local = await readFile(api.library.audio.pathOf(recording.id));
    expect(await hubAudioSha(recording.id)).toBe(sha256(local));
    const { rows } = await hub.pool.query('SELECT id FROM recordings');
    expect(rows.map((r) => r.id)).toEqual([recording.id]);
    expect(readLink(api.library.store.db)?.lastSyncAt).not.toBeNull();
  });

  it('resumes an upload cut halfway from the byte the hub holds', async () => {
    const recording = await importRecording(2, 8);
    const bytes = await readFile(api.library.audio.pathOf(recording.id));
    // The connection is cut after the hub took the first chunk: the pass fails…
    wrap = (client) => ({
      ...client,
      async putChunk(id, part, start, chunk, total, hash) {
        const half = chunk.subarray(0, Math.floor(chunk.length / 2));
        await client.putChunk(id, part, start, half, total, hash);
        throw new Error('connection cut');
      },
    });
    await expect(engine().syncOnce()).rejects.toThrow('connection cut');
    expect(await hubAudioSha(recording.id)).toBeNull();
    // …and the next one sends only the rest.
    wrap = null;
    const report = await engine().syncOnce();
    expect(report.audioBytes).toBe(bytes.length - Math.floor(bytes.length / 2));
    expect(await hubAudioSha(recording.id)).toBe(sha256(bytes));
    expect(outbox()).toEqual([]);
  });

  it('keeps a row queued when it was written again while its push was on the way', async () => {
    await api.call('machines.update', machine.id, { ...simLatheProfileJson, name: 'Lathe A' });
    wrap = (client) => ({
      ...client,
      async push(body) {
        const answer = await client.push(body);
        await api.call('machines.update', machine.id, { ...simLatheProfileJson, name: 'Lathe B' });
        return answer;
      },
    });
    await engine().syncOnce();
    wrap = null;
    // Written twice (A, then B during the push): still queued, with both writes counted.
    expect(outbox()).toEqual([{ table: 'machines', id: machine.id, changes: 2 }]);
    await engine().syncOnce();
    expect(outbox()).toEqual([]);
    const { rows } = await hub.pool.query('SELECT name FROM machines WHERE id = $1', [machine.id]);
    expect(rows[0].name).toBe('Lathe B');
  });

  it('takes the hub’s later copy of an entry changed on both sides and keeps its own in history', async () => {
    const [recording] = (await api.call('recordings.list', machine.id)) as { id: string }[];
    const diagnosis = (await api.call('diagnoses.run', recording.id)) as StoredDiagnosis;
    const entry = (await api.call('faultLog.add', diagnosis.id, 'rattle', 'Ana')) as FaultLogEntry;
    await engine().syncOnce();
    // Here: acknowledged by Ana. On the hub, a moment later: another desktop's note.
    await api.call('faultLog.transition', entry.id, 'acknowledged', { by: 'Ana', reason: '' });
    const ours = readSyncRow(api.library.store.db, 'fault_log', entry.id)!;
    const later = new Date(Date.parse(ours.updatedAt) + 60_000).toISOString();
    const theirs = {
      ...ours,
      updatedAt: later,
      columns: { ...ours.columns, note: 'rattle, left bearing' },
    };
    const pushed = await hub.push(await hub.token('tech'), [theirs], randomUUID());
    expect(pushed.body.outcomes[0].result).toBe('applied');
    await engine().syncOnce();
    const now = readSyncRow(api.library.store.db, 'fault_log', entry.id)!;
    expect(now.columns.note).toBe('rattle, left bearing');
    expect(now.updatedAt).toBe(later);
    const history = api.library.store.db
      .prepare('SELECT source, columns FROM sync_row_history WHERE row_id = ?')
      .all(entry.id);
    expect(history).toHaveLength(1);
    expect(history[0].source).toBe('desktop');
    expect(JSON.parse(String(history[0].columns)).status).toBe('acknowledged');
    expect(JSON.parse(String(history[0].columns)).note).toBe('rattle');
    // The hub kept its copy too, and the outbox is empty: nothing goes back and forth.
    const { rows } = await hub.pool.query('SELECT note FROM fault_log WHERE id = $1', [entry.id]);
    expect(rows[0].note).toBe('rattle, left bearing');
    expect(outbox()).toEqual([]);
  });

  it('syncs soon after each burst of writes, however many rows each queued', async () => {
    // Each import queues the same number of rows: the second burst leaves the outbox looking as
    // the first did, and must still start a pass (not wait for the 60 s interval).
    const background = createSyncEngine(api.library, { debounceMs: 50, intervalMs: 60_000 });
    background.start();
    try {
      await background.syncOnce();
      for (const seed of [5, 6]) {
        await importRecording(seed, 1);
        background.nudge();
        await expect.poll(() => [seed, outbox()], { timeout: 10_000 }).toEqual([seed, []]);
      }
    } finally {
      await background.close();
    }
  });

  it('syncs soon after a write even while calls keep coming (a page polling its status)', async () => {
    const background = createSyncEngine(api.library, { debounceMs: 200, intervalMs: 60_000 });
    background.start();
    const poll = setInterval(() => background.nudge(), 50);
    try {
      await background.syncOnce();
      await importRecording(7, 1);
      await expect.poll(() => outbox(), { timeout: 10_000 }).toEqual([]);
    } finally {
      clearInterval(poll);
      await background.close();
    }
  });

  it('stops and says so when the hub refused this device (its token revoked)', async () => {
    const token = readLink(api.library.store.db)!.deviceToken;
    await hub.pool.query('UPDATE sessions SET revoked_at = now() WHERE token_sha256 = $1', [
      sha256(new TextEncoder().encode(token)),
    ]);
    await api.call('machines.update', machine.id, { ...simLatheProfileJson, name: 'Lathe C' });
    const status = await engine().syncNow();
    expect(status.lastError).toEqual({ code: 'hub-refused', params: {} });
    expect(status.pendingRows).toBe(1);
    expect(status.hubUrl).toBe(hub.hub.url);
  });
});
