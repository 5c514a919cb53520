/**
 * The fault log: what the technician concluded and did, per machine. Written with
 * synchronous=FULL like everything in the database: an entry acknowledged is an entry kept.
 */
import type { CauseId } from '../../shared/diagnosis/report.ts';
import type { Library } from './library.ts';
import { assertMachineExists } from './machines.ts';
import { text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';

export interface FaultLogEntry {
  readonly id: string;
  readonly machineId: string;
  readonly diagnosisId: string | null;
  readonly recordingId: string | null;
  readonly causeId: CauseId | null;
  readonly componentId: string | null;
  readonly note: string;
  readonly createdAt: string;
}

export type NewFaultLogEntry = Omit<
  FaultLogEntry,
  'id' | 'createdAt' | 'diagnosisId' | 'recordingId' | 'causeId' | 'componentId'
> &
  Partial<Pick<FaultLogEntry, 'diagnosisId' | 'recordingId' | 'causeId' | 'componentId'>>;

function toEntry(row: Row): FaultLogEntry {
  return {
    id: text(row, 'id'),
    machineId: text(row, 'machine_id'),
    diagnosisId: textOrNull(row, 'diagnosis_id'),
    recordingId: textOrNull(row, 'recording_id'),
    causeId: textOrNull(row, 'cause_id') as CauseId | null,
    componentId: textOrNull(row, 'component_id'),
    note: text(row, 'note'),
    createdAt: text(row, 'created_at'),
  };
}

/** Adds an entry; durable once this returns. Throws NotFoundError for an unknown machine. */
export function addFaultLogEntry(library: Library, entry: NewFaultLogEntry): FaultLogEntry {
  assertMachineExists(library, entry.machineId);
  const stored: FaultLogEntry = {
    id: library.newId(),
    machineId: entry.machineId,
    diagnosisId: entry.diagnosisId ?? null,
    recordingId: entry.recordingId ?? null,
    causeId: entry.causeId ?? null,
    componentId: entry.componentId ?? null,
    note: entry.note,
    createdAt: library.now().toISOString(),
  };
  library.db
    .prepare(
      `INSERT INTO fault_log (id, machine_id, diagnosis_id, recording_id, cause_id, component_id,
         note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      stored.id,
      stored.machineId,
      stored.diagnosisId,
      stored.recordingId,
      stored.causeId,
      stored.componentId,
      stored.note,
      stored.createdAt,
    );
  return stored;
}

/** A machine's fault log, newest first. Throws NotFoundError for an unknown machine. */
export function listFaultLog(library: Library, machineId: string): FaultLogEntry[] {
  assertMachineExists(library, machineId);
  return library.db
    .prepare('SELECT * FROM fault_log WHERE machine_id = ? ORDER BY created_at DESC, rowid DESC')
    .all(machineId)
    .map(toEntry);
}
