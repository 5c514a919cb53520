import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import { NotFoundError } from '../../../node/store/errors.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import {
  createSessionRegistry,
  MAX_LIVE_SESSIONS,
} from '../../../node/recording/sessionRegistry.ts';
import type { SessionRegistry } from '../../../node/recording/sessionRegistry.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { chunkOf, testSignal } from './recordingFixtures.ts';

const RATE = 8000;
let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let library: Library;
let machineId: string;
let registry: SessionRegistry;
let diagnosed: string[];

beforeEach(async () => {
  folder = await temporaryFolder('auscult-sessions-');
  library = await openLibrary(folder.path, { demo: false, log: () => undefined });
  machineId = await library.store.machines.insert(
    parseMachineProfile({ id: 'mill', lineFrequencyHz: 50 }),
  );
  diagnosed = [];
  registry = createSessionRegistry(library, {
    idleMs: 100,
    sweepMs: 20,
    diagnose: async (recording) => {
      diagnosed.push(recording.id);
      return null;
    },
  });
});
afterEach(async () => {
  await registry.close();
  await library.close();
  await folder.remove();
});

describe('the open recording sessions', () => {
  it('stops a session into a recording and its diagnosis, and forgets it', async () => {
    const id = await registry.start(machineId, RATE);
    await registry.append(id, chunkOf(testSignal(0, RATE, RATE)));
    const result = await registry.stop(id);
    expect(result).toEqual({
      recording: expect.objectContaining({ id, origin: 'recorded' }),
      diagnosis: null,
    });
    expect(diagnosed).toEqual([id]);
    expect(registry.openIds).toEqual([]);
    await expect(registry.append(id, chunkOf(testSignal(0, 8, RATE)))).rejects.toThrow(
      /is over: it was stopped/,
    );
  });

  it('saves a session idle for longer than the limit as a recording, never deletes it', async () => {
    const id = await registry.start(machineId, RATE);
    await registry.append(id, chunkOf(testSignal(0, RATE, RATE)));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(registry.openIds).toEqual([]);
    expect(await library.store.recordings.list(machineId)).toMatchObject([
      { id, durationSeconds: 1 },
    ]);
    expect(diagnosed).toEqual([id]);
    const late = await registry
      .append(id, chunkOf(testSignal(0, 8, RATE)))
      .catch((e: unknown) => e);
    expect(late).toBeInstanceOf(NotFoundError);
    expect((late as Error).message).toMatch(/saved as a recording/);
  });

  it(`refuses a session beyond ${MAX_LIVE_SESSIONS} at once`, async () => {
    for (let i = 0; i < MAX_LIVE_SESSIONS; i++) {
      const id = await registry.start(machineId, RATE);
      await registry.append(id, chunkOf(testSignal(0, 80, RATE)));
    }
    await expect(registry.start(machineId, RATE)).rejects.toBeInstanceOf(InputError);
  });

  it('answers an unknown session id with not-found', async () => {
    await expect(registry.stop('nope')).rejects.toThrow(/no recording session "nope" in progress/);
  });

  it('rejects the Stop of a session without audio, and keeps nothing', async () => {
    const id = await registry.start(machineId, RATE);
    await expect(registry.stop(id)).rejects.toThrow(/nothing was recorded/);
    expect(await library.store.recordings.list(machineId)).toEqual([]);
  });

  it('finalises open sessions as recordings when closed (host shutdown)', async () => {
    const id = await registry.start(machineId, RATE);
    await registry.append(id, chunkOf(testSignal(0, RATE, RATE)));
    await registry.close();
    expect(await library.store.recordings.list(machineId)).toMatchObject([
      { id, origin: 'recorded' },
    ]);
  });
});
