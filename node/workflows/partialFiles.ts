/**
 * Live recordings on disk (docs/architecture.md): `<capture folder>/<id>.partial`, a WAV kept valid by the
 * streaming writer while the session runs, and its sidecar `<id>.partial.json` saying
 * whose it is. Written sidecar first (fsynced), so a partial file found after a crash always
 * knows its machine unless someone deleted the sidecar. Once the recording is in the library it
 * is `recordings/<id>.wav`, the same id, and the sidecar is gone.
 */
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder } from '../files/fsync.ts';
import { isValidId } from '../store/ids.ts';

export const PARTIAL_SUFFIX = '.partial';
export const SIDECAR_SUFFIX = '.partial.json';

/** What a sidecar holds. */
export interface PartialSidecar {
  readonly formatVersion: 1;
  readonly machineId: string;
  /** ISO 8601: when the session started (the recording's createdAt). */
  readonly startedAt: string;
  readonly sampleRateHz: number;
  /** The process that writes the partial file (recovery leaves a live writer's file alone). */
  readonly pid: number;
  /** The input device's microphone calibration, so a recovered recording keeps it too. */
  readonly calibration?: StoredCalibration;
}

export function partialPath(recordingsFolder: string, id: string): string {
  return join(recordingsFolder, `${id}${PARTIAL_SUFFIX}`);
}

export function sidecarPath(recordingsFolder: string, id: string): string {
  return join(recordingsFolder, `${id}${SIDECAR_SUFFIX}`);
}

/** The id of `<id>.partial` or `<id>.partial.json`, or null for any other file name. */
export function partialIdOf(fileName: string): string | null {
  for (const suffix of [SIDECAR_SUFFIX, PARTIAL_SUFFIX]) {
    if (fileName.endsWith(suffix)) {
      const id = fileName.slice(0, -suffix.length);
      return isValidId(id) ? id : null;
    }
  }
  return null;
}

/**
 * Sessions written by this process right now. Recovery (at any library open in this process)
 * skips them: their files are live, not left over.
 */
export const liveSessionIds = new Set<string>();

/** Creates the sidecar (refusing to overwrite one), fsyncs it and its folder. */
export async function writeSidecar(
  recordingsFolder: string,
  id: string,
  sidecar: PartialSidecar,
): Promise<void> {
  const handle = await open(sidecarPath(recordingsFolder, id), 'wx');
  try {
    await handle.writeFile(JSON.stringify(sidecar), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncFolder(recordingsFolder);
}

function isSidecar(value: unknown): value is PartialSidecar {
  const v = value as Partial<PartialSidecar> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.formatVersion === 1 &&
    isValidId(v.machineId) &&
    typeof v.startedAt === 'string' &&
    !Number.isNaN(Date.parse(v.startedAt)) &&
    Number.isSafeInteger(v.sampleRateHz) &&
    Number.isSafeInteger(v.pid)
  );
}

/** The sidecar of `id`, or null when it is missing or unreadable (cut off, edited). */
export async function readSidecar(
  recordingsFolder: string,
  id: string,
): Promise<PartialSidecar | null> {
  try {
    const parsed: unknown = JSON.parse(await readFile(sidecarPath(recordingsFolder, id), 'utf8'));
    return isSidecar(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export async function removeSidecar(recordingsFolder: string, id: string): Promise<void> {
  await rm(sidecarPath(recordingsFolder, id), { force: true });
}
