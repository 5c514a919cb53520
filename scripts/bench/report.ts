/**
 * The benchmark's printout: medians per implementation, Auscult's ratios against the faster
 * Python peer, the issue's targets, and whether every implementation computed the same thing.
 */
import type { PeerRun } from './runPeer.ts';

export interface PeerSummary {
  readonly name: string;
  readonly runs: number;
  readonly computeSeconds: number;
  readonly totalSeconds: number;
  readonly wallSeconds: number;
  readonly maxRssMb: number;
  readonly last: PeerRun;
}

export const MEMORY_TARGET_MB = 200;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function summarize(name: string, runs: readonly PeerRun[]): PeerSummary {
  return {
    name,
    runs: runs.length,
    computeSeconds: median(runs.map((r) => r.computeSeconds)),
    totalSeconds: median(runs.map((r) => r.totalSeconds)),
    wallSeconds: median(runs.map((r) => r.wallSeconds)),
    maxRssMb: median(runs.map((r) => r.maxRssMb)),
    last: runs[runs.length - 1],
  };
}

export function table(summaries: readonly PeerSummary[]): string {
  const header = ['implementation', 'compute s', 'process s', 'wall s', 'peak MB', 'runs'];
  const rows = summaries.map((s) => [
    s.name,
    s.computeSeconds.toFixed(3),
    s.totalSeconds.toFixed(3),
    s.wallSeconds.toFixed(3),
    s.maxRssMb.toFixed(0),
    String(s.runs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Auscult against the faster Python peer on each measure, with the issue's targets. */
export function ratios(auscult: PeerSummary, python: readonly PeerSummary[]): string[] {
  if (python.length === 0) return [];
  const lines: string[] = [];
  const measures = [
    { label: 'compute', pick: (s: PeerSummary) => s.computeSeconds },
    { label: 'whole process (own clock)', pick: (s: PeerSummary) => s.totalSeconds },
    { label: 'whole process (wall)', pick: (s: PeerSummary) => s.wallSeconds },
  ];
  for (const { label, pick } of measures) {
    const fastest = python.reduce((a, b) => (pick(b) < pick(a) ? b : a));
    const ratio = pick(auscult) / pick(fastest);
    const verdict = ratio < 1 ? 'target met' : 'TARGET MISSED';
    lines.push(
      `${label}: Auscult ${pick(auscult).toFixed(3)} s vs ${fastest.name} ${pick(fastest).toFixed(3)} s` +
        ` = ${ratio.toFixed(2)}× (${(1 / ratio).toFixed(1)}× faster) — ${verdict}`,
    );
  }
  const leanest = python.reduce((a, b) => (b.maxRssMb < a.maxRssMb ? b : a));
  lines.push(
    `peak memory: Auscult ${auscult.maxRssMb.toFixed(0)} MB vs ${leanest.name} ${leanest.maxRssMb.toFixed(0)} MB` +
      ` = ${(auscult.maxRssMb / leanest.maxRssMb).toFixed(2)}× — ` +
      (auscult.maxRssMb < MEMORY_TARGET_MB ? 'under' : 'OVER') +
      ` the ${MEMORY_TARGET_MB} MB target`,
  );
  return lines;
}

/** Peaks must be the same bin everywhere; band totals within 1 %. */
export function agreement(summaries: readonly PeerSummary[]): string[] {
  const reference = summaries[0].last;
  const lines: string[] = [];
  for (const { name, last } of summaries.slice(1)) {
    const checks = [
      ['psdPeakHz', last.psdPeakHz === reference.psdPeakHz],
      ['envelopePeakHz', last.envelopePeakHz === reference.envelopePeakHz],
      ['psdTotal', Math.abs(last.psdTotal / reference.psdTotal - 1) <= 0.01],
      ['envelopeTotal', Math.abs(last.envelopeTotal / reference.envelopeTotal - 1) <= 0.01],
    ] as const;
    const failed = checks.filter(([, ok]) => !ok).map(([field]) => field);
    const detail =
      `PSD peak ${last.psdPeakHz.toFixed(2)} Hz, envelope peak ${last.envelopePeakHz.toFixed(2)} Hz, ` +
      `totals ${(last.psdTotal / reference.psdTotal - 1).toExponential(1)} / ` +
      `${(last.envelopeTotal / reference.envelopeTotal - 1).toExponential(1)} relative`;
    lines.push(
      `${name} vs ${summaries[0].name}: ${failed.length === 0 ? 'OK' : `MISMATCH (${failed.join(', ')})`} — ${detail}`,
    );
  }
  return lines;
}
