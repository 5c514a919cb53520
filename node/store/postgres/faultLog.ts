/**
 * The fault log, in PostgreSQL, as the SQLite store keeps it (node/store/sqlite/faultLog.ts): a
 * change and its history event in one transaction, the entry's row locked while its status is
 * checked, so two people moving the same entry at once are judged one after the other.
 */
import type { FaultLogEntry, VerdictSummary } from '../../../shared/api/contract.ts';
import type { CauseId } from '../../../shared/diagnosis/report.ts';
import { assertTransition } from '../../../shared/faultLog/workflow.ts';
import type { FaultStatus } from '../../../shared/faultLog/workflow.ts';
import { NotFoundError } from '../errors.ts';
import { NOT_REVIEW_ONLY } from '../reviewRows.ts';
import { newFaultLogRecord } from '../newRows.ts';
import type { Clock } from '../types.ts';
import type { FaultLogRecord, FaultLogStore } from '../types.ts';
import { faultLogHistory, insertFaultLogEvent } from './faultLogEvents.ts';
import { assertRow, iso, rowVersion } from './sql.ts';
import type { Row, Sql } from './sql.ts';
import { toVerdict, verdictFields } from './verdicts.ts';

/** Runs `work` in one transaction (or in the one already open). */
export type Transact = <T>(work: (sql: Sql) => Promise<T>) => Promise<T>;

const textOrNull = (value: unknown) =>
  value === null || value === undefined ? null : String(value);

function workflowFields(row: Row) {
  return {
    status: row.status as FaultStatus,
    archived: row.archived === true,
    recordedBy: String(row.recorded_by),
    followUpRecordingId: textOrNull(row.follow_up_recording_id),
  };
}

function toRecord(row: Row): FaultLogRecord {
  return {
    id: String(row.id),
    machineId: String(row.machine_id),
    diagnosisId: textOrNull(row.diagnosis_id),
    recordingId: textOrNull(row.recording_id),
    causeId: textOrNull(row.cause_id) as CauseId | null,
    componentId: textOrNull(row.component_id),
    note: String(row.note),
    createdAt: iso(row.created_at),
    ...workflowFields(row),
  };
}

/**
 * The verdict is read out of the report in a subquery of its own (OFFSET 0 keeps the planner
 * from merging it in), so PostgreSQL computes it once per diagnosis and memoizes it for the
 * entries naming the same diagnosis. Joined plainly, the report's JSON was taken apart again for
 * every entry: 100 000 entries took 1.2-2.4 s instead of 0.5-0.7 s (npm run bench:hub).
 */
export const SUMMARY_SELECT = `SELECT f.id, f.created_at, f.note, f.diagnosis_id, f.machine_id,
    m.name AS machine_name, f.recording_id, r.name AS recording_name,
    f.cause_id, f.component_id, f.status, f.archived, f.recorded_by, f.follow_up_recording_id,
    v.*
  FROM fault_log f
  JOIN LATERAL (SELECT ${verdictFields('d')},
      (d.report #> '{causes,0,confidence}') AS top_confidence
    FROM diagnoses d WHERE d.id = f.diagnosis_id OFFSET 0) v ON true
  JOIN machines m ON m.id = f.machine_id
  JOIN recordings r ON r.id = f.recording_id`;

export function toSummary(row: Row): FaultLogEntry {
  const verdict = toVerdict(row) as VerdictSummary;
  return {
    id: String(row.id),
    createdAt: iso(row.created_at),
    note: String(row.note),
    diagnosisId: String(row.diagnosis_id),
    machineId: String(row.machine_id),
    machineName: String(row.machine_name),
    recordingId: String(row.recording_id),
    recordingName: String(row.recording_name),
    anomalous: verdict.anomalous,
    anomalyScore: verdict.anomalyScore,
    causeId: textOrNull(row.cause_id) as CauseId | null,
    componentId: textOrNull(row.component_id),
    severity: verdict.severity,
    confidence: typeof row.top_confidence === 'number' ? row.top_confidence : null,
    ...workflowFields(row),
  };
}

async function readRecord(sql: Sql, entryId: string, lock = ''): Promise<FaultLogRecord> {
  const { rows } = await sql.query(`SELECT * FROM fault_log WHERE id = $1 ${lock}`, [entryId]);
  if (rows.length === 0) throw new NotFoundError('fault-log entry', entryId);
  return toRecord(rows[0]);
}

/** Every part of the store but its pages (faultLogPage.ts, which reads the summaries here). */
export function postgresFaultLog(
  sql: Sql,
  clock: Clock,
  transact: Transact,
): Omit<FaultLogStore, 'page' | 'count'> {
  return {
    async add(entry) {
      await assertRow(sql, 'machines', 'machine', entry.machineId);
      const stored = newFaultLogRecord(entry, clock);
      await transact(async (tx) => {
        await tx.query(
          `INSERT INTO fault_log (id, machine_id, diagnosis_id, recording_id, cause_id,
             component_id, note, recorded_by, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
          [
            stored.id,
            stored.machineId,
            stored.diagnosisId,
            stored.recordingId,
            stored.causeId,
            stored.componentId,
            stored.note,
            stored.recordedBy,
            stored.createdAt,
          ],
        );
        const created = { kind: 'created', fromStatus: null, toStatus: 'open' } as const;
        await insertFaultLogEvent(
          tx,
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
    get: (entryId) => readRecord(sql, entryId),
    async listByMachine(machineId) {
      await assertRow(sql, 'machines', 'machine', machineId);
      const { rows } = await sql.query(
        'SELECT * FROM fault_log WHERE machine_id = $1 ORDER BY created_at DESC, seq DESC',
        [machineId],
      );
      return rows.map(toRecord);
    },
    async summaries(machineIds = null) {
      const where = machineIds === null ? '' : 'AND f.machine_id = ANY($1)';
      const { rows } = await sql.query(
        `${SUMMARY_SELECT} WHERE ${NOT_REVIEW_ONLY('f.machine_id')} ${where}
         ORDER BY f.created_at DESC, f.seq DESC`,
        machineIds === null ? [] : [machineIds],
      );
      return rows.map(toSummary);
    },
    async summary(entryId) {
      const { rows } = await sql.query(`${SUMMARY_SELECT} WHERE f.id = $1`, [entryId]);
      if (rows.length === 0) throw new NotFoundError('fault-log entry', entryId);
      return toSummary(rows[0]);
    },
    transition: (entryId, change) =>
      transact(async (tx) => {
        // FOR UPDATE: a second writer waits here and then sees the first one's status.
        const current = await readRecord(tx, entryId, 'FOR UPDATE');
        assertTransition(current.status, change.toStatus, change);
        if (change.followUpRecordingId !== null) {
          await assertRow(tx, 'recordings', 'recording', change.followUpRecordingId);
        }
        const at = clock.now().toISOString();
        const followUp = change.followUpRecordingId ?? current.followUpRecordingId;
        await tx.query(
          `UPDATE fault_log SET status = $1, follow_up_recording_id = $2, updated_at = $3,
             version = version + 1 WHERE id = $4`,
          [change.toStatus, followUp, at, entryId],
        );
        const event = { ...change, entryId, kind: 'status', fromStatus: current.status } as const;
        await insertFaultLogEvent(tx, clock, event, at);
        return readRecord(tx, entryId);
      }),
    setArchived: (entryId, archived, by) =>
      transact(async (tx) => {
        const current = await readRecord(tx, entryId, 'FOR UPDATE');
        if (current.archived === archived) return current;
        const at = clock.now().toISOString();
        await tx.query(
          'UPDATE fault_log SET archived = $1, updated_at = $2, version = version + 1 WHERE id = $3',
          [archived, at, entryId],
        );
        const status = current.status;
        await insertFaultLogEvent(
          tx,
          clock,
          {
            entryId,
            kind: archived ? 'archived' : 'unarchived',
            by,
            fromStatus: status,
            toStatus: status,
            reason: '',
            followUpRecordingId: null,
          },
          at,
        );
        return readRecord(tx, entryId);
      }),
    async history(entryId) {
      await assertRow(sql, 'fault_log', 'fault-log entry', entryId);
      return faultLogHistory(sql, entryId);
    },
    version: (entryId) => rowVersion(sql, 'fault_log', 'fault-log entry', entryId),
  };
}
