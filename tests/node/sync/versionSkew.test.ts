/**
 * A hub and a desktop of different versions (docs/sync.md, "Upgrading"): rows from a newer hub
 * with a column this desktop does not know are skipped and the Hub panel's status says how many
 * and why; a push a hub cannot read (an older hub, 400) is said so, and its rows stay queued.
 * The newer side is played by rewriting the real client's rows on their way.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FaultLogEntry,
  MachineDetail,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import type { SyncRow } from '../../../shared/sync/protocol.ts';
import { describePass } from '../../../node/cli/sync.ts';
import { createHubClient } from '../../../node/sync/hubClient.ts';
import type { HubClient } from '../../../node/sync/hubClient.ts';
import { readSyncRow } from '../../../node/sync/localRows.ts';
import { pendingRowCount } from '../../../node/sync/outbox.ts';
import { createSyncEngine } from '../../../node/sync/syncEngine.ts';
import { simWav } from '../library/libraryFixtures.ts';
import type { ApiFixture } from '../api/apiFixtures.ts';
import type { SyncHub } from '../hub/syncFixture.ts';
import { openLinkedDesktop } from './linkedDesktop.ts';

let hub: SyncHub;
let api: ApiFixture;
let machine: MachineDetail;

/** A row as a version with one more column sends it. */
const withNewColumn = (row: SyncRow): SyncRow => ({
  ...row,
  columns: { ...row.columns, future_column: 1 },
});

const engine = (wrap: (client: HubClient) => HubClient) =>
  createSyncEngine(api.library, { client: (url, token) => wrap(createHubClient(url, token)) });

beforeAll(async () => {
  ({ hub, api, machine } = await openLinkedDesktop());
}, 120_000);

afterAll(async () => {
  await api?.close();
  await hub?.close();
});

describe('a hub and a desktop of different versions', () => {
  it('says that the hub could not read the rows sent (an older hub) and keeps them queued', async () => {
    const older = engine((client) => ({
      ...client,
      push: (body) => client.push({ ...body, rows: body.rows.map(withNewColumn) }),
    }));
    await older.syncNow();
    const status = await older.status();
    await older.close();
    expect(status.lastError).toEqual({ code: 'hub-outdated', params: { status: 400 } });
    expect(pendingRowCount(api.library.store.db)).toBeGreaterThan(0);
  });

  it('counts the rows of a newer hub it cannot read, and says why', async () => {
    const bytes = simWav({ seed: 1, durationSeconds: 3, sampleRateHz: 16000 });
    const recording = await api.importWav(machine.id, 'check-1.wav', bytes);
    const diagnosis = (await api.call('diagnoses.run', recording.id)) as StoredDiagnosis;
    const entry = (await api.call('faultLog.add', diagnosis.id, 'rattle', 'Ana')) as FaultLogEntry;
    const plain = engine((client) => client);
    await plain.syncOnce();
    await plain.close();
    // Another desktop adds a note on the hub; the hub sends the entry with its new column.
    const ours = readSyncRow(api.library.store.db, 'fault_log', entry.id)!;
    const later = new Date(Date.parse(ours.updatedAt) + 60_000).toISOString();
    const theirs = { ...ours, updatedAt: later, columns: { ...ours.columns, note: 'bearing' } };
    const pushed = await hub.push(await hub.token('tech'), [theirs], randomUUID());
    expect(pushed.body.outcomes[0].result).toBe('applied');
    const newer = engine((client) => ({
      ...client,
      async changes(since, limit) {
        const page = await client.changes(since, limit);
        return { ...page, rows: page.rows.map(withNewColumn) };
      },
    }));
    const report = await newer.syncOnce();
    const status = await newer.status();
    await newer.close();
    expect(report.pulled.unreadable).toBeGreaterThan(0);
    expect(report.pulled.skipped).toBe(report.pulled.unreadable);
    expect(status.lastError).toEqual({
      code: 'rows-unreadable',
      params: { count: report.pulled.unreadable },
    });
    expect(status.lastSyncAt).not.toBeNull();
    expect(readSyncRow(api.library.store.db, 'fault_log', entry.id)!.columns.note).toBe('rattle');
    expect(describePass(report)).toMatch(
      new RegExp(`${report.pulled.unreadable} skipped: this version cannot read them`),
    );
  });
});
