/**
 * The store contract, experts' queue part (DiagnosisStore.awaitingReview): the newest diagnosis
 * of each recording without a verdict, abnormal or unusable first, newest first, in keyset
 * pages, limited to given machines. Every store runs it next to storeContract.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LibraryStore, ReviewQueueQuery } from '../../../node/store/types.ts';
import type { DiagnosisReport } from '../../../shared/diagnosis/report.ts';
import { lathe, recordingRow, report } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';

const normal = { ...report, anomalous: false, causes: [] } as unknown as DiagnosisReport;
const unusable = {
  ...normal,
  input: { usable: false, problems: [] },
} as unknown as DiagnosisReport;

/** Diagnoses made a few ms apart, so that "newest" is not a tie. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

export function describeReviewQueueContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, experts' queue: ${name}`, () => {
    let store: LibraryStore;
    let north: string;
    let south: string;
    beforeEach(async () => {
      ({ store } = await harness.fresh());
      north = await store.machines.insert(lathe);
      south = await store.machines.insert({ ...lathe, name: 'Press 2' });
      return () => store.close();
    });

    /** A recording of `machineId` with diagnoses of these reports, oldest first. */
    async function recordingWith(machineId: string, reports: DiagnosisReport[]) {
      const recording = crypto.randomUUID();
      await store.recordings.insert(recordingRow(recording, machineId, '2026-03-01T00:00:00.000Z'));
      const ids: string[] = [];
      for (const made of reports) {
        await tick();
        ids.push(
          (
            await store.diagnoses.insert({
              recordingId: recording,
              machineId,
              baselineId: null,
              report: made,
            })
          ).id,
        );
      }
      return { recording, diagnoses: ids };
    }

    const query = (overrides: Partial<ReviewQueueQuery> = {}): ReviewQueueQuery => ({
      limit: 50,
      after: null,
      machineIds: null,
      ...overrides,
    });

    it('lists the newest unjudged diagnosis of each recording, abnormal or unusable first', async () => {
      const quiet = await recordingWith(north, [normal]);
      const loud = await recordingWith(north, [report]);
      // Diagnosed again and now normal: the newer diagnosis is the one to review.
      const again = await recordingWith(south, [report, normal]);
      const judged = await recordingWith(north, [report]);
      const silent = await recordingWith(south, [unusable]);
      await store.verdicts.insert({
        diagnosisId: judged.diagnoses[0],
        automaticCauseId: 'unbalance',
        decision: 'confirm',
        causeId: 'unbalance',
        otherCause: '',
        componentId: null,
        severity: null,
        action: '',
        comment: '',
        expertName: 'Dr Wen',
      });
      const { items, next } = await store.diagnoses.awaitingReview(query());
      expect(next).toBeNull();
      expect(items.map((item) => item.diagnosisId)).toEqual([
        silent.diagnoses[0],
        loud.diagnoses[0],
        again.diagnoses[1],
        quiet.diagnoses[0],
      ]);
      expect(items[1]).toMatchObject({
        recordingId: loud.recording,
        recordingName: `${loud.recording}.wav`,
        machineId: north,
        machineName: 'Lathe 1',
        plantName: null,
        verdict: { anomalous: true, causeId: 'unbalance', usable: true },
      });
      expect(items[0].verdict.usable).toBe(false);
      expect(items[1].createdAt).toBe(items[1].verdict.createdAt);
    });

    it('pages by keyset without repeating or skipping, and limits to given machines', async () => {
      const made: string[] = [];
      for (let index = 0; index < 5; index++) {
        made.push(
          (await recordingWith(index % 2 ? south : north, [index < 2 ? report : normal]))
            .diagnoses[0],
        );
      }
      const seen: string[] = [];
      let after: ReviewQueueQuery['after'] = null;
      for (let page = 0; page < 3; page++) {
        const rows = await store.diagnoses.awaitingReview(query({ limit: 2, after }));
        seen.push(...rows.items.map((item) => item.diagnosisId));
        after = rows.next;
        if (page < 2) expect(after).not.toBeNull();
      }
      expect(after).toBeNull();
      expect(seen).toEqual([made[1], made[0], made[4], made[3], made[2]]);
      const southOnly = await store.diagnoses.awaitingReview(query({ machineIds: [south] }));
      expect(southOnly.items.map((item) => item.diagnosisId)).toEqual([made[1], made[3]]);
      const none = await store.diagnoses.awaitingReview(query({ machineIds: [] }));
      expect(none.items).toEqual([]);
    });
  });
}
