import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import type { BaselineSignature } from '../../../shared/diagnosis/baseline/signature.ts';
import { extractFeatures } from '../../../shared/diagnosis/features/extractor.ts';
import { simulateMachine } from '../../../shared/simulation/machineSim.ts';
import { simLatheProfile, simLatheProfileJson } from '../../../shared/simulation/profiles.ts';
import { InputError } from '../../../node/diagnosis/inputError.ts';
import {
  MAX_PROFILE_BYTES,
  readBaselineFile,
  readProfileFile,
  writeFileAtomic,
} from '../../../node/diagnosis/jsonFiles.ts';
import { serializeBaseline } from '../../../node/diagnosis/pipeline.ts';

const FS = 8000;
let folder: string;
let signature: BaselineSignature;

async function write(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

async function inputError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InputError);
  return (error as Error).message;
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-json-'));
  const items = [1, 2, 3].map((seed) =>
    extractFeatures(simulateMachine({ sampleRateHz: FS, durationSeconds: 1, seed }), FS),
  );
  signature = buildBaselineSignature(items, [0, 1, 2], {
    profile: simLatheProfile,
    sources: [{ name: 'h.wav', sampleRateHz: FS, durationSeconds: 3 }],
  });
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readProfileFile', () => {
  it('reads a valid profile', async () => {
    const path = await write('lathe.json', JSON.stringify(simLatheProfileJson));
    expect(await readProfileFile(path)).toEqual(simLatheProfile);
  });

  it.each<[string, string, RegExp]>([
    ['text that is not JSON', '{ "id": ', /profile ".*p\.json" is not valid JSON/],
    [
      'an unknown field',
      JSON.stringify({ ...simLatheProfileJson, colour: 'red' }),
      /profile ".*p\.json" is invalid: colour: is not a field/,
    ],
    [
      'a missing mains frequency',
      JSON.stringify({ id: 'm' }),
      /is invalid: lineFrequencyHz: is required/,
    ],
  ])('rejects %s, naming the file and the field', async (_, text, message) => {
    const path = await write('p.json', text);
    expect(await inputError(readProfileFile(path))).toMatch(message);
  });

  it('rejects a missing file and a file too large to be a profile', async () => {
    expect(await inputError(readProfileFile(join(folder, 'none.json')))).toMatch(
      /cannot read profile ".*none\.json": no such file/,
    );
    const huge = await write('huge.json', ' '.repeat(MAX_PROFILE_BYTES + 1));
    expect(await inputError(readProfileFile(huge))).toMatch(/too large/);
  });
});

describe('serializeBaseline and readBaselineFile', () => {
  it('round-trips a baseline through its file', async () => {
    const path = join(folder, 'b.json');
    await writeFileAtomic(path, serializeBaseline(signature));
    expect(await readBaselineFile(path)).toEqual(signature);
  });

  it('keeps each array of numbers on one line and the header readable', () => {
    const text = serializeBaseline(signature);
    expect(text).toMatch(/^ {6}"medianDb": \[-?\d[^\n]*\],$/m);
    expect(text).toMatch(/^ {2}"formatVersion": 1,$/m);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('rejects a profile given as a baseline, naming the format field', async () => {
    const path = await write('not-baseline.json', JSON.stringify(simLatheProfileJson));
    expect(await inputError(readBaselineFile(path))).toMatch(
      /baseline ".*not-baseline\.json" is invalid: format: must be "auscult-baseline"/,
    );
  });
});

describe('writeFileAtomic', () => {
  it('replaces an existing file and leaves no temporary file behind', async () => {
    const sub = join(folder, 'atomic');
    await mkdir(sub);
    const path = join(sub, 'out.json');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(sub)).toEqual(['out.json']);
  });

  it('rejects a path whose folder does not exist with an InputError', async () => {
    const path = join(folder, 'no', 'such', 'folder', 'b.json');
    expect(await inputError(writeFileAtomic(path, '{}'))).toMatch(
      /cannot write ".*b\.json": its folder does not exist/,
    );
  });
});
