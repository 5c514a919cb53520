/**
 * Keeps dist/renderer current for `npm run serve` in a checkout: the page is built when it is
 * missing or older than its sources (renderer/, shared/), so the server never serves a stale
 * page after an edit. A deployment without sources serves what it has.
 */
import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const REPOSITORY = join(import.meta.dirname, '..', '..');
export const RENDERER_SOURCE_DIR = join(REPOSITORY, 'renderer');
export const RENDERER_VITE_CONFIG = join(RENDERER_SOURCE_DIR, 'vite.config.ts');

/** The newest modification time (ms) of any file under `folder`, 0 when it is empty. */
export async function newestModificationMs(folder: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.parentPath.includes('node_modules')) continue;
    newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

/** Why the page in `rendererDir` must be (re)built, or null when it is current. */
export async function rendererBuildReason(
  rendererDir: string,
  sourceDirs: readonly string[] = [RENDERER_SOURCE_DIR, join(REPOSITORY, 'shared')],
): Promise<string | null> {
  const index = join(rendererDir, 'index.html');
  if (!existsSync(index)) return 'the page is not built yet';
  if (!existsSync(sourceDirs[0])) return null;
  const builtMs = (await stat(index)).mtimeMs;
  for (const folder of sourceDirs) {
    if ((await newestModificationMs(folder)) > builtMs)
      return 'its sources changed since the last build';
  }
  return null;
}

/**
 * Builds the page with Vite and renderer/vite.config.ts (what `npm run build:renderer` runs) into
 * `rendererDir`. The build goes to a fresh sibling folder that then replaces `rendererDir`, so two
 * hosts starting at once (parallel tests) never serve a folder another build is emptying; if
 * another build got there first, its identical result is kept.
 */
export async function buildRenderer(rendererDir: string): Promise<void> {
  const { build } = await import('vite');
  const staging = `${rendererDir}.building-${process.pid}`;
  const retired = `${rendererDir}.old-${process.pid}`;
  // A host started from a test run inherits NODE_ENV=test, and Vite would then compile React's
  // development JSX runtime: the page served is always the production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: RENDERER_VITE_CONFIG,
      logLevel: 'error',
      build: { outDir: staging, emptyOutDir: true },
    });
    await rename(rendererDir, retired).catch(ignoreMissing);
    await rename(staging, rendererDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
