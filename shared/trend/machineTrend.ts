/**
 * A machine's trend (the machine page's Trend panel, `machines.trend`): its diagnoses against a
 * baseline over time, the levels of its characteristic lines, its fault-log entries, and its
 * causes counted by calendar month (UTC). Pure: the host reads the rows, this puts them together.
 */
import type { CauseId, DiagnosisReport, Severity } from '../diagnosis/report.ts';
import type { FaultStatus } from '../faultLog/workflow.ts';
import { lineLevels } from './lineLevels.ts';
import type { TrendLine } from './lineLevels.ts';
import { reportJudged } from '../diagnosis/report.ts';

export type { LineSource, TrendLine } from './lineLevels.ts';

/** A stored diagnosis as the trend reads it (StoredDiagnosis fits). */
export interface TrendDiagnosisInput {
  readonly id: string;
  readonly recordingId: string;
  readonly baselineId: string | null;
  readonly createdAt: string;
  readonly report: DiagnosisReport;
  readonly region: { readonly startSeconds: number; readonly endSeconds: number } | null;
}

export interface TrendRecordingInput {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface TrendFaultInput {
  readonly id: string;
  readonly createdAt: string;
  readonly status: FaultStatus;
  readonly causeId: CauseId | null;
  readonly archived: boolean;
  readonly diagnosisId: string | null;
}

/** One measurement: the newest diagnosis of a recording (or of a stretch of it). */
export interface TrendPoint {
  readonly diagnosisId: string;
  readonly recordingId: string;
  readonly recordingName: string;
  /** When the sound was recorded: the recording's time plus the stretch's start, ISO 8601 UTC. */
  readonly time: string;
  readonly region: { readonly startSeconds: number; readonly endSeconds: number } | null;
  /** Null when the report holds no finite score. */
  readonly anomalyScore: number | null;
  readonly threshold: number | null;
  readonly anomalous: boolean;
  /** The top cause, or null when none was named. */
  readonly causeId: CauseId | null;
  readonly componentId: string | null;
  readonly severity: Severity | null;
  /** The level of each of the trend's `lines`, in their order (dB over the healthy maximum). */
  readonly levelsDb: readonly (number | null)[];
}

export interface TrendFault {
  readonly entryId: string;
  /** When the entry was made, ISO 8601 UTC. */
  readonly time: string;
  readonly status: FaultStatus;
  readonly causeId: CauseId | null;
  readonly archived: boolean;
  readonly diagnosisId: string | null;
}

/** One calendar month (UTC) of the trend's points. */
export interface MonthCauses {
  /** `YYYY-MM`. */
  readonly month: string;
  /** Points measured that month. */
  readonly diagnosisCount: number;
  /** Top causes of that month's anomalous points, most frequent first. */
  readonly causes: readonly { readonly causeId: CauseId; readonly count: number }[];
}

export interface MachineTrend {
  readonly machineId: string;
  /** Oldest first. */
  readonly points: readonly TrendPoint[];
  /** Characteristic lines raised in at least one point, the strongest first (at most 6). */
  readonly lines: readonly TrendLine[];
  /** The machine's fault-log entries, archived ones included, oldest first. */
  readonly faults: readonly TrendFault[];
  /** Months with at least one point, oldest first. */
  readonly causesByMonth: readonly MonthCauses[];
}

function finiteOrNull(value: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function pointTime(recordingAt: string, region: TrendDiagnosisInput['region']): string {
  const ms = Date.parse(recordingAt) + Math.round((region?.startSeconds ?? 0) * 1000);
  return new Date(ms).toISOString();
}

/**
 * The newest diagnosis against a baseline of each recording and stretch: running a diagnosis
 * again (after a new baseline) replaces the point instead of doubling it.
 */
function newestPerMeasurement(diagnoses: readonly TrendDiagnosisInput[]): TrendDiagnosisInput[] {
  const newest = new Map<string, TrendDiagnosisInput>();
  for (const d of diagnoses) {
    // No baseline, no usable signal (the input check) or a speed the baseline does not cover:
    // nothing was measured.
    if (d.baselineId === null || !reportJudged(d.report)) continue;
    const key = `${d.recordingId}|${d.region?.startSeconds ?? ''}|${d.region?.endSeconds ?? ''}`;
    const seen = newest.get(key);
    if (!seen || d.createdAt >= seen.createdAt) newest.set(key, d);
  }
  return [...newest.values()];
}

function monthsOf(points: readonly TrendPoint[]): MonthCauses[] {
  const months = new Map<string, { diagnosisCount: number; counts: Map<CauseId, number> }>();
  for (const point of points) {
    const month = point.time.slice(0, 7);
    const entry = months.get(month) ?? { diagnosisCount: 0, counts: new Map() };
    entry.diagnosisCount += 1;
    if (point.anomalous && point.causeId !== null)
      entry.counts.set(point.causeId, (entry.counts.get(point.causeId) ?? 0) + 1);
    months.set(month, entry);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, { diagnosisCount, counts }]) => ({
      month,
      diagnosisCount,
      causes: [...counts.entries()]
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .map(([causeId, count]) => ({ causeId, count })),
    }));
}

/** Puts a machine's rows together into its trend. */
export function machineTrend(input: {
  readonly machineId: string;
  readonly recordings: readonly TrendRecordingInput[];
  readonly diagnoses: readonly TrendDiagnosisInput[];
  readonly faults: readonly TrendFaultInput[];
}): MachineTrend {
  const recordings = new Map(input.recordings.map((r) => [r.id, r]));
  const measured = newestPerMeasurement(input.diagnoses)
    .filter((d) => recordings.has(d.recordingId))
    .map((d) => ({ d, time: pointTime(recordings.get(d.recordingId)!.createdAt, d.region) }))
    .sort(
      (a, b) => Date.parse(a.time) - Date.parse(b.time) || compare(a.d.createdAt, b.d.createdAt),
    );
  const { lines, levelsDb } = lineLevels(measured.map(({ d }) => d.report));
  const points = measured.map(({ d, time }, index): TrendPoint => {
    const top = d.report.causes[0];
    return {
      diagnosisId: d.id,
      recordingId: d.recordingId,
      recordingName: recordings.get(d.recordingId)!.name,
      time,
      region: d.region,
      anomalyScore: finiteOrNull(d.report.anomalyScore),
      threshold: finiteOrNull(d.report.threshold),
      anomalous: d.report.anomalous,
      causeId: top?.id ?? null,
      componentId: top?.componentId ?? null,
      severity: top?.severity ?? null,
      levelsDb: levelsDb[index],
    };
  });
  const faults = [...input.faults]
    .sort((a, b) => compare(a.createdAt, b.createdAt))
    .map((f): TrendFault => ({
      entryId: f.id,
      time: f.createdAt,
      status: f.status,
      causeId: f.causeId,
      archived: f.archived,
      diagnosisId: f.diagnosisId,
    }));
  return { machineId: input.machineId, points, lines, faults, causesByMonth: monthsOf(points) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
