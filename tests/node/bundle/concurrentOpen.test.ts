/**
 * One review bundle opened twice at the same time (a file dropped twice before the first open
 * ended, two admins on a hub), in a laptop's library (SQLite) and a hub's (PostgreSQL): opening
 * it twice changes nothing, at the same time as one after the other. One open makes the review,
 * the other finds it, and every recording keeps its audio. The machine is known already (an
 * earlier bundle of it was opened): on the hub the losing open used to remove the audio the
 * winning one had just listed.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReviewBundle } from '../../../node/bundle/openReview.ts';
import { openBundle } from '../../../node/bundle/reader.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { createPostgresAudioStore } from '../../../node/store/postgres/audioStore.ts';
import {
  migratePostgresDatabase,
  openPostgresStore,
} from '../../../node/store/postgres/postgresStore.ts';
import type { LibraryContext } from '../../../node/workflows/context.ts';
import { encodeWav } from '../../../shared/audio/wavEncoder.ts';
import { startPostgresCluster } from '../../helpers/postgresCluster.ts';
import type { PostgresCluster } from '../../helpers/postgresCluster.ts';
import { goodEntries, manifestFor, zip } from './zipBuilder.ts';

let folder: string;
let bundlePath: string;
let earlierPath: string;
let cluster: PostgresCluster;

/** Two seconds of a tone at 8 kHz, `hz` apart per recording. */
const tone = (hz: number) =>
  encodeWav([Float32Array.from({ length: 16_000 }, (_, i) => Math.sin((i * hz) / 8000))], 8000);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-concurrent-open-'));
  const write = async (name: string, files: Record<string, Uint8Array>) => {
    const path = join(folder, name);
    const manifest = manifestFor(files);
    // Both bundles are of one machine of the sender's library.
    manifest.machine = { ...(manifest.machine as object), id: 'lathe-1' };
    await writeFile(path, zip(goodEntries(files, manifest)));
    return path;
  };
  earlierPath = await write('earlier.auscult', { 'recordings/r0.wav': tone(500) });
  bundlePath = await write('review.auscult', {
    'recordings/r1.wav': tone(700),
    'recordings/r2.wav': tone(1100),
  });
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function hubLibrary(): Promise<LibraryContext & { close(): Promise<void> }> {
  const url = await cluster.newDatabase();
  await migratePostgresDatabase(url);
  const clock = { now: () => new Date(), newId: randomUUID };
  const store = await openPostgresStore(url, clock);
  const work = join(folder, `hub-${randomUUID()}`);
  const [stagingFolder, captureFolder, cache] = ['staging', 'capture', 'cache'].map((name) =>
    join(work, name),
  );
  for (const path of [stagingFolder, captureFolder, cache]) await mkdir(path, { recursive: true });
  return {
    store,
    audio: createPostgresAudioStore(store.pool, cache),
    stagingFolder,
    captureFolder,
    now: clock.now,
    newId: clock.newId,
    close: () => store.close(),
  };
}

async function openTwiceAtOnce(library: LibraryContext) {
  const open = async (path: string) =>
    openReviewBundle(library, await openBundle(path), 'x.auscult');
  await open(earlierPath);
  const results = await Promise.all([open(bundlePath), open(bundlePath)]);
  expect(results.map((result) => result.created).sort()).toEqual([false, true]);
  expect(results[0].review.id).toBe(results[1].review.id);
  expect(await library.store.reviews.list()).toHaveLength(2);
  for (const id of ['r0', 'r1', 'r2']) {
    expect(await library.audio.size(id), `the audio of ${id}`).toBe(tone(700).length);
  }
}

describe('a review bundle opened twice at the same time', () => {
  it('in a laptop’s library: one review, every recording with its audio', async () => {
    const library = await openLibrary(join(folder, 'laptop'), { demo: false });
    try {
      await openTwiceAtOnce(library);
    } finally {
      await library.close();
    }
  });

  it('in a hub’s library: one review, every recording with its audio', async () => {
    const library = await hubLibrary();
    try {
      await openTwiceAtOnce(library);
    } finally {
      await library.close();
    }
  });
});
