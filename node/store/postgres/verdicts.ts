/**
 * Stored diagnoses in short (VerdictSummary), read out of the report's JSON by PostgreSQL so a
 * list with verdicts is one query, as in the SQLite store (node/store/sqlite/verdicts.ts).
 */
import type { VerdictSummary } from '../../../shared/api/contract.ts';
import { CAUSE_IDS, SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type { CauseId, Severity } from '../../../shared/diagnosis/report.ts';
import { iso } from './sql.ts';
import type { Row } from './sql.ts';

/** Ranks diagnosis ids: `v_rank` is 1 for the newest within each `partition` column value. */
export function rankedDiagnoses(partition: 'machine_id' | 'recording_id', where = ''): string {
  return `SELECT id, machine_id, recording_id, row_number() OVER (PARTITION BY ${partition}
    ORDER BY created_at DESC, seq DESC) AS v_rank FROM diagnoses ${where}`;
}

/** The columns of a verdict from the diagnoses row aliased `alias`, each named `v_…`. */
export function verdictFields(alias: string): string {
  return `${alias}.id AS v_id, ${alias}.recording_id AS v_recording_id,
    ${alias}.created_at AS v_created_at,
    (${alias}.report -> 'anomalous') AS v_anomalous,
    (${alias}.report -> 'anomalyScore') AS v_score,
    (${alias}.report -> 'threshold') AS v_threshold,
    (${alias}.report #>> '{causes,0,id}') AS v_cause,
    (${alias}.report #>> '{causes,0,componentId}') AS v_component,
    (${alias}.report #>> '{causes,0,severity}') AS v_severity,
    (${alias}.report #> '{input,usable}') AS v_usable,
    (jsonb_typeof(${alias}.report -> 'outsideSpeeds') = 'object') AS v_outside_speeds`;
}

/** A finite number, or NaN: JSON stores a non-finite score as null. */
function finite(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

function known<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : null;
}

/** The verdict of a row with `verdictFields`, or null when the row has no diagnosis. */
export function toVerdict(row: Row): VerdictSummary | null {
  if (row.v_id === null || row.v_id === undefined) return null;
  return {
    diagnosisId: String(row.v_id),
    recordingId: String(row.v_recording_id),
    createdAt: iso(row.v_created_at),
    anomalous: row.v_anomalous === true,
    anomalyScore: finite(row.v_score),
    threshold: finite(row.v_threshold),
    causeId: known<CauseId>(row.v_cause, CAUSE_IDS),
    componentId: typeof row.v_component === 'string' ? row.v_component : null,
    severity: known<Severity>(row.v_severity, SEVERITIES),
    // Reports without an input check (older ones, or nothing found) are usable.
    usable: row.v_usable !== false,
    // Only reports judged against a baseline over several speeds may carry it.
    outsideSpeeds: row.v_outside_speeds === true,
  };
}
