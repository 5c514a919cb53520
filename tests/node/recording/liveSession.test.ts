import { readdir, readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWavFile } from '../../../node/audio/openWavFile.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { liveSessionIds, partialPath } from '../../../node/workflows/partialFiles.ts';
import { NotFoundError } from '../../../node/store/errors.ts';
import { startLiveSession } from '../../../node/recording/liveSession.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { chunkOf, testSignal } from './recordingFixtures.ts';

const RATE = 16000;
let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let library: Library;
let machineId: string;

beforeEach(async () => {
  folder = await temporaryFolder('auscult-session-');
  library = await openLibrary(folder.path, { demo: false, log: () => undefined });
  machineId = await library.store.machines.insert(
    parseMachineProfile({ id: 'mill', lineFrequencyHz: 50 }),
  );
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

/** Frames the partial file's header claims right now (what a crash would keep at the least). */
async function headerFrames(id: string): Promise<number> {
  const bytes = await readFile(partialPath(library.captureFolder, id));
  // float32 layout: RIFF, fmt (18 bytes of body), fact, then the data chunk size at byte 54.
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(54, true) / 4;
}

describe('a live recording session', () => {
  it('writes the samples it is sent to disk exactly, and lists them as recorded on Stop', async () => {
    const session = await startLiveSession(library, machineId, RATE);
    expect(liveSessionIds.has(session.id)).toBe(true);
    const sent = testSignal(0, 3 * RATE, RATE);
    let progress = { sessionId: '', writtenSeconds: 0 };
    for (let start = 0; start < sent.length; start += RATE / 10) {
      progress = await session.append(chunkOf(sent.subarray(start, start + RATE / 10)));
    }
    expect(progress).toEqual({ sessionId: session.id, writtenSeconds: 3 });
    const recording = await session.stop();
    expect(recording).toMatchObject({
      id: session.id,
      machineId,
      origin: 'recorded',
      sampleRateHz: RATE,
      channelCount: 1,
      durationSeconds: 3,
      createdAt: session.startedAt,
    });
    expect(recording?.name).toMatch(/^Recording \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(await library.store.recordings.list(machineId)).toEqual([recording]);
    expect(await readdir(library.captureFolder)).toEqual([`${session.id}.wav`]);
    expect(liveSessionIds.has(session.id)).toBe(false);
    const reader = await openWavFile(library.audio.pathOf(session.id));
    const read = await reader.readFrames(0, reader.info.frameCount);
    await reader.close();
    expect(reader.info.encoding).toBe('float');
    expect(Array.from(read)).toEqual(Array.from(sent));
  });

  it('keeps the header valid for every 2 s of audio, flushed as soon as they arrive', async () => {
    const session = await startLiveSession(library, machineId, RATE);
    await session.append(chunkOf(testSignal(0, RATE, RATE)));
    expect(await headerFrames(session.id)).toBe(0);
    await session.append(chunkOf(testSignal(RATE, 1.5 * RATE, RATE)));
    expect(await headerFrames(session.id)).toBe(2.5 * RATE);
    await session.stop();
  });

  it('flushes audio that arrived before a pause within the flush interval', async () => {
    const session = await startLiveSession(library, machineId, RATE, {
      flushIntervalSeconds: 0.05,
    });
    await new Promise((resolve) => setTimeout(resolve, 80));
    // The interval has passed since the start: this chunk is flushed at once.
    await session.append(chunkOf(testSignal(0, 100, RATE)));
    expect(await headerFrames(session.id)).toBe(100);
    await session.append(chunkOf(testSignal(100, 100, RATE)));
    expect(await headerFrames(session.id)).toBe(100);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await headerFrames(session.id)).toBe(200);
    await session.stop();
  });

  it.each([
    ['a byte length that is not a multiple of 4', new ArrayBuffer(6), RangeError],
    ['a NaN sample', chunkOf(new Float32Array([0, Number.NaN])), TypeError],
    ['an infinite sample', chunkOf(new Float32Array([Number.NEGATIVE_INFINITY])), TypeError],
  ])('refuses a chunk with %s and goes on recording', async (_what, chunk, errorClass) => {
    const session = await startLiveSession(library, machineId, RATE);
    await session.append(chunkOf(testSignal(0, 800, RATE)));
    await expect(session.append(chunk)).rejects.toBeInstanceOf(errorClass);
    const progress = await session.append(chunkOf(testSignal(800, 800, RATE)));
    expect(progress.writtenSeconds).toBe(0.1);
    expect((await session.stop())?.durationSeconds).toBe(0.1);
  });

  it('removes the files of a session stopped before any audio, and lists nothing', async () => {
    const session = await startLiveSession(library, machineId, RATE);
    expect(await session.stop()).toBeNull();
    expect(await readdir(library.captureFolder)).toEqual([]);
    expect(await library.store.recordings.list(machineId)).toEqual([]);
  });

  it('refuses calls after Stop', async () => {
    const session = await startLiveSession(library, machineId, RATE);
    await session.append(chunkOf(testSignal(0, 800, RATE)));
    await session.stop();
    await expect(session.append(chunkOf(testSignal(0, 8, RATE)))).rejects.toThrow(/is over/);
    await expect(session.stop()).rejects.toThrow(/is over/);
  });

  it.each([7999, 192001, 44100.5, Number.NaN])(
    'refuses a sample rate of %s Hz before creating any file',
    async (rate) => {
      await expect(startLiveSession(library, machineId, rate)).rejects.toThrow(RangeError);
      expect(await readdir(library.captureFolder)).toEqual([]);
    },
  );

  it('refuses an unknown machine before creating any file', async () => {
    await expect(startLiveSession(library, 'nope', RATE)).rejects.toBeInstanceOf(NotFoundError);
    expect(await readdir(library.captureFolder)).toEqual([]);
  });
});
