/**
 * Pulling changes from a hub on a real PostgreSQL cluster, over HTTP: page by page in write order
 * from a cursor, a plant's rows only, and never a cursor past a write still committing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SYNC_ROWS } from '../../../shared/sync/protocol.ts';
import type { SyncRow } from '../../../shared/sync/protocol.ts';
import { rowDigest } from '../../../node/sync/rowDigest.ts';
import { faultRow, machineRow, outcomes, startSyncHub } from './syncFixture.ts';
import type { SyncHub } from './syncFixture.ts';

let sync: SyncHub;
let tech: string;
const MACHINE = randomUUID();

beforeAll(async () => {
  sync = await startSyncHub();
  tech = await sync.token('tech');
});
afterAll(async () => sync?.close());

describe('pulling changes from the hub', () => {
  it('pages through the changes in write order and picks up a later write from the cursor', async () => {
    await sync.push(tech, [machineRow(MACHINE)]);
    const notes = ['One', 'Two', 'Three'].map((note) => faultRow(randomUUID(), MACHINE, note));
    expect(outcomes(await sync.push(tech, notes))).toEqual(['applied', 'applied', 'applied']);
    const expert = await sync.token('expert');
    const seen: SyncRow[] = [];
    let cursor = '0';
    for (let page = 0; ; page++) {
      const answer = await sync.request(expert, 'GET', `hub/sync/changes?since=${cursor}&limit=2`);
      expect(answer.status).toBe(200);
      expect(answer.body.rows.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.rows);
      cursor = answer.body.cursor;
      // A change made on the hub after the first page comes in a later one.
      if (page === 0) {
        await sync.pool.query(
          'UPDATE fault_log SET archived = true, version = 2, updated_at = now() WHERE id = $1',
          [notes[2].id],
        );
      }
      if (!answer.body.more) break;
      expect(page).toBeLessThan(20);
    }
    const copies = seen.filter((change) => change.id === notes[2].id);
    expect(copies.at(-1)).toMatchObject({ version: 2, columns: { archived: true } });
    for (const note of notes.slice(0, 2)) {
      const pulled = seen.find((change) => change.id === note.id);
      expect(pulled).toMatchObject({ table: 'fault_log', version: 1, updatedAt: note.updatedAt });
      expect(rowDigest(pulled!.columns)).toBe(rowDigest(note.columns));
    }
    // A change made on the hub after the last page comes with the next pull, and only it.
    await sync.pool.query(
      "UPDATE fault_log SET status = 'acknowledged', version = version + 1, updated_at = now() WHERE id = $1",
      [notes[1].id],
    );
    const next = await sync.request(expert, 'GET', `hub/sync/changes?since=${cursor}`);
    expect(next.body.rows.map((change: SyncRow) => [change.id, change.columns.status])).toEqual([
      [notes[1].id, 'acknowledged'],
    ]);
    expect(next.body.more).toBe(false);
    const south = await sync.token('south');
    const theirs = await sync.request(south, 'GET', 'hub/sync/changes?since=0');
    expect(theirs.body).toMatchObject({ rows: [], more: false });
    for (const query of ['since=-1', 'since=abc', 'limit=0', `limit=${MAX_SYNC_ROWS + 1}`]) {
      expect((await sync.request(expert, 'GET', `hub/sync/changes?${query}`)).status).toBe(400);
    }
  });

  it('never lets a cursor pass a write that commits after a later one was numbered', async () => {
    await sync.push(tech, [machineRow(MACHINE)]);
    const [first, second] = ['First', 'Second'].map((note) =>
      faultRow(randomUUID(), MACHINE, note),
    );
    await sync.push(tech, [first, second]);
    const pull = async (since: string) =>
      (await sync.request(tech, 'GET', `hub/sync/changes?since=${since}`)).body;
    const start = (await pull('0')).cursor as string;
    const slow = await sync.pool.connect();
    try {
      await slow.query('BEGIN');
      await slow.query("UPDATE fault_log SET note = 'slow' WHERE id = $1", [first.id]);
      // A later writer waits for the open transaction instead of committing a higher number
      // before it: a reader in between sees neither.
      let laterDone = false;
      const later = sync.pool
        .query("UPDATE fault_log SET note = 'quick' WHERE id = $1", [second.id])
        .then(() => (laterDone = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const between = await pull(start);
      expect(laterDone).toBe(false);
      expect(between.rows).toEqual([]);
      await slow.query('COMMIT');
      await later;
      const after = await pull(between.cursor);
      expect(after.rows.map((change: SyncRow) => change.columns.note)).toEqual(['slow', 'quick']);
    } finally {
      slow.release();
    }
  });
});
