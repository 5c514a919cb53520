/**
 * The hub's PostgreSQL stores pass the store and audio-store contracts, on a throwaway cluster
 * started for this file (tests/helpers/postgresCluster.ts), one new database per test.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIO_CHUNK_BYTES,
  createPostgresAudioStore,
} from '../../../node/store/postgres/audioStore.ts';
import {
  connectPostgres,
  migratePostgresDatabase,
} from '../../../node/store/postgres/postgresStore.ts';
import { startPostgresCluster } from '../../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../../helpers/postgresCluster.ts';
import { describeAudioStoreContract } from './audioStoreContract.ts';
import { describeFaultLogContract } from './faultLogContract.ts';
import { describeReviewContract } from './reviewContract.ts';
import { describeFaultLogPageContract } from './faultLogPageContract.ts';
import { describeReviewQueueContract } from './reviewQueueContract.ts';
import { describeLatestVerdictContract } from './latestVerdictContract.ts';
import { describeStoreContract } from './storeContract.ts';
import { describeTransactionContract } from './transactionContract.ts';
import { describeVerdictContract } from './verdictContract.ts';
import { openStoreBySpec } from './storeSpecs.ts';

let cluster: PostgresCluster;
let scratch: string;
const pools: { end(): Promise<void> }[] = [];
beforeAll(async () => {
  cluster = await startPostgresCluster();
  scratch = await mkdtemp(join(tmpdir(), 'auscult-pg-audio-'));
});
afterAll(async () => {
  for (const pool of pools) await pool.end();
  await cluster?.stop();
  await rm(scratch, { recursive: true, force: true });
});

const harness = {
  async fresh() {
    const spec = ['postgres', await cluster.newDatabase()];
    return { store: await openStoreBySpec(spec), reopen: () => openStoreBySpec(spec), spec };
  },
};

describeStoreContract('PostgreSQL', harness);
describeLatestVerdictContract('PostgreSQL', harness);
describeTransactionContract('PostgreSQL', harness);
describeFaultLogContract('PostgreSQL', harness);
describeVerdictContract('PostgreSQL', harness);
describeReviewContract('PostgreSQL', harness);
describeReviewQueueContract('PostgreSQL', harness);
describeFaultLogPageContract('PostgreSQL', harness);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let audioCount = 0;
async function freshAudioStore() {
  const url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  const pool = await connectPostgres(url, 4);
  pools.push(pool);
  const folder = join(scratch, String(++audioCount));
  await mkdir(join(folder, 'cache'), { recursive: true });
  return { audio: createPostgresAudioStore(pool, join(folder, 'cache')), scratch: folder };
}

describeAudioStoreContract('PostgreSQL chunks', { fresh: freshAudioStore });

describe('the PostgreSQL audio store across chunks', () => {
  it('reads any range across chunk boundaries of a recording of several chunks', async () => {
    const { audio } = await freshAudioStore();
    const total = 3 * AUDIO_CHUNK_BYTES + 12_345;
    const bytes = Uint8Array.from({ length: total }, (_, i) => (i * 31 + (i >> 11)) % 256);
    async function* odd() {
      // Pieces that never line up with the chunks.
      for (let offset = 0; offset < total; offset += 77_777)
        yield bytes.subarray(offset, offset + 77_777);
    }
    expect(await audio.put('several', odd())).toBe(total);
    const ranges = [
      [0, total],
      [AUDIO_CHUNK_BYTES - 5, AUDIO_CHUNK_BYTES + 5],
      [AUDIO_CHUNK_BYTES, 2 * AUDIO_CHUNK_BYTES],
      [AUDIO_CHUNK_BYTES - 1, 3 * AUDIO_CHUNK_BYTES + 1],
      [total - 3, total + 100],
    ];
    // Digests, not toEqual: comparing megabytes element by element takes vitest seconds.
    for (const [start, end] of ranges) {
      expect(sha256(await audio.read('several', start, end))).toBe(
        sha256(bytes.subarray(start, end)),
      );
    }
    expect(sha256(await readFile(await audio.localPath('several')))).toBe(sha256(bytes));
  });
});
