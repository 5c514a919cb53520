import { spawnSync } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import { NotFoundError } from '../../../node/store/errors.ts';
import {
  beginImport,
  importRecordingFile,
  MAX_IMPORT_BYTES,
} from '../../../node/workflows/importRecording.ts';
import { openLibrary } from '../../../node/library/library.ts';
import { STALE_STAGING_MS, stagingFileName } from '../../../node/files/staging.ts';
import type { Library } from '../../../node/library/library.ts';
import { decodeWav } from '../../../shared/audio/wavReader.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { libraryFiles, rowCount, sha256, simWav, temporaryFolder } from './libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let library: Library;
let machineId: string;
let wav: Uint8Array;

beforeAll(async () => {
  folder = await temporaryFolder();
  wav = simWav({ seed: 1 });
});
afterAll(async () => {
  await folder.remove();
});
beforeEach(async (context) => {
  library = await openLibrary(join(folder.path, context.task.id), { demo: false });
  machineId = await library.store.machines.insert(simLatheProfile);
  return () => library.close();
});

async function writeOriginal(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(folder.path, name);
  await writeFile(path, bytes);
  return path;
}

async function expectNothingLeft(): Promise<void> {
  expect(await libraryFiles(library)).toEqual({ recordings: [], tmp: [] });
  expect(rowCount(library, 'recordings')).toBe(0);
}

/** The message the WAV reader itself gives for `bytes`. */
async function readerMessage(bytes: Uint8Array): Promise<string> {
  const error = await decodeWav(bytes).then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('the reader accepted the bytes');
  return error.message;
}

function floatWavWithNaN(): Uint8Array {
  const bytes = simWav({ seed: 2, encoding: 'float32', durationSeconds: 1 });
  // The header of a float32 file is 58 bytes; frame 1000 becomes a NaN.
  new DataView(bytes.buffer).setFloat32(58 + 4 * 1000, Number.NaN, true);
  return bytes;
}

describe('importing a WAV file', () => {
  it('copies the file into recordings/, lists it, and leaves the original unchanged', async () => {
    const original = await writeOriginal('healthy run.wav', wav);
    const before = await sha256(original);
    const { mtimeMs } = await stat(original);

    const recording = await importRecordingFile(library, machineId, original);

    expect(recording).toMatchObject({
      machineId,
      name: 'healthy run.wav',
      origin: 'imported',
      sampleRateHz: 16000,
      channelCount: 1,
      durationSeconds: 2,
      sizeBytes: wav.length,
    });
    expect(await library.store.recordings.list(machineId)).toEqual([recording]);
    expect(await libraryFiles(library)).toEqual({ recordings: [`${recording.id}.wav`], tmp: [] });
    expect(await sha256(library.audio.pathOf(recording.id))).toBe(before);
    expect(await sha256(original)).toBe(before);
    expect((await stat(original)).mtimeMs).toBe(mtimeMs);
  });

  it('imports in chunks of any size and gives the same bytes', async () => {
    const session = await beginImport(library, machineId, 'C:\\phone\\take 2.wav', wav.length);
    let received = 0;
    for (let offset = 0; offset < wav.length; offset += 7777) {
      received = await session.append(wav.subarray(offset, offset + 7777));
    }
    expect(received).toBe(wav.length);
    expect((await libraryFiles(library)).tmp).toEqual([stagingFileName(session.id)]);
    expect(await library.store.recordings.list(machineId)).toEqual([]); // nothing listed while copying
    const recording = await session.finish();
    expect(recording.name).toBe('take 2.wav');
    expect(new Uint8Array(await readFile(library.audio.pathOf(recording.id)))).toEqual(wav);
    expect((await libraryFiles(library)).tmp).toEqual([]);
  });

  it.each([
    ['a text file', 'id,value\n1,2\n'.repeat(50), 'text'],
    ['an empty file', '', 'empty'],
  ])(
    'refuses %s as no recording, saying what it is, and leaves nothing behind',
    async (_name, text, what) => {
      const original = await writeOriginal('bad.wav', text);
      const refusal = importRecordingFile(library, machineId, original);
      await expect(refusal).rejects.toThrow(
        `cannot use recording "bad.wav": not a WAV file or a phone recording (it is ${what});`,
      );
      await expect(refusal).rejects.toMatchObject({ reason: 'unknown-format', params: { what } });
      await expectNothingLeft();
    },
  );

  it.each<[string, () => Uint8Array | string]>([
    ['a truncated header', () => wav.subarray(0, 30)],
    ['a NaN float sample', floatWavWithNaN],
  ])("refuses %s with the reader's own message and leaves nothing behind", async (_name, make) => {
    const bytes = make();
    const original = await writeOriginal('bad.wav', bytes);
    const before = await sha256(original);
    const expected = await readerMessage(
      typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes,
    );
    const error = await importRecordingFile(library, machineId, original).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`cannot use recording "bad.wav": ${expected}`);
    await expectNothingLeft();
    expect(await sha256(original)).toBe(before);
  });

  it('refuses a WAV without a single frame', async () => {
    const original = await writeOriginal('silent.wav', wav.subarray(0, 44));
    await expect(importRecordingFile(library, machineId, original)).rejects.toThrow(
      'cannot use recording "silent.wav": it holds no audio frames',
    );
    await expectNothingLeft();
  });

  it('refuses more bytes than announced, and cancels the import', async () => {
    const session = await beginImport(library, machineId, 'a.wav', 100);
    await expect(session.append(wav.subarray(0, 101))).rejects.toThrow(
      '"a.wav" is larger than the 100 bytes announced; nothing was imported',
    );
    await expect(session.append(wav.subarray(0, 10))).rejects.toThrow(/is over/);
    await expectNothingLeft();
  });

  it('refuses to finish an import that arrived incomplete', async () => {
    const session = await beginImport(library, machineId, 'a.wav', wav.length);
    await session.append(wav.subarray(0, 1000));
    await expect(session.finish()).rejects.toThrow(
      `"a.wav" arrived incomplete (1000 of ${wav.length} bytes); nothing was imported`,
    );
    await expectNothingLeft();
  });

  it('removes the temporary file when an import is cancelled', async () => {
    const session = await beginImport(library, machineId, 'a.wav', wav.length);
    await session.append(wav.subarray(0, 1000));
    await session.cancel();
    await session.cancel();
    await expectNothingLeft();
  });

  it('refuses a file larger than the cap before receiving anything', async () => {
    await expect(beginImport(library, machineId, 'huge.wav', MAX_IMPORT_BYTES + 1)).rejects.toThrow(
      /"huge.wav" is too large to import/,
    );
    await expectNothingLeft();
  });

  it('refuses an import for a machine that does not exist', async () => {
    await expect(beginImport(library, 'no-such-machine', 'a.wav', 10)).rejects.toThrow(
      NotFoundError,
    );
    await expectNothingLeft();
  });

  it('reports a missing original in words', async () => {
    await expect(
      importRecordingFile(library, machineId, join(folder.path, 'missing.wav')),
    ).rejects.toThrow(/cannot read recording ".*missing\.wav": no such file/);
    await expectNothingLeft();
  });
});

describe('leftovers of imports at the next start', () => {
  /** The pid of a process that has already ended. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    return Number(child.stdout.toString());
  }

  it("deletes at once the file of a killed import, and keeps a live process's", async () => {
    const killed = join(library.stagingFolder, `killed-import.${deadPid()}.part`);
    const live = join(library.stagingFolder, stagingFileName('live-import'));
    await writeFile(killed, 'half a file');
    await writeFile(live, 'half a file');
    await library.close();
    library = await openLibrary(library.home, { demo: false });
    expect((await libraryFiles(library)).tmp).toEqual([stagingFileName('live-import')]);
  });

  it('deletes a stale file of another name and keeps a fresh one', async () => {
    const stale = join(library.stagingFolder, 'stale.part');
    const fresh = join(library.stagingFolder, 'fresh.part');
    await writeFile(stale, 'half a file');
    await writeFile(fresh, 'half a file');
    const old = new Date(Date.now() - STALE_STAGING_MS - 60_000);
    await utimes(stale, old, old);
    await library.close();
    library = await openLibrary(library.home, { demo: false });
    expect((await libraryFiles(library)).tmp).toEqual(['fresh.part']);
  });

  it('deletes a killed copy into the recordings folder but never a recording', async () => {
    const killed = join(library.captureFolder, `copy.${deadPid()}.part`);
    const recording = join(library.captureFolder, 'not-listed.wav');
    await writeFile(killed, 'half a file');
    await writeFile(recording, 'kept');
    const old = new Date(Date.now() - STALE_STAGING_MS - 60_000);
    await utimes(recording, old, old);
    await library.close();
    library = await openLibrary(library.home, { demo: false });
    expect((await libraryFiles(library)).recordings).toEqual(['not-listed.wav']);
  });
});
