/**
 * The store contract, the verdicts the lists show (node/store/types.ts, DiagnosisStore's
 * latestByMachine and MachineSummary's latestVerdict): each recording's newest diagnosis, whether
 * it was made on a usable signal and within the baseline's speeds, and every diagnosis of a
 * machine. Every store runs it next to storeContract.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../node/store/errors.ts';
import type { LibraryStore } from '../../../node/store/types.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { lathe, recordingRow, report } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';

export function describeLatestVerdictContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, latest verdicts: ${name}`, () => {
    let store: LibraryStore;
    beforeEach(async () => {
      ({ store } = await harness.fresh());
      return () => store.close();
    });

    it('gives machines and recordings their newest verdict, last recording and open faults', async () => {
      const machine = await store.machines.insert(lathe);
      const other = await store.machines.insert({ ...lathe, name: 'Lathe 2' });
      expect(await store.machines.get(machine)).toMatchObject({
        lastRecordingAt: null,
        openFaultCount: 0,
        latestVerdict: null,
      });
      const [a, b] = ['2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z'].map((at) =>
        recordingRow(crypto.randomUUID(), machine, at),
      );
      for (const row of [a, b]) await store.recordings.insert(row);
      const healthy = { ...report, anomalous: false, anomalyScore: 1.2, causes: [] };
      const add = (recordingId: string, r: DiagnosisReport) =>
        store.diagnoses.insert({ recordingId, machineId: machine, baselineId: null, report: r });
      await add(b.id, report);
      const newestOfB = await add(b.id, healthy);
      const ofA = await add(a.id, report);
      await store.faultLog.add({ machineId: machine, diagnosisId: ofA.id, note: '' });
      const verdicts = await store.diagnoses.latestByMachine(machine);
      // In the recordings' order; b's newest diagnosis (healthy) wins over its older one.
      expect(verdicts).toEqual([
        {
          diagnosisId: ofA.id,
          recordingId: a.id,
          createdAt: ofA.createdAt,
          anomalous: true,
          anomalyScore: 7.5,
          threshold: 3,
          causeId: 'unbalance',
          componentId: 'spindle',
          severity: 'serious',
          usable: true,
          outsideSpeeds: false,
        },
        expect.objectContaining({
          diagnosisId: newestOfB.id,
          anomalous: false,
          causeId: null,
          severity: null,
          usable: true,
        }),
      ]);
      const [listed] = await store.machines.list();
      expect(listed).toMatchObject({
        lastRecordingAt: b.createdAt,
        openFaultCount: 1,
        latestVerdict: verdicts[0],
      });
      expect(await store.machines.get(machine)).toMatchObject({ latestVerdict: verdicts[0] });
      expect(await store.diagnoses.latestByMachine(other)).toEqual([]);
      await expect(store.diagnoses.latestByMachine('no-such')).rejects.toThrow(NotFoundError);
    });

    it('says a verdict made on no usable signal is not usable', async () => {
      const machine = await store.machines.insert(lathe);
      const row = recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z');
      await store.recordings.insert(row);
      const silent = {
        ...report,
        anomalous: false,
        anomalyScore: 0,
        causes: [],
        input: { usable: false, problems: [] },
      } as unknown as DiagnosisReport;
      await store.diagnoses.insert({
        recordingId: row.id,
        machineId: machine,
        baselineId: null,
        report: silent,
      });
      const [verdict] = await store.diagnoses.latestByMachine(machine);
      expect(verdict).toMatchObject({ recordingId: row.id, anomalous: false, usable: false });
      expect((await store.machines.get(machine)).latestVerdict).toMatchObject({ usable: false });
    });

    it("says a verdict made outside its baseline's speeds is so", async () => {
      const machine = await store.machines.insert(lathe);
      const row = recordingRow(crypto.randomUUID(), machine, '2026-01-01T00:00:00.000Z');
      await store.recordings.insert(row);
      const outside = {
        ...report,
        anomalous: false,
        causes: [],
        outsideSpeeds: {
          code: 'outside-baseline-speeds',
          params: { shaftId: 'spindle', rpm: 2100, lowRpm: 1200, highRpm: 1800 },
        },
      } as unknown as DiagnosisReport;
      await store.diagnoses.insert({
        recordingId: row.id,
        machineId: machine,
        baselineId: null,
        report: outside,
      });
      const [verdict] = await store.diagnoses.latestByMachine(machine);
      expect(verdict).toMatchObject({ recordingId: row.id, usable: true, outsideSpeeds: true });
      expect((await store.machines.get(machine)).latestVerdict).toMatchObject({
        outsideSpeeds: true,
      });
    });

    it("lists every diagnosis of a machine's recordings, oldest first", async () => {
      const machine = await store.machines.insert(lathe);
      const other = await store.machines.insert({ ...lathe, name: 'Lathe 2' });
      const [a, b] = [machine, other].map((id) =>
        recordingRow(crypto.randomUUID(), id, '2026-01-01T00:00:00.000Z'),
      );
      for (const row of [a, b]) await store.recordings.insert(row);
      const first = await store.diagnoses.insert({
        recordingId: a.id,
        machineId: machine,
        baselineId: null,
        report,
      });
      await store.diagnoses.insert({
        recordingId: b.id,
        machineId: other,
        baselineId: null,
        report,
      });
      const second = await store.diagnoses.insert({
        recordingId: a.id,
        machineId: machine,
        baselineId: null,
        report,
        region: { startSeconds: 1, endSeconds: 2 },
      });
      expect(await store.diagnoses.listByMachine(machine)).toEqual([first, second]);
      await expect(store.diagnoses.listByMachine('no-such')).rejects.toThrow(NotFoundError);
    });
  });
}
