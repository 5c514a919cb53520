/** The SQLite store passes the store contract. */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { describeFaultLogContract } from './faultLogContract.ts';
import { describeFaultLogPageContract } from './faultLogPageContract.ts';
import { describeReviewQueueContract } from './reviewQueueContract.ts';
import { describeStoreContract } from './storeContract.ts';
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
describeFaultLogContract('SQLite', harness);
describeVerdictContract('SQLite', harness);
describeReviewQueueContract('SQLite', harness);
describeFaultLogPageContract('SQLite', harness);
