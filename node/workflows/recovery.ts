/**
 * Recovery of interrupted live recordings at library open (docs/architecture.md): every
 * `<capture folder>/<id>.partial` left by a killed host is repaired (a cut-off file loses at most the
 * bytes the writer had not handed to the OS; see node/recording/liveSession.ts), renamed to
 * `<id>.wav` and listed with origin 'recovered' under the machine its sidecar names. Audio is
 * never deleted: a file whose machine is unknown (sidecar missing or unreadable, machine gone)
 * goes to the "Recovered recordings" machine, made on demand; a file that cannot be repaired is
 * left where it is and reported. Only a file holding no audio frame at all is removed.
 */
import { storedCalibrationFromJson } from '../../shared/audio/calibration/storedCalibration.ts';
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import { readdir, rm, stat } from 'node:fs/promises';
import type { RecordingSummary } from '../../shared/api/contract.ts';
import { wavWriteLayout } from '../../shared/audio/wavEncoder.ts';
import { WavRepairError } from '../../shared/audio/wavRepair.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { isProcessAlive } from '../files/processAlive.ts';
import type { LibraryContext } from './context.ts';
import { RECOVERED_MACHINE_KEY } from './settingKeys.ts';
import { commitPartialRecording, listPlacedRecording } from './liveCommit.ts';
import type { PartialListing } from './liveCommit.ts';
import {
  liveSessionIds,
  partialIdOf,
  partialPath,
  readSidecar,
  removeSidecar,
  sidecarPath,
} from './partialFiles.ts';
import type { PartialSidecar } from './partialFiles.ts';

export const RECOVERED_MACHINE_NAME = 'Recovered recordings';
/**
 * Another live process's partial file untouched this long is taken as abandoned even though
 * that process id is alive (the id was reused): live sessions write every few seconds and are
 * closed after 60 s without audio.
 */
export const LIVE_WRITER_STALE_MS = 5 * 60 * 1000;

/** Bytes of the writer's float32 header: a partial file no longer than this holds no audio. */
const HEADER_BYTES = wavWriteLayout(48000, 1, 'float32').dataOffsetBytes;

export type RecoveryLog = (message: string) => void;

async function modifiedMs(path: string): Promise<number | null> {
  return (await stat(path).catch(() => null))?.mtimeMs ?? null;
}

/** True when another running process is writing this session now: leave it alone. */
async function ownedByLiveWriter(
  library: LibraryContext,
  id: string,
  sidecar: PartialSidecar | null,
): Promise<boolean> {
  if (liveSessionIds.has(id)) return true;
  if (sidecar === null || sidecar.pid === process.pid || !isProcessAlive(sidecar.pid)) return false;
  const touched =
    (await modifiedMs(partialPath(library.captureFolder, id))) ??
    (await modifiedMs(sidecarPath(library.captureFolder, id)));
  return touched !== null && library.now().getTime() - touched < LIVE_WRITER_STALE_MS;
}

/** The "Recovered recordings" machine (no parts modelled), created the first time it is needed. */
export function recoveredRecordingsMachine(library: LibraryContext): Promise<string> {
  return library.store.transaction(async (tx) => {
    const stored = await tx.settings.get(RECOVERED_MACHINE_KEY);
    if (stored !== null && (await tx.machines.exists(stored))) return stored;
    const profile = parseMachineProfile({
      id: 'recovered-recordings',
      name: RECOVERED_MACHINE_NAME,
      lineFrequencyHz: 50,
    });
    const id = await tx.machines.insert(profile);
    await tx.settings.set(RECOVERED_MACHINE_KEY, id);
    return id;
  });
}

/** "Recovered recording 2025-03-04 10:11:12 UTC". */
export function recoveredName(startedAt: string): string {
  return `Recovered recording ${startedAt.slice(0, 19).replace('T', ' ')} UTC`;
}

/** A sidecar's calibration if it still reads as one (a sidecar is a file anyone may edit). */
function calibrationOf(value: unknown): StoredCalibration | undefined {
  try {
    return storedCalibrationFromJson(value);
  } catch {
    return undefined;
  }
}

async function listingFor(
  library: LibraryContext,
  id: string,
  sidecar: PartialSidecar | null,
): Promise<PartialListing> {
  const createdAt =
    sidecar?.startedAt ??
    new Date(
      (await modifiedMs(partialPath(library.captureFolder, id))) ?? library.now().getTime(),
    ).toISOString();
  const known = sidecar !== null && (await library.store.machines.exists(sidecar.machineId));
  return {
    machineId: known ? sidecar.machineId : await recoveredRecordingsMachine(library),
    name: recoveredName(createdAt),
    origin: 'recovered',
    createdAt,
    ...(sidecar?.calibration ? { calibration: calibrationOf(sidecar.calibration) } : {}),
  };
}

/** Recovers one id; resolves to its summary, or null when there was nothing to list. */
async function recoverOne(
  library: LibraryContext,
  id: string,
  log: RecoveryLog,
): Promise<RecordingSummary | null> {
  const sidecar = await readSidecar(library.captureFolder, id);
  if (await ownedByLiveWriter(library, id, sidecar)) return null;
  const partial = partialPath(library.captureFolder, id);
  const partialSize = (await stat(partial).catch(() => null))?.size ?? null;
  if (partialSize === null) {
    // A Stop cut short after its rename: the .wav is complete; or a sidecar alone.
    if ((await library.audio.size(id)) !== null) {
      return listPlacedRecording(library, id, await listingFor(library, id, sidecar));
    }
    await removeSidecar(library.captureFolder, id);
    return null;
  }
  try {
    return await commitPartialRecording(library, id, await listingFor(library, id, sidecar));
  } catch (error) {
    if (!(error instanceof WavRepairError)) throw error;
    if (partialSize <= HEADER_BYTES) {
      // Killed before its header was complete: not one sample to keep.
      await rm(partial, { force: true });
      await removeSidecar(library.captureFolder, id);
      return null;
    }
    log(
      `Auscult could not recover the interrupted recording ${partial} (${error.message}); it is left in place.`,
    );
    return null;
  }
}

/**
 * Recovers every interrupted live recording of the library (see the file comment) and resolves
 * to the recordings listed, oldest first. Files a live session of this or another running
 * process is writing are left alone. Problems with one file are logged and do not stop the rest.
 */
export async function recoverPartialRecordings(
  library: LibraryContext,
  log: RecoveryLog = (message) => console.warn(message),
): Promise<RecordingSummary[]> {
  const ids = new Set<string>();
  for (const name of await readdir(library.captureFolder)) {
    const id = partialIdOf(name);
    if (id !== null) ids.add(id);
  }
  const recovered: RecordingSummary[] = [];
  for (const id of [...ids].sort()) {
    const summary = await recoverOne(library, id, log).catch((error: unknown) => {
      log(`Auscult could not recover the interrupted recording ${id}: ${(error as Error).message}`);
      return null;
    });
    if (summary !== null) {
      recovered.push(summary);
      log(
        `Auscult recovered an interrupted recording: "${summary.name}" (${summary.durationSeconds.toFixed(1)} s).`,
      );
    }
  }
  return recovered.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
