import { readdir, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeWavFile } from '../../../node/audio/openWavFile.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { liveSessionIds, partialPath } from '../../../node/workflows/partialFiles.ts';
import {
  RECOVERED_MACHINE_NAME,
  recoverPartialRecordings,
} from '../../../node/workflows/recovery.ts';
import { parseMachineProfile } from '../../../shared/diagnosis/profile.ts';
import { temporaryFolder } from '../library/libraryFixtures.ts';
import { writePartial, writeSidecarFile } from './recordingFixtures.ts';

const RATE = 16000;
const ID = 'session-1';
let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let library: Library;
let machineId: string;
let logged: string[];

/** Opens the library (which recovers), after `prepare` wrote files into recordings/. */
async function reopen(prepare: (recordings: string) => Promise<unknown>): Promise<void> {
  const recordings = library.captureFolder;
  await library.close();
  await prepare(recordings);
  library = await openLibrary(folder.path, { demo: false, log: (m) => logged.push(m) });
}

beforeEach(async () => {
  folder = await temporaryFolder('auscult-recovery-');
  logged = [];
  library = await openLibrary(folder.path, { demo: false, log: (m) => logged.push(m) });
  machineId = await library.store.machines.insert(
    parseMachineProfile({ id: 'mill', lineFrequencyHz: 50 }),
  );
});
afterEach(async () => {
  await library.close();
  await folder.remove();
});

async function recoveredSamples(id: string): Promise<number[]> {
  return Array.from((await decodeWavFile(library.audio.pathOf(id))).samples);
}

describe('recovery of interrupted recordings at library open', () => {
  it.each([
    ['whose header is up to date', { frames: 2 * RATE }],
    ['whose header was never updated after the start', { frames: 2 * RATE, headerFrames: 0 }],
    ['whose header lags the data', { frames: 2 * RATE, headerFrames: RATE }],
    ['cut off in the middle of a sample', { frames: 2 * RATE, headerFrames: 0, extraBytes: 3 }],
  ])(
    "lists a partial file %s under its sidecar's machine, every whole sample kept",
    async (_what, spec) => {
      let sent = new Float32Array(0);
      await reopen(async (recordings) => {
        sent = await writePartial(recordings, ID, { sampleRateHz: RATE, ...spec });
        await writeSidecarFile(recordings, ID, { machineId, sampleRateHz: RATE });
      });
      const [recording] = await library.store.recordings.list(machineId);
      expect(recording).toMatchObject({
        id: ID,
        origin: 'recovered',
        name: 'Recovered recording 2025-03-04 10:11:12 UTC',
        createdAt: '2025-03-04T10:11:12.000Z',
        durationSeconds: 2,
        sampleRateHz: RATE,
      });
      expect(await recoveredSamples(ID)).toEqual(Array.from(sent));
      expect(await readdir(library.captureFolder)).toEqual([`${ID}.wav`]);
      expect(logged.join('\n')).toMatch(/recovered an interrupted recording/);
    },
  );

  it.each([
    ['without a sidecar', async () => undefined],
    [
      'whose sidecar names a machine that is gone',
      (r: string) => writeSidecarFile(r, ID, { machineId: 'gone' }),
    ],
    [
      'whose sidecar is cut off',
      (r: string) => writeFile(`${r}/${ID}.partial.json`, '{"formatVer'),
    ],
  ])('keeps a partial file %s under the "Recovered recordings" machine', async (_what, sidecar) => {
    await reopen(async (recordings) => {
      await writePartial(recordings, ID, { sampleRateHz: RATE, frames: RATE, headerFrames: 0 });
      await sidecar(recordings);
    });
    const recovered = (await library.store.machines.list()).find(
      (m) => m.name === RECOVERED_MACHINE_NAME,
    );
    expect(recovered?.recordingCount).toBe(1);
    const [recording] = await library.store.recordings.list(recovered?.id ?? '');
    expect(recording).toMatchObject({ id: ID, origin: 'recovered', durationSeconds: 1 });
    expect(await library.store.recordings.list(machineId)).toEqual([]);
  });

  it("keeps the sidecar's microphone calibration, and drops one that no longer reads", async () => {
    const calibration = {
      fileName: 'umik.txt',
      sensitivityDbfs: -18.8,
      frequenciesHz: [10, 20000],
      responseDb: [0, 1],
    };
    await reopen(async (recordings) => {
      await writePartial(recordings, ID, { sampleRateHz: RATE, frames: RATE, headerFrames: 0 });
      await writeSidecarFile(recordings, ID, { machineId, sampleRateHz: RATE, calibration });
      await writePartial(recordings, 'session-2', { sampleRateHz: RATE, frames: RATE });
      await writeSidecarFile(recordings, 'session-2', {
        machineId,
        sampleRateHz: RATE,
        calibration: { ...calibration, frequenciesHz: [20000, 10] },
      });
    });
    const recordings = await library.store.recordings.list(machineId);
    expect(recordings.find((r) => r.id === ID)?.calibration).toEqual(calibration);
    const edited = recordings.find((r) => r.id === 'session-2');
    expect(edited).toMatchObject({ origin: 'recovered' });
    expect(edited).not.toHaveProperty('calibration');
  });

  it('puts later recordings of unknown machines on the same "Recovered recordings" machine', async () => {
    await reopen((r) => writePartial(r, 'a', { sampleRateHz: RATE, frames: RATE }));
    await reopen((r) => writePartial(r, 'b', { sampleRateHz: RATE, frames: RATE }));
    const recovered = (await library.store.machines.list()).filter(
      (m) => m.name === RECOVERED_MACHINE_NAME,
    );
    expect(recovered).toHaveLength(1);
    expect(recovered[0].recordingCount).toBe(2);
  });

  it('removes a partial file killed before its header was complete: it holds no audio', async () => {
    await reopen(async (recordings) => {
      await writeFile(partialPath(recordings, ID), new Uint8Array(20));
      await writeSidecarFile(recordings, ID, { machineId });
    });
    expect(await readdir(library.captureFolder)).toEqual([]);
    expect((await library.store.machines.list()).map((m) => m.name)).toEqual(['mill']);
  });

  it('leaves a partial file it cannot repair in place and says so', async () => {
    const junk = new Uint8Array(4096).fill(7);
    await reopen(async (recordings) => {
      await writeFile(partialPath(recordings, ID), junk);
      await writeSidecarFile(recordings, ID, { machineId });
    });
    expect(await readdir(library.captureFolder)).toEqual([`${ID}.partial`, `${ID}.partial.json`]);
    expect(logged.join('\n')).toMatch(/could not recover .*left in place/);
  });

  it('lists a recording whose Stop was cut short after the rename to .wav', async () => {
    await reopen(async (recordings) => {
      await writePartial(recordings, ID, { sampleRateHz: RATE, frames: RATE });
      const { rename } = await import('node:fs/promises');
      await rename(partialPath(recordings, ID), `${recordings}/${ID}.wav`);
      await writeSidecarFile(recordings, ID, { machineId });
    });
    expect(await library.store.recordings.list(machineId)).toMatchObject([
      { id: ID, durationSeconds: 1 },
    ]);
    expect(await readdir(library.captureFolder)).toEqual([`${ID}.wav`]);
  });

  it('removes a sidecar left alone (killed before the audio file was created)', async () => {
    await reopen((r) => writeSidecarFile(r, ID, { machineId }));
    expect(await readdir(library.captureFolder)).toEqual([]);
  });

  it('leaves alone the files of a session this process is recording', async () => {
    await writePartial(library.captureFolder, ID, { sampleRateHz: RATE, frames: RATE });
    await writeSidecarFile(library.captureFolder, ID, { machineId, pid: process.pid });
    liveSessionIds.add(ID);
    try {
      expect(await recoverPartialRecordings(library, () => undefined)).toEqual([]);
    } finally {
      liveSessionIds.delete(ID);
    }
    expect(await readdir(library.captureFolder)).toEqual([`${ID}.partial`, `${ID}.partial.json`]);
  });

  it('leaves alone the fresh files of a session another live process is recording', async () => {
    await writePartial(library.captureFolder, ID, { sampleRateHz: RATE, frames: RATE });
    // The parent of this test process is alive and is not this process.
    await writeSidecarFile(library.captureFolder, ID, { machineId, pid: process.ppid });
    expect(await recoverPartialRecordings(library, () => undefined)).toEqual([]);
    expect(await readdir(library.captureFolder)).toEqual([`${ID}.partial`, `${ID}.partial.json`]);
  });

  it('ignores files whose names are not ids', async () => {
    await reopen((r) => writeFile(`${r}/not an id.partial`, 'x'));
    expect(await readdir(library.captureFolder)).toEqual(['not an id.partial']);
  });
});
