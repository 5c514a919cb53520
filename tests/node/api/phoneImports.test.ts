/**
 * Phone recordings through the import API (the chunked import every host uses): decoded at
 * their own rate, listed with their codec, their original file kept byte for byte beside the
 * audio; the content decides, not the name; and every malformed or hostile file is refused with
 * one sentence, leaving no row, no audio and no staging file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createImportRegistry } from '../../../node/api/imports.ts';
import type { ImportRegistry } from '../../../node/api/imports.ts';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import { openLibrary } from '../../../node/library/library.ts';
import type { Library } from '../../../node/library/library.ts';
import { simLatheProfile } from '../../../shared/simulation/profiles.ts';
import { CODEC_FIXTURES } from '../../fixtures/codecs/sources.ts';
import { fixture, hostileFiles } from '../audio/decoders/hostileFiles.ts';
import {
  arrayBufferOf,
  libraryFiles,
  rowCount,
  temporaryFolder,
} from '../library/libraryFixtures.ts';

let folder: Awaited<ReturnType<typeof temporaryFolder>>;
let library: Library;
let imports: ImportRegistry;
let machineId: string;

beforeEach(async () => {
  folder = await temporaryFolder('auscult-phone-imports-');
  library = await openLibrary(folder.path, { demo: false });
  machineId = await library.store.machines.insert(simLatheProfile);
  imports = createImportRegistry(library);
});
afterEach(async () => {
  await imports.close();
  await library.close();
  await folder.remove();
});

/** Imports `bytes` as `name` in chunks of 4096 bytes, as the page sends them. */
async function importBytes(name: string, bytes: Uint8Array) {
  const importId = await imports.begin(machineId, name, bytes.length);
  for (let at = 0; at < bytes.length; at += 4096) {
    await imports.append(importId, arrayBufferOf(bytes.subarray(at, at + 4096)));
  }
  return imports.finish(importId);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(CODEC_FIXTURES.filter((f) => f.decodes))('a $codec recording (.$extension)', (f) => {
  it('is listed with its codec at its own rate, its original kept byte for byte', async () => {
    const bytes = fixture(`faulty.${f.extension}`);
    const recording = await importBytes(`memo.${f.extension}`, bytes);
    expect(recording.name).toBe(`memo.${f.extension}`);
    expect(recording.sampleRateHz).toBe(f.sampleRateHz);
    expect(recording.codec).toMatchObject({ code: f.codec, sampleRateHz: f.sampleRateHz });
    expect(recording.original).toEqual({ format: expect.any(String), sizeBytes: bytes.length });
    expect(recording.durationSeconds).toBeCloseTo(4, 1);
    const key = await library.store.recordings.originalAudioKey(recording.id);
    expect(key).toMatch(/-original$/);
    const kept = new Uint8Array(await readFile(await library.audio.localPath(key!)));
    expect(sha256(kept)).toBe(sha256(bytes));
    const files = await libraryFiles(library);
    expect(files.tmp).toEqual([]);
    expect(files.recordings.sort()).toEqual(
      [`${recording.id}.wav`, `${key!.replace(/-original$/, '')}.original`].sort(),
    );
    expect(await library.store.recordings.get(recording.id)).toEqual(recording);
  });
});

describe('phone recordings', () => {
  it('are read by their content: Opus named .mp3 decodes as Opus', async () => {
    const recording = await importBytes('memo.mp3', fixture('faulty.opus'));
    expect(recording.codec?.code).toBe('opus');
    expect(recording.original?.format).toBe('ogg');
  });

  it('keep their codec and original across a reopen of the library', async () => {
    const recording = await importBytes('call.3gp', fixture('faulty.3gp'));
    await library.close();
    library = await openLibrary(folder.path, { demo: false });
    imports = createImportRegistry(library);
    expect(await library.store.recordings.get(recording.id)).toEqual(recording);
    expect(recording.codec).toEqual({
      code: 'amr-nb',
      bitrateKbps: 12.2,
      sampleRateHz: 8000,
      channelCount: 1,
    });
  });
});

describe('a malformed or hostile compressed file', () => {
  const cases = hostileFiles();
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  it.each(cases)(
    'is refused in one sentence, leaving nothing: $what',
    async ({ name, bytes, reason }) => {
      const refusal = importBytes(name, bytes);
      await expect(refusal).rejects.toThrow(InputError);
      const error = (await refusal.catch((e: unknown) => e)) as InputError;
      expect(error.reason).toBe(reason);
      expect(error.params.name).toBe(name);
      expect(error.message).toMatch(
        new RegExp(`^cannot use recording "${name.replace('.', '\\.')}": [^\\n]+$`),
      );
      expect(rowCount(library, 'recordings')).toBe(0);
      expect(await libraryFiles(library)).toEqual({ recordings: [], tmp: [] });
    },
  );
});
