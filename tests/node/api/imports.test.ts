import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImportRegistry, MAX_OPEN_IMPORTS } from '../../../node/api/imports.ts';
import type { ImportRegistry } from '../../../node/api/imports.ts';
import { NotFoundError } from '../../../node/store/errors.ts';
import { STALE_STAGING_MS, stagingFileName } from '../../../node/files/staging.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { libraryFiles, simWav, temporaryFolder } from '../library/libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let library: Library;
let imports: ImportRegistry;
let machineId: string;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  folder = await temporaryFolder('auscult-imports-');
  library = await openLibrary(folder.path, { demo: false });
  machineId = await library.store.machines.insert(simLatheProfile);
  imports = createImportRegistry(library);
});
afterEach(async () => {
  await imports.close();
  await library.close();
  await folder.remove();
  vi.useRealTimers();
});

describe('the imports in progress', () => {
  it('cancels an import untouched for the stale time, and keeps a busy one', async () => {
    const idle = await imports.begin(machineId, 'idle.wav', 1000);
    const busy = await imports.begin(machineId, 'busy.wav', 1000);
    for (let minute = 0; minute * 60_000 <= STALE_STAGING_MS + 60_000; minute++) {
      await imports.append(busy, new ArrayBuffer(1));
      await vi.advanceTimersByTimeAsync(60_000);
    }
    await vi.waitFor(async () =>
      expect((await libraryFiles(library)).tmp).toEqual([stagingFileName(busy)]),
    );
    await expect(imports.append(idle, new ArrayBuffer(1))).rejects.toThrow(NotFoundError);
  });

  it(`refuses more than ${MAX_OPEN_IMPORTS} imports at once`, async () => {
    for (let i = 0; i < MAX_OPEN_IMPORTS; i++) await imports.begin(machineId, `${i}.wav`, 10);
    await expect(imports.begin(machineId, 'one-more.wav', 10)).rejects.toThrow(
      /16 imports are already in progress; finish or cancel one first/,
    );
  });

  it('ends an import whose chunk is refused, leaving no temporary file', async () => {
    const importId = await imports.begin(machineId, 'a.wav', 10);
    await expect(imports.append(importId, new ArrayBuffer(11))).rejects.toThrow(/larger than/);
    expect((await libraryFiles(library)).tmp).toEqual([]);
    await expect(imports.finish(importId)).rejects.toThrow(NotFoundError);
  });

  it('forgets a finished import', async () => {
    const wav = simWav({ seed: 1, durationSeconds: 0.5 });
    const importId = await imports.begin(machineId, 'a.wav', wav.length);
    await imports.append(importId, wav.slice().buffer);
    const recording = await imports.finish(importId);
    expect(recording.name).toBe('a.wav');
    expect(recording.warnings).toEqual([]);
    await expect(imports.finish(importId)).rejects.toThrow(NotFoundError);
    expect(await libraryFiles(library)).toEqual({
      recordings: [`${recording.id}.wav`],
      tmp: [],
    });
  });
});
