/**
 * The store contract, reviews part (node/store/types.ts, ReviewStore): a bundle opened as a
 * review keeps where it came from, the same review twice is one row, and its machine stays out
 * of the machine list and the fault log until adopted. Every store runs it next to
 * storeContract.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../../node/store/errors.ts';
import type { LibraryStore, NewReview } from '../../../node/store/types.ts';
import { lathe, recordingRow, report } from './contractFixtures.ts';
import type { StoreHarness } from './contractFixtures.ts';
import { NO_FILTERS } from '../../../shared/faultLog/filter.ts';

const REVIEW_ID = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

function review(machineId: string, recordingId: string): NewReview {
  return {
    id: REVIEW_ID,
    machineId,
    senderName: 'Li Wei',
    sentAt: '2026-03-02T08:00:00.000Z',
    bundleName: 'lathe-2026-03-02.auscult',
    recordingIds: [recordingId],
    notes: [
      {
        recordingId,
        createdAt: '2026-03-01T09:00:00.000Z',
        text: 'Loud after lunch.',
        causeId: 'unbalance',
        status: 'open',
        recordedBy: 'Li Wei',
      },
    ],
  };
}

export function describeReviewContract(name: string, harness: StoreHarness): void {
  describe(`the store contract, reviews: ${name}`, () => {
    let store: LibraryStore;
    let reopen: () => Promise<LibraryStore>;
    let own: string;
    let reviewed: string;
    let recording: string;
    beforeEach(async () => {
      ({ store, reopen } = await harness.fresh());
      own = await store.machines.insert(lathe);
      reviewed = await store.machines.insert({ ...lathe, name: 'Their lathe' }, { id: 'their' });
      recording = 'rec-from-bundle';
      await store.recordings.insert(recordingRow(recording, reviewed, '2026-03-01T00:00:00.000Z'));
      return () => store.close();
    });

    it('keeps where a review came from, and the same review twice is one row', async () => {
      expect(await store.reviews.insert(review(reviewed, recording))).toBe(true);
      expect(await store.reviews.insert(review(reviewed, recording))).toBe(false);
      const reopened = await reopen();
      try {
        const list = await reopened.reviews.list();
        expect(list).toHaveLength(1);
        expect(list[0]).toMatchObject({
          id: REVIEW_ID,
          machineId: reviewed,
          machineName: 'Their lathe',
          senderName: 'Li Wei',
          sentAt: '2026-03-02T08:00:00.000Z',
          bundleName: 'lathe-2026-03-02.auscult',
          recordingIds: [recording],
          adoptedAt: null,
        });
        expect(list[0].notes[0]).toMatchObject({ text: 'Loud after lunch.', recordedBy: 'Li Wei' });
        expect(await reopened.reviews.get(REVIEW_ID)).toEqual(list[0]);
        expect((await reopened.reviews.version(REVIEW_ID)).version).toBe(1);
      } finally {
        await reopened.close();
      }
    });

    it('keeps a review-only machine out of the machines and the fault log until adopted', async () => {
      const diagnosis = await store.diagnoses.insert({
        id: 'diag-from-bundle',
        createdAt: '2026-03-01T00:00:01.000Z',
        recordingId: recording,
        machineId: reviewed,
        baselineId: null,
        report,
      });
      expect(diagnosis).toMatchObject({
        id: 'diag-from-bundle',
        createdAt: '2026-03-01T00:00:01.000Z',
      });
      await store.faultLog.add({
        machineId: reviewed,
        diagnosisId: diagnosis.id,
        recordingId: recording,
        note: 'x',
      });
      await store.reviews.insert(review(reviewed, recording));
      expect(await store.reviews.isReviewOnly(reviewed)).toBe(true);
      expect(await store.reviews.isReviewOnly(own)).toBe(false);
      expect((await store.machines.list()).map((m) => m.id)).toEqual([own]);
      expect(await store.faultLog.summaries()).toEqual([]);
      const page = () =>
        store.faultLog.page({
          limit: 10,
          after: null,
          filters: { ...NO_FILTERS, showArchived: true },
          machineIds: null,
        });
      expect((await page()).entries).toEqual([]);
      // Still readable by id: the Review screen opens it.
      expect((await store.machines.get(reviewed)).name).toBe('Their lathe');

      await store.reviews.adopt(reviewed);
      expect(await store.reviews.isReviewOnly(reviewed)).toBe(false);
      expect((await store.machines.list()).map((m) => m.id)).toEqual([own, reviewed]);
      expect(await store.faultLog.summaries()).toHaveLength(1);
      expect((await page()).entries).toHaveLength(1);
      const adopted = await store.reviews.get(REVIEW_ID);
      expect(adopted.adoptedAt).not.toBeNull();
      expect((await store.reviews.version(REVIEW_ID)).version).toBe(2);
    });

    it('refuses a review of an unknown machine and unknown ids', async () => {
      await expect(store.reviews.insert(review('nobody', recording))).rejects.toThrow(
        NotFoundError,
      );
      await expect(store.reviews.get('nothing')).rejects.toThrow(NotFoundError);
      await expect(store.reviews.adopt(own)).rejects.toThrow(NotFoundError);
      expect(await store.reviews.list()).toEqual([]);
    });

    it('keeps the id and time of a verdict that arrives from another library', async () => {
      const diagnosis = await store.diagnoses.insert({
        recordingId: recording,
        machineId: reviewed,
        baselineId: null,
        report,
      });
      const stored = await store.verdicts.insert({
        id: 'verdict-from-reply',
        createdAt: '2026-03-03T10:00:00.000Z',
        diagnosisId: diagnosis.id,
        automaticCauseId: 'unbalance',
        decision: 'correct',
        causeId: 'misalignment',
        otherCause: '',
        componentId: null,
        severity: 'moderate',
        action: '',
        comment: '',
        expertName: 'Dr Wen',
      });
      expect(stored).toMatchObject({
        id: 'verdict-from-reply',
        createdAt: '2026-03-03T10:00:00.000Z',
      });
      expect((await store.verdicts.list(diagnosis.id))[0].id).toBe('verdict-from-reply');
    });
  });
}
