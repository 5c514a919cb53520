/**
 * New rows as every store writes them: ids and times from the store's clock, defaults filled
 * in. One place, so the laptop's and the hub's stores cannot drift apart on what a new row holds.
 */
import type { StoredDiagnosis } from '../../shared/api/contract.ts';
import type { Clock, FaultLogRecord, NewDiagnosis, NewFaultLogRecord } from './types.ts';

export function newStoredDiagnosis(diagnosis: NewDiagnosis, clock: Clock): StoredDiagnosis {
  return {
    id: diagnosis.id ?? clock.newId(),
    recordingId: diagnosis.recordingId,
    machineId: diagnosis.machineId,
    baselineId: diagnosis.baselineId,
    createdAt: diagnosis.createdAt ?? clock.now().toISOString(),
    report: diagnosis.report,
    region: diagnosis.region ?? null,
  };
}

/** A fault-log entry as it starts: open, not archived, not verified. */
export function newFaultLogRecord(entry: NewFaultLogRecord, clock: Clock): FaultLogRecord {
  return {
    id: clock.newId(),
    machineId: entry.machineId,
    diagnosisId: entry.diagnosisId ?? null,
    recordingId: entry.recordingId ?? null,
    causeId: entry.causeId ?? null,
    componentId: entry.componentId ?? null,
    note: entry.note,
    createdAt: clock.now().toISOString(),
    status: 'open',
    archived: false,
    recordedBy: entry.recordedBy ?? '',
    followUpRecordingId: null,
  };
}
