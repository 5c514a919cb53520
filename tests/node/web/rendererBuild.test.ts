import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestModificationMs, rendererBuildReason } from '../../../node/web/rendererBuild.ts';

let folder: string;
let built: string;
let sources: string;

async function touch(path: string, seconds: number): Promise<void> {
  await writeFile(path, 'x');
  await utimes(path, seconds, seconds);
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'auscult-build-'));
  built = join(folder, 'dist');
  sources = join(folder, 'renderer');
  await mkdir(join(sources, 'features'), { recursive: true });
  await mkdir(built);
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('rendererBuildReason', () => {
  it('asks for a build when the page was never built', async () => {
    await touch(join(sources, 'main.tsx'), 1000);
    expect(await rendererBuildReason(built, [sources])).toBe('the page is not built yet');
  });

  it('asks for a build when a source file is newer than the built page', async () => {
    await touch(join(built, 'index.html'), 2000);
    await touch(join(sources, 'main.tsx'), 1000);
    await touch(join(sources, 'features', 'List.tsx'), 3000);
    expect(await rendererBuildReason(built, [sources])).toBe(
      'its sources changed since the last build',
    );
  });

  it('keeps a page built after its last source change', async () => {
    await touch(join(sources, 'main.tsx'), 1000);
    await touch(join(sources, 'features', 'List.tsx'), 1500);
    await touch(join(built, 'index.html'), 2000);
    expect(await rendererBuildReason(built, [sources])).toBeNull();
  });

  it('serves what there is when the sources are not there (a deployment)', async () => {
    await touch(join(built, 'index.html'), 2000);
    expect(await rendererBuildReason(built, [join(folder, 'absent')])).toBeNull();
  });

  it('finds the newest file in nested folders', async () => {
    await touch(join(sources, 'main.tsx'), 1000);
    await touch(join(sources, 'features', 'List.tsx'), 4000);
    expect(await newestModificationMs(sources)).toBe(4_000_000);
  });
});
