/**
 * The fault log: what the technician concluded and did, per machine. Written with
 * synchronous=FULL like everything in the database: an entry acknowledged is an entry kept.
 */
import type { FaultLogEntry as FaultLogSummary } from '../../shared/api/contract.ts';
import { MAX_FAULT_NOTE_LENGTH } from '../../shared/api/limits.ts';
import type { CauseId, Severity } from '../../shared/diagnosis/report.ts';
import { getDiagnosis } from './diagnoses.ts';
import type { Library } from './library.ts';
import { assertMachineExists } from './machines.ts';
import { number, text, textOrNull } from './rows.ts';
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

/** Longest note of a fault-log entry, in characters. */
export { MAX_FAULT_NOTE_LENGTH };

/** An entry with what the Fault log screen shows: names, and the diagnosis' verdict and top cause. */
const SUMMARY_SELECT = `SELECT f.id, f.created_at, f.note, f.diagnosis_id, f.machine_id,
    m.name AS machine_name, f.recording_id, r.name AS recording_name,
    json_extract(d.report, '$.anomalous') AS anomalous,
    json_extract(d.report, '$.anomalyScore') AS anomaly_score,
    f.cause_id, f.component_id, json_extract(d.report, '$.causes[0].severity') AS severity
  FROM fault_log f
  JOIN diagnoses d ON d.id = f.diagnosis_id
  JOIN machines m ON m.id = f.machine_id
  JOIN recordings r ON r.id = f.recording_id`;

function toSummary(row: Row): FaultLogSummary {
  return {
    id: text(row, 'id'),
    createdAt: text(row, 'created_at'),
    note: text(row, 'note'),
    diagnosisId: text(row, 'diagnosis_id'),
    machineId: text(row, 'machine_id'),
    machineName: text(row, 'machine_name'),
    recordingId: text(row, 'recording_id'),
    recordingName: text(row, 'recording_name'),
    anomalous: number(row, 'anomalous') === 1,
    anomalyScore: number(row, 'anomaly_score'),
    causeId: textOrNull(row, 'cause_id') as CauseId | null,
    componentId: textOrNull(row, 'component_id'),
    severity: textOrNull(row, 'severity') as Severity | null,
  };
}

/**
 * Saves a stored diagnosis to the fault log with the technician's note: the entry names the
 * diagnosis' machine and recording and its top cause (none when nothing was anomalous).
 * Throws NotFoundError for an unknown diagnosis, RangeError for a note over
 * MAX_FAULT_NOTE_LENGTH characters.
 */
export function addDiagnosisToFaultLog(
  library: Library,
  diagnosisId: string,
  note: string,
): FaultLogSummary {
  if (note.length > MAX_FAULT_NOTE_LENGTH) {
    throw new RangeError(`note must be at most ${MAX_FAULT_NOTE_LENGTH} characters`);
  }
  const diagnosis = getDiagnosis(library, diagnosisId);
  const top = diagnosis.report.causes[0];
  const entry = addFaultLogEntry(library, {
    machineId: diagnosis.machineId,
    diagnosisId,
    recordingId: diagnosis.recordingId,
    causeId: top?.id ?? null,
    componentId: top?.componentId ?? null,
    note,
  });
  return toSummary(library.db.prepare(`${SUMMARY_SELECT} WHERE f.id = ?`).get(entry.id) as Row);
}

/**
 * Every fault-log entry made from a diagnosis, all machines, newest first. (Entries written
 * without a diagnosis, which only library code can make, are not listed here.)
 */
export function listFaultLogSummaries(library: Library): FaultLogSummary[] {
  return library.db
    .prepare(`${SUMMARY_SELECT} ORDER BY f.created_at DESC, f.rowid DESC`)
    .all()
    .map(toSummary);
}
