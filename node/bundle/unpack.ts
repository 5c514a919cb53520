/**
 * `auscult bundle unpack`: a review bundle extracted into one folder and nowhere else. The folder
 * must be empty or new. Entries are written into a staging folder inside it, each file created
 * new (never through an existing name or link), and moved into place only when every entry has
 * passed its checks; on any refusal the staging folder (and the folder, when this made it) goes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { BundleError } from '../../shared/bundle/refusals.ts';
import { unsafePathReason } from '../../shared/bundle/checks.ts';
import { declaredSha256, streamEntry } from './reader.ts';
import { writeAll } from './writer.ts';
import type { OpenedBundle } from './reader.ts';

/** A target that is neither an empty folder nor new. */
export class TargetFolderError extends Error {
  override readonly name = 'TargetFolderError';
}

/**
 * Makes `folder` if it does not exist. Resolves to the first folder this call made (to remove on
 * failure), or null when `folder` existed, empty.
 */
async function prepareTarget(folder: string): Promise<string | null> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') throw new TargetFolderError(`"${folder}" is a file, not a folder`);
    if (code !== 'ENOENT') throw error;
    return (await mkdir(folder, { recursive: true })) ?? null;
  }
  if (names.length > 0) throw new TargetFolderError(`the folder "${folder}" is not empty`);
  return null;
}

/** Where `name` goes inside `root`; checked again here so no path can leave it. */
function insideRoot(root: string, name: string): string {
  const target = resolve(root, name);
  if (unsafePathReason(name) !== null || !target.startsWith(root + sep)) {
    throw new BundleError('unsafe-path', { path: name, why: 'outside the folder' });
  }
  return target;
}

async function extractAll(bundle: OpenedBundle, staging: string): Promise<void> {
  for (const entry of bundle.entries) {
    const target = insideRoot(staging, entry.name);
    await mkdir(dirname(target), { recursive: true });
    // 'wx': created new, so an existing file or link of that name is never written through.
    const file = await open(target, 'wx', 0o644);
    try {
      await streamEntry(bundle.path, entry, declaredSha256(bundle, entry.name), async (chunk) => {
        await writeAll(file, chunk);
      });
      await file.sync();
    } finally {
      await file.close();
    }
  }
}

/**
 * Extracts `bundle` (opened and checked by openBundle) into `folder`. Rejects with BundleError
 * when an entry fails its checks, TargetFolderError for a file or a folder with something in
 * it; either way nothing of the bundle is left in `folder`.
 */
export async function unpackBundle(bundle: OpenedBundle, folder: string): Promise<void> {
  const root = resolve(folder);
  const made = await prepareTarget(root);
  const staging = join(root, `.unpacking-${randomBytes(6).toString('hex')}`);
  const moved: string[] = [];
  try {
    await mkdir(staging);
    await extractAll(bundle, staging);
    for (const name of await readdir(staging)) {
      await rename(join(staging, name), join(root, name));
      moved.push(name);
    }
    await rmdir(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    for (const name of moved) await rm(join(root, name), { recursive: true, force: true });
    if (made !== null) await rm(made, { recursive: true, force: true });
    throw error;
  }
}
