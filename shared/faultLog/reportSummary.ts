/**
 * What the fault-log report counts and charts, as pure functions over the entries it prints:
 * entries by cause and by status, entries per calendar month (UTC) by cause, and each machine's
 * anomaly scores over time.
 */
import type { FaultLogEntry } from '../api/contract.ts';
import type { CauseId } from '../diagnosis/report.ts';
import { FAULT_STATUSES } from './workflow.ts';
import type { FaultStatus } from './workflow.ts';

/** A count of entries per cause, `null` for entries without a named cause; largest first. */
export function countByCause(
  entries: readonly FaultLogEntry[],
): { causeId: CauseId | null; count: number }[] {
  const counts = new Map<CauseId | null, number>();
  for (const entry of entries) counts.set(entry.causeId, (counts.get(entry.causeId) ?? 0) + 1);
  return [...counts]
    .map(([causeId, count]) => ({ causeId, count }))
    .sort((a, b) => b.count - a.count || String(a.causeId).localeCompare(String(b.causeId)));
}

/** A count of entries per status, in the workflow's order, statuses without entries left out. */
export function countByStatus(
  entries: readonly FaultLogEntry[],
): { status: FaultStatus; count: number }[] {
  return FAULT_STATUSES.map((status) => ({
    status,
    count: entries.filter((entry) => entry.status === status).length,
  })).filter((row) => row.count > 0);
}

export interface MonthCount {
  /** `YYYY-MM`, the calendar month in UTC. */
  readonly month: string;
  /** Entries of the month by cause (`null`: no cause named). */
  readonly byCause: ReadonlyMap<CauseId | null, number>;
  readonly total: number;
}

/** Every month from the first entry's to the last one's (empty months included), oldest first. */
export function entriesPerMonth(entries: readonly FaultLogEntry[]): MonthCount[] {
  if (entries.length === 0) return [];
  const buckets = new Map<string, Map<CauseId | null, number>>();
  for (const entry of entries) {
    const month = entry.createdAt.slice(0, 7);
    const byCause = buckets.get(month) ?? new Map<CauseId | null, number>();
    byCause.set(entry.causeId, (byCause.get(entry.causeId) ?? 0) + 1);
    buckets.set(month, byCause);
  }
  const months = [...buckets.keys()].sort();
  const out: MonthCount[] = [];
  let [year, month] = months[0].split('-').map(Number);
  const last = months[months.length - 1];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const byCause = buckets.get(key) ?? new Map<CauseId | null, number>();
    let total = 0;
    for (const count of byCause.values()) total += count;
    out.push({ month: key, byCause, total });
    if (key >= last) return out;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

export interface ScoreSeries {
  readonly machineId: string;
  readonly machineName: string;
  /** Oldest first: when each entry was made (ms since the epoch) and its anomaly score. */
  readonly points: readonly { readonly timeMs: number; readonly anomalyScore: number }[];
}

/**
 * Each machine's entries as a score series, the machines with the most entries first, at most
 * `maxMachines` of them (a chart with more lines cannot be read).
 */
export function scoreSeries(entries: readonly FaultLogEntry[], maxMachines: number): ScoreSeries[] {
  const byMachine = new Map<string, { name: string; points: ScoreSeries['points'][number][] }>();
  for (const entry of entries) {
    const series = byMachine.get(entry.machineId) ?? { name: entry.machineName, points: [] };
    series.points.push({ timeMs: Date.parse(entry.createdAt), anomalyScore: entry.anomalyScore });
    byMachine.set(entry.machineId, series);
  }
  return [...byMachine]
    .map(([machineId, { name, points }]) => ({
      machineId,
      machineName: name,
      points: points.sort((a, b) => a.timeMs - b.timeMs),
    }))
    .sort((a, b) => b.points.length - a.points.length || a.machineName.localeCompare(b.machineName))
    .slice(0, maxMachines);
}
