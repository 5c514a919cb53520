/**
 * Profile and baseline files on disk: read with a size limit, parsed and validated, every
 * problem an InputError naming the file and the field; baselines written atomically.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  BaselineError,
  parseBaselineSignature,
} from '../../shared/diagnosis/baseline/parseSignature.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { parseMachineProfile, ProfileError } from '../../shared/diagnosis/profile.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import { fsInputError, fsProblem, InputError, isFsError } from './inputError.ts';

/** A real profile is a few kB; this keeps a hostile file from exhausting memory. */
export const MAX_PROFILE_BYTES = 1024 * 1024;
/** A 96 kHz baseline is about 1.5 MB of JSON. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** A text file read whole, at most maxBytes; every problem an InputError naming it as `what`. */
export async function readText(path: string, what: string, maxBytes: number): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      throw new InputError(`cannot read ${what} "${path}": it is not a regular file`);
    if (info.size > maxBytes) {
      throw new InputError(
        `${what} "${path}" is too large (${info.size} bytes, at most ${maxBytes}) to be a ${what}`,
      );
    }
    const handle = await open(path, 'r');
    try {
      return await handle.readFile({ encoding: 'utf8' });
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (isFsError(error)) throw fsInputError(error, what, path);
    throw error;
  }
}

async function readJson(path: string, what: string, maxBytes: number): Promise<unknown> {
  const text = await readText(path, what, maxBytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${what} "${path}" is not valid JSON: ${(error as Error).message}`);
  }
}

/** Reads and validates a machine profile file (docs/formats.md). Rejects with InputError. */
export async function readProfileFile(path: string): Promise<MachineProfile> {
  const json = await readJson(path, 'profile', MAX_PROFILE_BYTES);
  try {
    return parseMachineProfile(json);
  } catch (error) {
    if (error instanceof ProfileError) {
      throw new InputError(`profile "${path}" is invalid: ${error.message}`, 'invalid-profile', {
        problem: error.problem,
      });
    }
    throw error;
  }
}

/** Reads and validates a baseline file written by `auscult baseline`. Rejects with InputError. */
export async function readBaselineFile(path: string): Promise<BaselineSignature> {
  const json = await readJson(path, 'baseline', MAX_BASELINE_BYTES);
  try {
    return parseBaselineSignature(json);
  } catch (error) {
    if (error instanceof BaselineError) {
      throw new InputError(`baseline "${path}" is invalid: ${error.message}`, 'invalid-baseline');
    }
    throw error;
  }
}

/**
 * Writes `text` (or bytes: a PDF) to `path` so that readers see the old file or the new one, never half of one:
 * a temporary file beside it, fsynced, then renamed over it. The temporary file is removed on
 * failure. Rejects with InputError when the folder cannot be written.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (isFsError(error)) {
      const code = (error as { code?: string }).code;
      const problem = code === 'ENOENT' ? 'its folder does not exist' : fsProblem(error);
      throw new InputError(`cannot write "${path}": ${problem}`);
    }
    throw error;
  }
}
