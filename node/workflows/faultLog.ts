/** The fault log: saving diagnoses to it, and moving entries through the status workflow. */
import type { FaultLogChange, FaultLogEntry, FaultLogEvent } from '../../shared/api/contract.ts';
import { MAX_FAULT_NOTE_LENGTH, MAX_PERSON_NAME_LENGTH } from '../../shared/api/limits.ts';
import { assertTransition, FaultLogRuleError, personName } from '../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../shared/faultLog/workflow.ts';
import type { FaultLogRecord, LibraryStore } from '../store/types.ts';
import type { LibraryContext } from './context.ts';

function checkNote(note: string, what: string): void {
  if (note.length > MAX_FAULT_NOTE_LENGTH) {
    throw new RangeError(`${what} must be at most ${MAX_FAULT_NOTE_LENGTH} characters`);
  }
}

/** The trimmed name; RangeError when it is too long (or empty, unless `allowEmpty`). */
function checkedName(name: string, allowEmpty = false): string {
  const checked = personName(name, allowEmpty);
  if (checked === null) {
    throw new RangeError(`a name must be 1 to ${MAX_PERSON_NAME_LENGTH} characters`);
  }
  return checked;
}

/**
 * Saves a stored diagnosis to the fault log with the technician's note and name: the entry
 * names the diagnosis' machine and recording and its top cause (none when nothing was
 * anomalous), and starts open. Rejects with NotFoundError for an unknown diagnosis, RangeError
 * for a note over MAX_FAULT_NOTE_LENGTH or a name over MAX_PERSON_NAME_LENGTH characters.
 */
export async function addDiagnosisToFaultLog(
  library: LibraryContext,
  diagnosisId: string,
  note: string,
  recordedBy = '',
): Promise<FaultLogEntry> {
  checkNote(note, 'note');
  const name = checkedName(recordedBy, true);
  const diagnosis = await library.store.diagnoses.get(diagnosisId);
  const top = diagnosis.report.causes[0];
  const entry = await library.store.faultLog.add({
    machineId: diagnosis.machineId,
    diagnosisId,
    recordingId: diagnosis.recordingId,
    causeId: top?.id ?? null,
    componentId: top?.componentId ?? null,
    note,
    recordedBy: name,
  });
  return library.store.faultLog.summary(entry.id);
}

/**
 * Throws FaultLogRuleError unless `recordingId` is a recording of the entry's machine, made
 * after the entry, whose newest stored diagnosis was made against a baseline and is normal.
 * Rejects with NotFoundError for an unknown recording.
 */
async function checkFollowUp(
  store: LibraryStore,
  entry: FaultLogRecord,
  recordingId: string,
): Promise<void> {
  const recording = await store.recordings.get(recordingId);
  const params = { name: recording.name };
  const refuse = (problem: ConstructorParameters<typeof FaultLogRuleError>[0], why: string) =>
    new FaultLogRuleError(problem, `follow-up recording "${recording.name}" ${why}`, params);
  if (recording.machineId !== entry.machineId) {
    throw refuse('follow-up-other-machine', 'is of another machine');
  }
  if (Date.parse(recording.createdAt) <= Date.parse(entry.createdAt)) {
    throw refuse('follow-up-before-entry', 'was made before the fault-log entry');
  }
  const [newest] = await store.diagnoses.list(recordingId);
  if (!newest || newest.baselineId === null) {
    throw refuse('follow-up-not-diagnosed', "has no diagnosis against the machine's baseline");
  }
  if (newest.report.anomalous) {
    throw refuse('follow-up-not-normal', 'is not diagnosed normal');
  }
}

/**
 * Moves a fault-log entry to `toStatus` with who did it, why and (for verified) the follow-up
 * recording, checked and written in one store transaction: two people moving one entry at once
 * cannot both succeed. Rejects with FaultLogRuleError for a refused move (nothing is written),
 * NotFoundError for an unknown entry or recording, RangeError for a bad name or a long reason.
 */
export async function transitionFaultLogEntry(
  library: LibraryContext,
  entryId: string,
  toStatus: FaultStatus,
  change: FaultLogChange,
): Promise<FaultLogEntry> {
  const by = checkedName(change.by);
  const reason = (change.reason ?? '').trim();
  checkNote(reason, 'reason');
  const followUpRecordingId = change.followUpRecordingId ?? null;
  await library.store.transaction(async (tx) => {
    const entry = await tx.faultLog.get(entryId);
    // The status rules first, so a wrong move is named as such before any recording is read.
    assertTransition(entry.status, toStatus, { reason, followUpRecordingId });
    if (followUpRecordingId !== null) await checkFollowUp(tx, entry, followUpRecordingId);
    await tx.faultLog.transition(entryId, { toStatus, by, reason, followUpRecordingId });
  });
  return library.store.faultLog.summary(entryId);
}

/** Archives or unarchives an entry (kept in the list, flagged). Rejects as transitions do. */
export async function setFaultLogArchived(
  library: LibraryContext,
  entryId: string,
  archived: boolean,
  by: string,
): Promise<FaultLogEntry> {
  await library.store.faultLog.setArchived(entryId, archived, checkedName(by));
  return library.store.faultLog.summary(entryId);
}

/** The entry's history, oldest first. Rejects with NotFoundError. */
export function faultLogHistory(
  library: LibraryContext,
  entryId: string,
): Promise<FaultLogEvent[]> {
  return library.store.faultLog.history(entryId);
}
