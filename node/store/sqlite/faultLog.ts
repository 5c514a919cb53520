/**
 * The fault log, in SQLite: what the technician concluded and did, per machine. Written with
 * synchronous=FULL like everything in the database: an entry acknowledged is an entry kept.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { FaultLogEntry, VerdictSummary } from '../../../shared/api/contract.ts';
import type { CauseId } from '../../../shared/diagnosis/report.ts';
import { NotFoundError } from '../errors.ts';
import type { FaultLogRecord, FaultLogStore } from '../types.ts';
import { assertRow, text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';
import { toVerdict, verdictFields } from './verdicts.ts';

function toRecord(row: Row): FaultLogRecord {
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

/** An entry with what the Fault log screen shows: names, and the diagnosis' verdict and top cause. */
const SUMMARY_SELECT = `SELECT f.id, f.created_at, f.note, f.diagnosis_id, f.machine_id,
    m.name AS machine_name, f.recording_id, r.name AS recording_name,
    f.cause_id, f.component_id, ${verdictFields('d')}
  FROM fault_log f
  JOIN diagnoses d ON d.id = f.diagnosis_id
  JOIN machines m ON m.id = f.machine_id
  JOIN recordings r ON r.id = f.recording_id`;

function toSummary(row: Row): FaultLogEntry {
  // The join makes the diagnosis present; its verdict is read as every verdict list reads it.
  const verdict = toVerdict(row) as VerdictSummary;
  return {
    id: text(row, 'id'),
    createdAt: text(row, 'created_at'),
    note: text(row, 'note'),
    diagnosisId: text(row, 'diagnosis_id'),
    machineId: text(row, 'machine_id'),
    machineName: text(row, 'machine_name'),
    recordingId: text(row, 'recording_id'),
    recordingName: text(row, 'recording_name'),
    anomalous: verdict.anomalous,
    anomalyScore: verdict.anomalyScore,
    causeId: textOrNull(row, 'cause_id') as CauseId | null,
    componentId: textOrNull(row, 'component_id'),
    severity: verdict.severity,
  };
}

export function sqliteFaultLog(db: DatabaseSync, clock: Clock): Synchronous<FaultLogStore> {
  const assertMachine = (machineId: string) => assertRow(db, 'machines', 'machine', machineId);
  return {
    add(entry) {
      assertMachine(entry.machineId);
      const stored: FaultLogRecord = {
        id: clock.newId(),
        machineId: entry.machineId,
        diagnosisId: entry.diagnosisId ?? null,
        recordingId: entry.recordingId ?? null,
        causeId: entry.causeId ?? null,
        componentId: entry.componentId ?? null,
        note: entry.note,
        createdAt: clock.now().toISOString(),
      };
      db.prepare(
        `INSERT INTO fault_log (id, machine_id, diagnosis_id, recording_id, cause_id, component_id,
           note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        stored.id,
        stored.machineId,
        stored.diagnosisId,
        stored.recordingId,
        stored.causeId,
        stored.componentId,
        stored.note,
        stored.createdAt,
        stored.createdAt,
      );
      return stored;
    },
    listByMachine(machineId) {
      assertMachine(machineId);
      return db
        .prepare(
          'SELECT * FROM fault_log WHERE machine_id = ? ORDER BY created_at DESC, rowid DESC',
        )
        .all(machineId)
        .map(toRecord);
    },
    summaries: () =>
      db.prepare(`${SUMMARY_SELECT} ORDER BY f.created_at DESC, f.rowid DESC`).all().map(toSummary),
    summary(entryId) {
      const row = db.prepare(`${SUMMARY_SELECT} WHERE f.id = ?`).get(entryId);
      if (!row) throw new NotFoundError('fault-log entry', entryId);
      return toSummary(row);
    },
  };
}
