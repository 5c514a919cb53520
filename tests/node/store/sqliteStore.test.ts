/** The SQLite store passes the store contract. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { describeFaultLogContract } from './faultLogContract.ts';
import { describeReviewContract } from './reviewContract.ts';
import { describeFaultLogPageContract } from './faultLogPageContract.ts';
import { describeReviewQueueContract } from './reviewQueueContract.ts';
import { describeLatestVerdictContract } from './latestVerdictContract.ts';
import { describeStoreContract } from './storeContract.ts';
import { describeTransactionContract } from './transactionContract.ts';
import { describeVerdictContract } from './verdictContract.ts';
import { openStoreBySpec } from './storeSpecs.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let count = 0;
beforeAll(async () => {
  folder = await temporaryFolder('auscult-store-');
});
afterAll(async () => {
  await folder.remove();
});

const harness = {
  async fresh() {
    const spec = ['sqlite', join(folder.path, `store-${++count}.db`)];
    return { store: await openStoreBySpec(spec), reopen: () => openStoreBySpec(spec), spec };
  },
};

describeStoreContract('SQLite', harness);
describeLatestVerdictContract('SQLite', harness);
describeTransactionContract('SQLite', harness);
describeFaultLogContract('SQLite', harness);
describeVerdictContract('SQLite', harness);
describeReviewContract('SQLite', harness);

describe('SQLite transactions of one process', () => {
  it('run one after the other when started in the same tick', async () => {
    const { store } = await harness.fresh();
    try {
      const order: string[] = [];
      const work = (name: string) =>
        store.transaction(async (tx) => {
          order.push(`${name} begins`);
          await tx.settings.get('language');
          order.push(`${name} ends`);
        });
      await Promise.all([work('a'), work('b'), work('c')]);
      expect(order).toEqual(['a begins', 'a ends', 'b begins', 'b ends', 'c begins', 'c ends']);
    } finally {
      await store.close();
    }
  });
});
describeReviewQueueContract('SQLite', harness);
describeFaultLogPageContract('SQLite', harness);
