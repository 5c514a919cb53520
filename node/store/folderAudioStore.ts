/**
 * The laptop's AudioStore: `recordings/<id>.wav` in the library folder. A file is written under
 * a temporary name in the same folder, fsynced, renamed into place and the folder fsynced, so a
 * listed recording's audio is never half there.
 */
import { copyFile, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readAt } from '../audio/fileByteSource.ts';
import { syncFolder } from '../files/fsync.ts';
import { stagingFileName } from '../files/staging.ts';
import { assertValidId } from './ids.ts';
import type { AudioStore } from './types.ts';

export interface FolderAudioStore extends AudioStore {
  /** `<folder>/<id>.wav` (`<id>.original` for `<id>-original`); TypeError for a non-id. */
  pathOf(recordingId: string): string;
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Keys ending so hold a recording's original compressed file: `<id>.original`, not `.wav`. */
const ORIGINAL_SUFFIX = '-original';

/** The audio store in `folder` (which must exist). */
export function createFolderAudioStore(folder: string): FolderAudioStore {
  const pathOf = (recordingId: string) => {
    assertValidId(recordingId, 'recordingId');
    // A phone recording's original file (placeRecording's `<id>-original` keys) is no WAV.
    const original = recordingId.endsWith(ORIGINAL_SUFFIX);
    const name = original ? recordingId.slice(0, -ORIGINAL_SUFFIX.length) : recordingId;
    return join(folder, `${name}${original ? '.original' : '.wav'}`);
  };
  // A staging file's name, so that a copy killed halfway is cleaned up as a killed import is.
  const incoming = (recordingId: string) => join(folder, stagingFileName(recordingId));
  /** fsync, rename into place, fsync the folder; the temporary file goes on failure. */
  const commit = async (recordingId: string, temporary: string) => {
    try {
      await fsyncFile(temporary);
      await rename(temporary, pathOf(recordingId));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await syncFolder(folder);
    return (await stat(pathOf(recordingId))).size;
  };
  return {
    pathOf,
    async putFile(recordingId, path) {
      const target = pathOf(recordingId);
      try {
        await rename(path, target);
      } catch (error) {
        // Another file system: copy beside the target, then rename.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        await copyFile(path, incoming(recordingId));
        const size = await commit(recordingId, incoming(recordingId));
        await rm(path, { force: true });
        return size;
      }
      await fsyncFile(target);
      await syncFolder(folder);
      return (await stat(target)).size;
    },
    async put(recordingId, chunks) {
      const temporary = incoming(recordingId);
      const handle = await open(temporary, 'wx');
      try {
        for await (const chunk of chunks) await handle.write(chunk);
      } catch (error) {
        await handle.close();
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      return commit(recordingId, temporary);
    },
    async read(recordingId, startByte, endByte) {
      const handle = await open(pathOf(recordingId), 'r');
      try {
        const size = (await handle.stat()).size;
        const end = Math.min(endByte, size);
        const bytes = new Uint8Array(Math.max(0, end - startByte));
        const filled = await readAt(handle, bytes, startByte);
        return filled === bytes.length ? bytes : bytes.subarray(0, filled);
      } finally {
        await handle.close();
      }
    },
    async size(recordingId) {
      const info = await stat(pathOf(recordingId)).catch(() => null);
      return info?.isFile() ? info.size : null;
    },
    async remove(recordingId) {
      await rm(pathOf(recordingId), { force: true });
    },
    async localPath(recordingId) {
      return pathOf(recordingId);
    },
  };
}
