/**
 * Experts' verdicts as both stores write and read them: one place, so that the laptop's and the
 * hub's rows cannot drift apart (see newRows.ts).
 */
import { CAUSE_IDS, SEVERITIES } from '../../shared/diagnosis/vocabulary.ts';
import type { CauseId, Severity } from '../../shared/diagnosis/vocabulary.ts';
import type { ExpertVerdict, VerdictCause } from '../../shared/verdicts/expertVerdict.ts';
import type { Clock, NewExpertVerdict } from './types.ts';

/** The columns of a verdict row, in insert order. */
export const VERDICT_COLUMNS = [
  'id',
  'diagnosis_id',
  'machine_id',
  'recording_id',
  'decision',
  'cause_id',
  'other_cause',
  'automatic_cause_id',
  'component_id',
  'severity',
  'action',
  'comment',
  'expert_name',
  'created_at',
  'updated_at',
  'version',
] as const;

/** The stored verdict a new one becomes, on the diagnosis' machine and recording. */
export function newExpertVerdict(
  verdict: NewExpertVerdict,
  diagnosis: { readonly machineId: string; readonly recordingId: string },
  clock: Clock,
): ExpertVerdict {
  const at = verdict.createdAt ?? clock.now().toISOString();
  return {
    ...verdict,
    id: verdict.id ?? clock.newId(),
    machineId: diagnosis.machineId,
    recordingId: diagnosis.recordingId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The row's values in VERDICT_COLUMNS order. */
export function verdictValues(verdict: ExpertVerdict): unknown[] {
  return [
    verdict.id,
    verdict.diagnosisId,
    verdict.machineId,
    verdict.recordingId,
    verdict.decision,
    verdict.causeId,
    verdict.otherCause,
    verdict.automaticCauseId,
    verdict.componentId,
    verdict.severity,
    verdict.action,
    verdict.comment,
    verdict.expertName,
    verdict.createdAt,
    verdict.updatedAt,
    verdict.version,
  ];
}

function isCause(value: unknown): value is CauseId {
  return typeof value === 'string' && (CAUSE_IDS as readonly string[]).includes(value);
}

/** A stored cause: one this version does not know (a newer vocabulary's) reads as 'other'. */
function storedCause(value: unknown): VerdictCause | null {
  if (value === null || value === undefined) return null;
  return isCause(value) || value === 'other' ? value : 'other';
}

/**
 * A verdict from a row's values by column name; `time` turns the store's time values into ISO
 * strings. A cause code this version does not know reads as 'other' with the code as its words.
 */
export function verdictFromRow(
  row: Readonly<Record<string, unknown>>,
  time: (value: unknown) => string,
): ExpertVerdict {
  const text = (column: string) => String(row[column]);
  const textOrNull = (column: string) => (row[column] == null ? null : String(row[column]));
  const causeId = storedCause(row.cause_id);
  const unknownCause = causeId === 'other' && row.cause_id !== 'other';
  const automatic = row.automatic_cause_id;
  const severity = row.severity;
  return {
    id: text('id'),
    diagnosisId: text('diagnosis_id'),
    machineId: text('machine_id'),
    recordingId: text('recording_id'),
    decision: text('decision') === 'confirm' ? 'confirm' : 'correct',
    causeId,
    otherCause: unknownCause ? text('cause_id') : text('other_cause'),
    automaticCauseId: isCause(automatic) ? automatic : null,
    componentId: textOrNull('component_id'),
    severity: (SEVERITIES as readonly unknown[]).includes(severity) ? (severity as Severity) : null,
    action: text('action'),
    comment: text('comment'),
    expertName: text('expert_name'),
    createdAt: time(row.created_at),
    updatedAt: time(row.updated_at),
    version: Number(row.version),
  };
}
