/** Percentiles and the printed lines of the hub benchmark. */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';

/** The nearest-rank percentile (`share` in 0–1) of `values`; NaN for none. */
export function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1];
}

export function msSummary(values: readonly number[]): string {
  const at = (share: number) => percentile(values, share).toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${values.length} calls)`;
}

export const MB = 1_000_000;

/** The peak resident set (VmHWM) of process `pid`, in MB (10^6 bytes), from /proc. */
export async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return (Number(match[1]) * 1024) / MB;
}

/** The 1, 5 and 15 minute load averages, as the machine is shared with other work. */
export function loadLine(): string {
  return `load average ${loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`;
}
