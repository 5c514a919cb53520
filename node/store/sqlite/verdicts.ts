/**
 * Stored diagnoses in short (VerdictSummary), read out of the report's JSON by SQLite itself so
 * a list of machines or recordings with their verdicts is one query, not one per row.
 */
import type { VerdictSummary } from '../../../shared/api/contract.ts';
import { CAUSE_IDS, SEVERITIES } from '../../../shared/diagnosis/report.ts';
import type { CauseId, Severity } from '../../../shared/diagnosis/report.ts';
import { text, textOrNull } from './rows.ts';
import type { Row } from './rows.ts';

/**
 * A CTE body ranking diagnosis ids (no report is read): `v_rank` is 1 for the newest diagnosis
 * within each `partition` column value. Join the winners' rows afterwards, so that SQLite parses
 * only their reports.
 */
export function rankedDiagnoses(partition: 'machine_id' | 'recording_id', where = ''): string {
  return `SELECT id, machine_id, recording_id, row_number() OVER (PARTITION BY ${partition}
    ORDER BY created_at DESC, rowid DESC) AS v_rank FROM diagnoses ${where}`;
}

/** The columns of a verdict from the diagnoses row aliased `alias`, each named `v_…`. */
export function verdictFields(alias: string): string {
  return `${alias}.id AS v_id, ${alias}.recording_id AS v_recording_id,
    ${alias}.created_at AS v_created_at,
    json_extract(${alias}.report, '$.anomalous') AS v_anomalous,
    json_extract(${alias}.report, '$.anomalyScore') AS v_score,
    json_extract(${alias}.report, '$.threshold') AS v_threshold,
    json_extract(${alias}.report, '$.causes[0].id') AS v_cause,
    json_extract(${alias}.report, '$.causes[0].componentId') AS v_component,
    json_extract(${alias}.report, '$.causes[0].severity') AS v_severity,
    json_extract(${alias}.report, '$.input.usable') AS v_usable,
    json_type(${alias}.report, '$.outsideSpeeds') AS v_outside_speeds`;
}

/** A finite number, or NaN: JSON stores a non-finite score as null. */
function finite(value: unknown): number {
  return typeof value === 'number' ? value : Number.NaN;
}

/** Codes the report file may hold that this version does not know count as none. */
function known<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** The verdict of a row with `verdictFields`, or null when the row has no diagnosis. */
export function toVerdict(row: Row): VerdictSummary | null {
  if (row.v_id === null || row.v_id === undefined) return null;
  return {
    diagnosisId: text(row, 'v_id'),
    recordingId: text(row, 'v_recording_id'),
    createdAt: text(row, 'v_created_at'),
    // json_extract answers a JSON true as 1.
    anomalous: row.v_anomalous === 1 || row.v_anomalous === 1n,
    anomalyScore: finite(row.v_score),
    threshold: finite(row.v_threshold),
    causeId: known<CauseId>(textOrNull(row, 'v_cause'), CAUSE_IDS),
    componentId: textOrNull(row, 'v_component'),
    severity: known<Severity>(textOrNull(row, 'v_severity'), SEVERITIES),
    // Reports without an input check (older ones, or nothing found) are usable.
    usable: row.v_usable !== 0 && row.v_usable !== 0n,
    // Only reports judged against a baseline over several speeds may carry it.
    outsideSpeeds: row.v_outside_speeds === 'object',
  };
}
