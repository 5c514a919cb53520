/** Saving diagnoses to the fault log. */
import type { FaultLogEntry } from '../../shared/api/contract.ts';
import type { LibraryContext } from './context.ts';

import { MAX_FAULT_NOTE_LENGTH } from '../../shared/api/limits.ts';

/**
 * Saves a stored diagnosis to the fault log with the technician's note: the entry names the
 * diagnosis' machine and recording and its top cause (none when nothing was anomalous).
 * Rejects with NotFoundError for an unknown diagnosis, RangeError for a note over
 * MAX_FAULT_NOTE_LENGTH characters.
 */
export async function addDiagnosisToFaultLog(
  library: LibraryContext,
  diagnosisId: string,
  note: string,
): Promise<FaultLogEntry> {
  if (note.length > MAX_FAULT_NOTE_LENGTH) {
    throw new RangeError(`note must be at most ${MAX_FAULT_NOTE_LENGTH} characters`);
  }
  const diagnosis = await library.store.diagnoses.get(diagnosisId);
  const top = diagnosis.report.causes[0];
  const entry = await library.store.faultLog.add({
    machineId: diagnosis.machineId,
    diagnosisId,
    recordingId: diagnosis.recordingId,
    causeId: top?.id ?? null,
    componentId: top?.componentId ?? null,
    note,
  });
  return library.store.faultLog.summary(entry.id);
}
