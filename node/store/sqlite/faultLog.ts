/**
 * The fault log, in SQLite: what the technician concluded and what was done about it, per
 * machine, with every change in fault_log_events (faultLogEvents.ts). A change and its event are
 * written in one transaction. Written with synchronous=FULL like everything in the database: an
 * entry acknowledged is an entry kept.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { FaultLogEntry, VerdictSummary } from '../../../shared/api/contract.ts';
import type { CauseId } from '../../../shared/diagnosis/report.ts';
import { assertTransition } from '../../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../../shared/faultLog/workflow.ts';
import { NotFoundError } from '../errors.ts';
import { NOT_REVIEW_ONLY } from '../reviewRows.ts';
import { newFaultLogRecord } from '../newRows.ts';
import type { FaultLogRecord, FaultLogStore } from '../types.ts';
import { faultLogHistory, insertFaultLogEvent } from './faultLogEvents.ts';
import { assertRow, number, rowVersion, text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';
import type { Clock, Synchronous } from './synchronous.ts';
import { inTransaction } from './transaction.ts';
import { toVerdict, verdictFields } from './verdicts.ts';

/** The workflow's columns, shared by records and summaries. */
function workflowFields(row: Row) {
  return {
    status: text(row, 'status') as FaultStatus,
    archived: number(row, 'archived') === 1,
    recordedBy: text(row, 'recorded_by'),
    followUpRecordingId: textOrNull(row, 'follow_up_recording_id'),
  };
}

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
    ...workflowFields(row),
  };
}

/** An entry with what the Fault log screen shows: names, and the diagnosis' verdict and top cause. */
export const SUMMARY_SELECT = `SELECT f.id, f.created_at, f.note, f.diagnosis_id, f.machine_id,
    m.name AS machine_name, f.recording_id, r.name AS recording_name,
    f.cause_id, f.component_id, f.status, f.archived, f.recorded_by, f.follow_up_recording_id,
    ${verdictFields('d')},
    json_extract(d.report, '$.causes[0].confidence') AS top_confidence
  FROM fault_log f
  JOIN diagnoses d ON d.id = f.diagnosis_id
  JOIN machines m ON m.id = f.machine_id
  JOIN recordings r ON r.id = f.recording_id`;

export function toSummary(row: Row): FaultLogEntry {
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
    confidence: typeof row.top_confidence === 'number' ? row.top_confidence : null,
    ...workflowFields(row),
  };
}

function readRecord(db: DatabaseSync, entryId: string): FaultLogRecord {
  const row = db.prepare('SELECT * FROM fault_log WHERE id = ?').get(entryId);
  if (!row) throw new NotFoundError('fault-log entry', entryId);
  return toRecord(row);
}

/** Sets `sets` (SQL assignments with `values`) and bumps the row's updated time and version. */
function updateEntry(
  db: DatabaseSync,
  entryId: string,
  sets: string,
  values: (string | number | null)[],
  at: string,
): void {
  db.prepare(
    `UPDATE fault_log SET ${sets}, updated_at = ?, version = version + 1 WHERE id = ?`,
  ).run(...values, at, entryId);
}

/** Every part of the store but its pages (faultLogPage.ts, which reads the summaries here). */
export function sqliteFaultLog(
  db: DatabaseSync,
  clock: Clock,
): Synchronous<Omit<FaultLogStore, 'page' | 'count'>> {
  const assertMachine = (machineId: string) => assertRow(db, 'machines', 'machine', machineId);
  return {
    add(entry) {
      assertMachine(entry.machineId);
      const stored = newFaultLogRecord(entry, clock);
      inTransaction(db, () => {
        db.prepare(
          `INSERT INTO fault_log (id, machine_id, diagnosis_id, recording_id, cause_id,
             component_id, note, recorded_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          stored.id,
          stored.machineId,
          stored.diagnosisId,
          stored.recordingId,
          stored.causeId,
          stored.componentId,
          stored.note,
          stored.recordedBy,
          stored.createdAt,
          stored.createdAt,
        );
        const created = { kind: 'created', fromStatus: null, toStatus: 'open' } as const;
        insertFaultLogEvent(
          db,
          clock,
          {
            ...created,
            entryId: stored.id,
            by: stored.recordedBy,
            reason: '',
            followUpRecordingId: null,
          },
          stored.createdAt,
        );
      });
      return stored;
    },
    get: (entryId) => readRecord(db, entryId),
    listByMachine(machineId) {
      assertMachine(machineId);
      return db
        .prepare(
          'SELECT * FROM fault_log WHERE machine_id = ? ORDER BY created_at DESC, rowid DESC',
        )
        .all(machineId)
        .map(toRecord);
    },
    summaries(machineIds = null) {
      const where =
        machineIds === null ? '' : 'AND f.machine_id IN (SELECT value FROM json_each(?))';
      return db
        .prepare(
          `${SUMMARY_SELECT} WHERE ${NOT_REVIEW_ONLY('f.machine_id')} ${where}
           ORDER BY f.created_at DESC, f.rowid DESC`,
        )
        .all(...(machineIds === null ? [] : [JSON.stringify(machineIds)]))
        .map(toSummary);
    },
    summary(entryId) {
      const row = db.prepare(`${SUMMARY_SELECT} WHERE f.id = ?`).get(entryId);
      if (!row) throw new NotFoundError('fault-log entry', entryId);
      return toSummary(row);
    },
    transition(entryId, change) {
      return inTransaction(db, () => {
        // Read inside the transaction: a second writer sees the first one's status.
        const current = readRecord(db, entryId);
        assertTransition(current.status, change.toStatus, change);
        if (change.followUpRecordingId !== null) {
          assertRow(db, 'recordings', 'recording', change.followUpRecordingId);
        }
        const at = clock.now().toISOString();
        const followUp = change.followUpRecordingId ?? current.followUpRecordingId;
        updateEntry(
          db,
          entryId,
          'status = ?, follow_up_recording_id = ?',
          [change.toStatus, followUp],
          at,
        );
        insertFaultLogEvent(
          db,
          clock,
          { ...change, entryId, kind: 'status', fromStatus: current.status },
          at,
        );
        return readRecord(db, entryId);
      });
    },
    setArchived(entryId, archived, by) {
      return inTransaction(db, () => {
        const current = readRecord(db, entryId);
        if (current.archived === archived) return current;
        const at = clock.now().toISOString();
        updateEntry(db, entryId, 'archived = ?', [archived ? 1 : 0], at);
        const kind = archived ? 'archived' : 'unarchived';
        const status = current.status;
        insertFaultLogEvent(
          db,
          clock,
          {
            entryId,
            kind,
            by,
            fromStatus: status,
            toStatus: status,
            reason: '',
            followUpRecordingId: null,
          },
          at,
        );
        return readRecord(db, entryId);
      });
    },
    history(entryId) {
      assertRow(db, 'fault_log', 'fault-log entry', entryId);
      return faultLogHistory(db, entryId);
    },
    version: (entryId) => rowVersion(db, 'fault_log', 'fault-log entry', entryId),
  };
}
