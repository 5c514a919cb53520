/**
 * Every hostile bundle of hostileCases.ts is refused with its reason, by `openBundle` (checks made
 * before anything is written) or while unpacking, and leaves nothing behind: not in the target
 * folder (new, or made empty beforehand), not beside it, not above it.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundle } from '../../../node/bundle/reader.ts';
import { unpackBundle } from '../../../node/bundle/unpack.ts';
import { refusal } from './hostileBuilders.ts';
import { HOSTILE_CASES } from './hostileCases.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-hostile-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

it('has at least 40 hostile cases', () => {
  expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(40);
});

describe.each(['new', 'empty'] as const)('into a %s target folder', (mode) => {
  it.each(HOSTILE_CASES.map((c, index) => [c.title, c, index] as const))(
    'refuses %s',
    async (_title, hostile, index) => {
      const caseFolder = join(folder, `${mode}-${index}`);
      const inner = join(caseFolder, 'a', 'b');
      await mkdir(inner, { recursive: true });
      const bundlePath = join(inner, 'x.auscult');
      await writeFile(bundlePath, hostile.bytes());
      const target = join(inner, 'out');
      if (mode === 'empty') await mkdir(target);
      const error = await refusal(async () => unpackBundle(await openBundle(bundlePath), target));
      expect(error.code).toBe(hostile.code);
      expect(error.message).toMatch(/^[^\n]+\.$/);
      expect(await readdir(inner)).toEqual(mode === 'new' ? ['x.auscult'] : ['out', 'x.auscult']);
      if (mode === 'empty') expect(await readdir(target)).toEqual([]);
      expect(await readdir(caseFolder)).toEqual(['a']);
      expect(await readdir(join(caseFolder, 'a'))).toEqual(['b']);
    },
  );
});
