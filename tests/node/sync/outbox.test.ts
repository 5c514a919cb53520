/**
 * The outbox (migration 9): every write of the store, through the same API the hosts use,
 * queues its row once; rows applied from the hub queue nothing; the demo stays here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  FaultLogEntry,
  MachineDetail,
  RecordingSummary,
  StoredDiagnosis,
} from '../../../shared/api/contract.ts';
import type { SyncTable } from '../../../shared/sync/protocol.ts';
import { simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { applyRows } from '../../../node/sync/applyRows.ts';
import { pendingRowCount, queuedAudio, queuedRows } from '../../../node/sync/outbox.ts';
import { readSyncRow } from '../../../node/sync/localRows.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { simWav, temporaryFolder } from '../library/libraryFixtures.ts';
import { openApiFixture, pollJob } from '../api/apiFixtures.ts';
import type { ApiFixture } from '../api/apiFixtures.ts';

let api: ApiFixture;
let machine: MachineDetail;
let recordings: RecordingSummary[];

function outbox(): { table: string; id: string; changes: number }[] {
  return api.library.store.db
    .prepare('SELECT table_name, row_id, changes FROM sync_outbox ORDER BY table_name, row_id')
    .all()
    .map((row) => ({
      table: String(row.table_name),
      id: String(row.row_id),
      changes: Number(row.changes),
    }));
}

function idsOf(table: SyncTable): string[] {
  return api.library.store.db
    .prepare(`SELECT id FROM ${table} ORDER BY id`)
    .all()
    .map((row) => String(row.id));
}

beforeAll(async () => {
  api = await openApiFixture();
  machine = (await api.call('machines.create', simLatheProfileJson)) as MachineDetail;
  recordings = [];
  for (const seed of [1, 2]) {
    const bytes = simWav({ seed, durationSeconds: 3, sampleRateHz: 16000 });
    recordings.push(await api.importWav(machine.id, `healthy-${seed}.wav`, bytes));
  }
  const jobId = (await api.call('baselines.build', machine.id, [
    recordings[0].id,
    recordings[1].id,
  ])) as string;
  await pollJob(api.call, jobId);
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe('the outbox', () => {
  it('queues every row each write makes, once, in every table that travels', async () => {
    const diagnosis = (await api.call('diagnoses.run', recordings[0].id)) as StoredDiagnosis;
    const entry = (await api.call('faultLog.add', diagnosis.id, 'loud', 'Ana')) as FaultLogEntry;
    await api.call('faultLog.transition', entry.id, 'acknowledged', { by: 'Ana', reason: '' });
    await api.call('verdicts.record', diagnosis.id, {
      decision: 'correct',
      causeId: 'other',
      otherCause: 'Coolant pump',
      componentId: null,
      severity: null,
      action: '',
      comment: '',
      expertName: 'Bo',
    });
    const expected = (
      [
        'machines',
        'recordings',
        'baselines',
        'diagnoses',
        'fault_log',
        'fault_log_events',
        'expert_verdicts',
      ] as const
    ).flatMap((table) => idsOf(table).map((id) => ({ table, id })));
    // Every table has a row, and every row exactly one entry.
    expect(new Set(expected.map((e) => e.table)).size).toBe(7);
    const key = (e: { table: string; id: string }) => `${e.table}/${e.id}`;
    expect(outbox().map(key).sort()).toEqual(expected.map(key).sort());
    // The entry moved to 'acknowledged' twice was written twice: still one entry, two changes.
    expect(outbox().find((e) => e.id === entry.id)?.changes).toBe(2);
  });

  it('counts a later write of a queued row as one more change of the same entry', async () => {
    const before = outbox().find((e) => e.id === machine.id)?.changes ?? 0;
    await api.call('machines.update', machine.id, { ...simLatheProfileJson, name: 'Lathe 2' });
    const entries = outbox().filter((e) => e.id === machine.id);
    expect(entries).toHaveLength(1);
    expect(entries[0].changes).toBe(before + 1);
  });

  it('queues nothing for rows applied from the hub, and clears the guard after', async () => {
    const db = api.library.store.db;
    db.prepare('DELETE FROM sync_outbox').run();
    const diagnosis = readSyncRow(db, 'diagnoses', idsOf('diagnoses')[0]);
    const verdict = readSyncRow(db, 'expert_verdicts', idsOf('expert_verdicts')[0]);
    const fromHub = {
      table: 'expert_verdicts' as const,
      id: '6f1c2c39-3d3e-4b7a-9d55-0c1d2e3f4a5b',
      version: 1,
      updatedAt: '2030-01-01T00:00:00.000Z',
      columns: { ...verdict!.columns, created_at: '2030-01-01T00:00:00.000Z' },
    };
    const newerDiagnosis = {
      ...diagnosis!,
      version: diagnosis!.version + 1,
      updatedAt: '2030-01-01T00:00:00.000Z',
      columns: { ...diagnosis!.columns },
    };
    const counts = await api.library.store.transaction(async () =>
      applyRows(db, [fromHub, newerDiagnosis], new Date()),
    );
    expect(counts).toEqual({ applied: 2, kept: 0, skipped: 0, unreadable: 0 });
    expect(outbox()).toEqual([]);
    expect(Number(db.prepare('SELECT applying FROM sync_state').get()?.applying)).toBe(0);
    // The next write of this library queues again.
    await api.call('machines.update', machine.id, simLatheProfileJson);
    expect(outbox()).toEqual([{ table: 'machines', id: machine.id, changes: 1 }]);
  });
});

describe('the demo machine', () => {
  it('stays on this computer: its rows are never queued', async () => {
    const folder = await temporaryFolder('auscult-outbox-demo-');
    const library = await openLibrary(folder.path, { demo: true });
    try {
      const machines = Number(
        library.store.db.prepare('SELECT count(*) AS n FROM machines').get()?.n,
      );
      expect(machines).toBe(1);
      expect(library.store.db.prepare('SELECT * FROM sync_outbox').all()).toEqual([]);
    } finally {
      await library.close();
      await folder.remove();
    }
  });
});

describe('a machine that is only a review (a bundle from another library)', () => {
  it('keeps its rows and audio queued but not sent until it is adopted', async () => {
    const { db } = api.library.store;
    const reviewed = (await api.call('machines.create', simLatheProfileJson)) as MachineDetail;
    const bytes = simWav({ seed: 9, durationSeconds: 3, sampleRateHz: 16000 });
    const recording = await api.importWav(reviewed.id, 'sent.wav', bytes);
    const before = pendingRowCount(db);
    await api.library.store.reviews.insert({
      id: crypto.randomUUID(),
      machineId: reviewed.id,
      recordingIds: [recording.id],
      notes: [],
      senderName: 'Ana',
      sentAt: '2026-12-01T08:00:00.000Z',
      bundleName: 'lathe.auscult',
    });
    const sent = (table: SyncTable) => queuedRows(db, table, 500).map((row) => row.rowId);
    expect(sent('machines')).not.toContain(reviewed.id);
    expect(sent('recordings')).not.toContain(recording.id);
    expect(queuedAudio(db).map((audio) => audio.recordingId)).not.toContain(recording.id);
    // Its rows wait in the outbox: the machine and the recording are no longer counted.
    expect(pendingRowCount(db)).toBe(before - 2);
    await api.library.store.reviews.adopt(reviewed.id);
    expect(sent('machines')).toContain(reviewed.id);
    expect(sent('recordings')).toContain(recording.id);
    expect(queuedAudio(db).map((audio) => audio.recordingId)).toContain(recording.id);
  });
});
