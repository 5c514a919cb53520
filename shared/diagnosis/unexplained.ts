/**
 * The cause of an anomaly no rule explains (docs/diagnosis.md §3–4): its frequencies and, when the
 * modulation spectrum is what crossed the threshold, the rates its energy swings at.
 */
import type { Comparison } from './baseline/compare.ts';
import type { BaselineSignature } from './baseline/signature.ts';
import type { Cause, Finding } from './report.ts';
import { round, severityFor } from './severity.ts';

/**
 * The modulation score on the scale of the baseline's threshold, so that it crosses that threshold
 * exactly when it crosses its own (signature.ts); 0 for a baseline without one.
 */
export function modulationOnScale(comparison: Comparison, baseline: BaselineSignature): number {
  const own = baseline.modulationThreshold;
  return own ? (comparison.scores.modulation * baseline.threshold) / own : 0;
}

/** What changed in time, when the modulation is what crossed the threshold. */
function rhythmEvidence(comparison: Comparison, rhythmChanged: boolean): Cause['evidence'] {
  if (!rhythmChanged || comparison.modulationLines.length === 0) return [];
  const findings = comparison.modulationLines.slice(0, 3).map((line) => ({
    frequencyHz: round(line.frequencyHz, 2),
    excessDb: round(line.excessDb, 1),
  }));
  return [{ code: 'rhythm-changed', params: { findings } }];
}

/** An anomaly no rule explains: say so, with its frequencies and any change of rhythm. */
export function unexplained(
  comparison: Comparison,
  findings: readonly Finding[],
  anomalyScore: number,
  rhythmChanged: boolean,
): Cause {
  const frequencies = findings.filter((f) => f.frequencyHz > 0).slice(0, 5);
  const rhythm = rhythmEvidence(comparison, rhythmChanged);
  const worst = Math.max(
    0,
    ...findings.map((f) => f.excessDb),
    ...(rhythm.length ? comparison.modulationLines.map((l) => l.excessDb) : []),
  );
  const evidence: Cause['evidence'][number][] = [
    { code: 'no-pattern-matches', params: { anomalyScore: round(anomalyScore, 2) } },
    ...rhythm,
  ];
  if (frequencies.length) {
    const listed = frequencies.map((f) => ({
      frequencyHz: f.frequencyHz,
      kind: f.kind,
      excessDb: f.excessDb,
    }));
    evidence.push({ code: 'anomalous-at', params: { findings: listed } });
  } else if (rhythm.length === 0) {
    evidence.push({ code: 'shape-differs', params: {} });
  }
  return {
    id: 'unexplained',
    componentId: null,
    confidence: round(Math.min(0.9, 0.3 + 0.05 * anomalyScore), 2),
    severity: severityFor(worst),
    evidence,
    action: { code: 'unexplained', params: {} },
  };
}
