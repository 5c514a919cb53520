/**
 * The store contract, experts' verdicts part (node/store/types.ts, VerdictStore): rows that
 * carry UUID, times and version, the newest first with the earlier ones kept, per diagnosis and
 * per machine, unknown ids refused. Every store runs it next to storeContract.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../node/store/errors.ts';
import type { LibraryStore, NewExpertVerdict } from '../../../node/store/types.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { lathe, recordingRow, report, UUID } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';

const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function verdict(diagnosisId: string, overrides: Partial<NewExpertVerdict> = {}): NewExpertVerdict {
  return {
    diagnosisId,
    automaticCauseId: 'unbalance',
    decision: 'confirm',
    causeId: 'unbalance',
    otherCause: '',
    componentId: 'spindle',
    severity: 'serious',
    action: 'Balance the chuck.',
    comment: 'Clear 1× line.',
    expertName: 'Dr Wen',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

export function describeVerdictContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, experts' verdicts: ${name}`, () => {
    let store: LibraryStore;
    let reopen: () => Promise<LibraryStore>;
    let machine: string;
    let recording: string;
    let diagnosis: string;
    beforeEach(async () => {
      ({ store, reopen } = await harness.fresh());
      machine = await store.machines.insert(lathe);
      recording = crypto.randomUUID();
      await store.recordings.insert(recordingRow(recording, machine, '2026-03-01T00:00:00.000Z'));
      const stored = await store.diagnoses.insert({
        recordingId: recording,
        machineId: machine,
        baselineId: null,
        report,
      });
      diagnosis = stored.id;
      return () => store.close();
    });

    it('writes a verdict with its UUID, times, version, machine and recording', async () => {
      const written = await store.verdicts.insert(verdict(diagnosis));
      expect(written).toEqual({
        ...verdict(diagnosis),
        id: expect.stringMatching(UUID),
        machineId: machine,
        recordingId: recording,
        createdAt: expect.stringMatching(ISO_UTC),
        updatedAt: written.createdAt,
        version: 1,
      });
      expect(await store.verdicts.version(written.id)).toEqual({
        id: written.id,
        createdAt: written.createdAt,
        updatedAt: written.createdAt,
        version: 1,
      });
      const other = await reopen();
      try {
        expect(await other.verdicts.list(diagnosis)).toEqual([written]);
      } finally {
        await other.close();
      }
    });

    it('lists newest first and keeps the earlier verdicts as history', async () => {
      const first = await store.verdicts.insert(verdict(diagnosis));
      const second = await store.verdicts.insert(
        verdict(diagnosis, {
          decision: 'correct',
          causeId: 'other',
          otherCause: 'A loose guard rattling',
          componentId: null,
          severity: null,
          action: '',
          comment: '',
          expertName: 'Li Na',
        }),
      );
      const third = await store.verdicts.insert(
        verdict(diagnosis, { decision: 'correct', causeId: 'looseness', severity: 'moderate' }),
      );
      expect(await store.verdicts.list(diagnosis)).toEqual([third, second, first]);
      expect(second).toMatchObject({ causeId: 'other', otherCause: 'A loose guard rattling' });
    });

    it("lists a machine's verdicts across its diagnoses, and no other machine's", async () => {
      const later = await store.diagnoses.insert({
        recordingId: recording,
        machineId: machine,
        baselineId: null,
        report,
      });
      const press = await store.machines.insert(
        parseMachineProfile({ id: 'press', name: 'Press 2', lineFrequencyHz: 60 }),
      );
      const pressRecording = crypto.randomUUID();
      await store.recordings.insert(
        recordingRow(pressRecording, press, '2026-03-02T00:00:00.000Z'),
      );
      const pressDiagnosis = await store.diagnoses.insert({
        recordingId: pressRecording,
        machineId: press,
        baselineId: null,
        report,
      });
      const a = await store.verdicts.insert(verdict(diagnosis));
      const b = await store.verdicts.insert(verdict(later.id, { decision: 'correct' }));
      const c = await store.verdicts.insert(verdict(pressDiagnosis.id));
      expect(await store.verdicts.listByMachine(machine)).toEqual([b, a]);
      expect(await store.verdicts.listByMachine(press)).toEqual([c]);
      expect(c.machineId).toBe(press);
      expect(await store.verdicts.list(later.id)).toEqual([b]);
    });

    it('answers an empty list for a diagnosis without verdicts', async () => {
      expect(await store.verdicts.list(diagnosis)).toEqual([]);
      expect(await store.verdicts.listByMachine(machine)).toEqual([]);
    });

    it('refuses unknown diagnoses, machines and verdicts, writing nothing', async () => {
      const missing = crypto.randomUUID();
      const refused = await rejection(store.verdicts.insert(verdict(missing)));
      expect(refused).toBeInstanceOf(NotFoundError);
      expect(refused).toMatchObject({ entity: 'diagnosis', id: missing });
      expect(await rejection(store.verdicts.list(missing))).toMatchObject({ entity: 'diagnosis' });
      expect(await rejection(store.verdicts.listByMachine(missing))).toMatchObject({
        entity: 'machine',
      });
      expect(await rejection(store.verdicts.version(missing))).toMatchObject({
        entity: 'verdict',
      });
      expect(await store.verdicts.listByMachine(machine)).toEqual([]);
    });

    it('rolls a verdict back with the transaction that wrote it', async () => {
      const failure = new Error('stop');
      const refused = await rejection(
        store.transaction(async (tx) => {
          await tx.verdicts.insert(verdict(diagnosis));
          throw failure;
        }),
      );
      expect(refused).toBe(failure);
      expect(await store.verdicts.list(diagnosis)).toEqual([]);
    });
  });
}
