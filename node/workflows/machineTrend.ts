/**
 * A machine's trend (docs/hosts.md, "Trends"): its recordings, diagnoses and fault-log entries
 * read in three queries, put together by the pure shared/trend/machineTrend.ts.
 */
import { machineTrend } from '../../shared/trend/machineTrend.ts';
import type { MachineTrend } from '../../shared/trend/machineTrend.ts';
import type { LibraryContext } from './context.ts';

/** Rejects with NotFoundError for an unknown machine. */
export async function readMachineTrend(
  library: LibraryContext,
  machineId: string,
): Promise<MachineTrend> {
  const { store } = library;
  // Recordings first: a diagnosis stored meanwhile of a recording not yet read is left out
  // (machineTrend skips it) rather than shown at no time; the next read has both.
  const recordings = await store.recordings.list(machineId);
  const diagnoses = await store.diagnoses.listByMachine(machineId);
  const faults = await store.faultLog.listByMachine(machineId);
  return machineTrend({ machineId, recordings, diagnoses, faults });
}
