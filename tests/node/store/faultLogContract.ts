/**
 * The store contract, fault-log workflow part: statuses, history events, the archive flag and
 * two writers at once (node/store/types.ts, FaultLogStore). Every store runs it next to
 * storeContract.ts with the same harness.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../node/store/errors.ts';
import type { FaultLogTransition, LibraryStore } from '../../../node/store/types.ts';
import { FaultLogRuleError } from '../../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../../shared/faultLog/workflow.ts';
import { lathe, recordingRow } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function move(toStatus: FaultStatus, by = 'Ana', reason = ''): FaultLogTransition {
  return { toStatus, by, reason, followUpRecordingId: null };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

export function describeFaultLogContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, fault-log workflow: ${name}`, () => {
    let store: LibraryStore;
    let reopen: () => Promise<LibraryStore>;
    let machine: string;
    let recording: string;
    beforeEach(async () => {
      ({ store, reopen } = await harness.fresh());
      machine = await store.machines.insert(lathe);
      recording = crypto.randomUUID();
      await store.recordings.insert(recordingRow(recording, machine, '2026-03-01T00:00:00.000Z'));
      return () => store.close();
    });

    const addEntry = () =>
      store.faultLog.add({ machineId: machine, note: 'loud', recordedBy: 'Li' });

    it('starts an entry open, with its creation as the first event of its history', async () => {
      const entry = await addEntry();
      expect(entry).toMatchObject({ status: 'open', archived: false, recordedBy: 'Li' });
      expect(await store.faultLog.get(entry.id)).toEqual(entry);
      expect(await store.faultLog.history(entry.id)).toEqual([
        {
          id: expect.any(String),
          entryId: entry.id,
          at: entry.createdAt,
          by: 'Li',
          kind: 'created',
          fromStatus: null,
          toStatus: 'open',
          reason: '',
          followUpRecordingId: null,
        },
      ]);
      expect(await store.faultLog.version(entry.id)).toMatchObject({ id: entry.id, version: 1 });
    });

    it('moves forward, skips steps, keeps every change in order and bumps the version', async () => {
      const entry = await addEntry();
      await store.faultLog.transition(entry.id, move('acknowledged', 'Ana', 'seen'));
      const repaired = await store.faultLog.transition(entry.id, move('repaired', 'Bo'));
      expect(repaired.status).toBe('repaired');
      const verified = await store.faultLog.transition(entry.id, {
        ...move('verified', 'Cai'),
        followUpRecordingId: recording,
      });
      expect(verified).toMatchObject({ status: 'verified', followUpRecordingId: recording });
      const history = await store.faultLog.history(entry.id);
      expect(history.map((e) => [e.kind, e.fromStatus, e.toStatus, e.by, e.reason])).toEqual([
        ['created', null, 'open', 'Li', ''],
        ['status', 'open', 'acknowledged', 'Ana', 'seen'],
        ['status', 'acknowledged', 'repaired', 'Bo', ''],
        ['status', 'repaired', 'verified', 'Cai', ''],
      ]);
      expect(history[3].followUpRecordingId).toBe(recording);
      for (const event of history) expect(event.at).toMatch(ISO_UTC);
      const times = history.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(new Set(history.map((e) => e.id)).size).toBe(4);
      const version = await store.faultLog.version(entry.id);
      expect(version.version).toBe(4);
      expect(version.updatedAt).toBe(history[3].at);
    });

    it.each([
      ['open', 'open', 'transition-not-allowed'],
      ['repaired', 'acknowledged', 'transition-not-allowed'],
      ['dismissed', 'repaired', 'transition-not-allowed'],
      ['open', 'dismissed', 'reason-required'],
      ['open', 'verified', 'follow-up-required'],
    ] as const)('refuses %s → %s (%s) and leaves nothing changed', async (from, to, problem) => {
      const entry = await addEntry();
      if (from !== 'open') {
        await store.faultLog.transition(entry.id, move(from, 'Ana', 'not needed'));
      }
      const before = {
        record: await store.faultLog.get(entry.id),
        history: await store.faultLog.history(entry.id),
        version: await store.faultLog.version(entry.id),
      };
      const error = await rejection(store.faultLog.transition(entry.id, move(to, 'Bo', ' ')));
      expect(error).toBeInstanceOf(FaultLogRuleError);
      expect(error).toMatchObject({ problem });
      if (problem === 'transition-not-allowed') {
        expect((error as FaultLogRuleError).params).toEqual({ from, to });
      }
      expect(await store.faultLog.get(entry.id)).toEqual(before.record);
      expect(await store.faultLog.history(entry.id)).toEqual(before.history);
      expect(await store.faultLog.version(entry.id)).toEqual(before.version);
    });

    it('dismisses with a reason from any status before verified, and then nothing more', async () => {
      const entry = await addEntry();
      await store.faultLog.transition(entry.id, move('repair-planned'));
      const dismissed = await store.faultLog.transition(
        entry.id,
        move('dismissed', 'Ana', 'sensor was loose'),
      );
      expect(dismissed.status).toBe('dismissed');
      expect((await store.faultLog.history(entry.id)).at(-1)).toMatchObject({
        fromStatus: 'repair-planned',
        toStatus: 'dismissed',
        reason: 'sensor was loose',
      });
      await expect(store.faultLog.transition(entry.id, move('repaired'))).rejects.toThrow(
        FaultLogRuleError,
      );
    });

    it('refuses an unknown follow-up recording and an unknown entry with NotFoundError', async () => {
      const entry = await addEntry();
      await expect(
        store.faultLog.transition(entry.id, { ...move('verified'), followUpRecordingId: 'nope' }),
      ).rejects.toThrow(NotFoundError);
      expect((await store.faultLog.get(entry.id)).status).toBe('open');
      for (const check of [
        () => store.faultLog.get('nope'),
        () => store.faultLog.history('nope'),
        () => store.faultLog.version('nope'),
        () => store.faultLog.transition('nope', move('acknowledged')),
        () => store.faultLog.setArchived('nope', true, 'Ana'),
      ]) {
        await expect(check()).rejects.toBeInstanceOf(NotFoundError);
      }
    });

    it('archives and unarchives with events; the same value again writes nothing', async () => {
      const entry = await addEntry();
      expect((await store.machines.get(machine)).openFaultCount).toBe(1);
      const archived = await store.faultLog.setArchived(entry.id, true, 'Ana');
      expect(archived).toMatchObject({ archived: true, status: 'open' });
      expect((await store.machines.get(machine)).openFaultCount).toBe(0);
      expect(await store.faultLog.listByMachine(machine)).toEqual([archived]);
      await store.faultLog.setArchived(entry.id, true, 'Ana');
      expect(await store.faultLog.version(entry.id)).toMatchObject({ version: 2 });
      const back = await store.faultLog.setArchived(entry.id, false, 'Bo');
      expect(back.archived).toBe(false);
      const history = await store.faultLog.history(entry.id);
      expect(history.map((e) => [e.kind, e.by, e.fromStatus, e.toStatus])).toEqual([
        ['created', 'Li', null, 'open'],
        ['archived', 'Ana', 'open', 'open'],
        ['unarchived', 'Bo', 'open', 'open'],
      ]);
      expect(await store.faultLog.version(entry.id)).toMatchObject({ version: 3 });
    });

    it('counts verified and dismissed entries as no longer open', async () => {
      const [a, b] = [await addEntry(), await addEntry(), await addEntry()];
      await store.faultLog.transition(a.id, move('dismissed', 'Ana', 'false alarm'));
      await store.faultLog.transition(b.id, {
        ...move('verified'),
        followUpRecordingId: recording,
      });
      expect((await store.machines.get(machine)).openFaultCount).toBe(1);
    });

    it('lets one of two writers moving the same entry at once win, and keeps both stores agreeing', async () => {
      const entries = [await addEntry(), await addEntry(), await addEntry()];
      const second = await reopen();
      try {
        const attempts = entries.flatMap((entry) => [
          store.faultLog.transition(entry.id, move('acknowledged', 'Ana')),
          second.faultLog.transition(entry.id, move('acknowledged', 'Bo')),
        ]);
        const results = await Promise.allSettled(attempts);
        for (let i = 0; i < results.length; i += 2) {
          const pair = [results[i], results[i + 1]];
          expect(pair.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
          const [refused] = pair.filter((r) => r.status === 'rejected');
          expect(refused.reason).toMatchObject({ problem: 'transition-not-allowed' });
        }
        for (const entry of entries) {
          const history = await second.faultLog.history(entry.id);
          expect(history.map((e) => e.toStatus)).toEqual(['open', 'acknowledged']);
          expect(await store.faultLog.history(entry.id)).toEqual(history);
          expect(await store.faultLog.version(entry.id)).toMatchObject({ version: 2 });
        }
      } finally {
        await second.close();
      }
    });
  });
}
