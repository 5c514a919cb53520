/**
 * The cause of an anomaly no rule explains (docs/diagnosis.md §3–4): its frequencies and, when the
 * modulation spectrum is what crossed the threshold, the rates its energy swings at.
 */
import type { Comparison } from './baseline/compare.ts';
import type { BaselineSignature } from './baseline/signature.ts';
import type { TemporalExcess } from './baseline/temporal.ts';
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

/**
 * The short-time energy scores on the threshold's scale (as modulationOnScale), the largest, and
 * the lines of the families that crossed; 0 and none for a baseline without their thresholds.
 */
export function temporalOnScale(
  comparison: Comparison,
  baseline: BaselineSignature,
): { score: number; changed: TemporalExcess[] } {
  const own = { beats: baseline.beatThreshold, knocks: baseline.knockThreshold };
  const scaled = comparison.temporalLines.map((line) => {
    const threshold = own[line.family];
    // The family's score, judged one way (baseline/temporal.ts): the line's z when it points so.
    const score = comparison.scores[line.family];
    return { line, score: threshold ? (score * baseline.threshold) / threshold : 0 };
  });
  return {
    score: Math.max(0, ...scaled.map((s) => s.score)),
    changed: scaled.filter((s) => s.score > baseline.threshold).map((s) => s.line),
  };
}

/** Nominal frame length of each family, ms (features/frameEnergy.ts). */
const FRAME_MS = { beats: 10, knocks: 2.5 } as const;

/** What changed in short-time energy: impacts missing (the tail fell) or appeared (it rose). */
function temporalEvidence(changed: readonly TemporalExcess[]): Cause['evidence'] {
  return changed.map((line) => ({
    code: line.z < 0 ? ('beats-missing' as const) : ('bursts-appeared' as const),
    params: {
      frameMs: FRAME_MS[line.family],
      topPercent: round(100 * (1 - line.probability), 1),
      levelDb: round(line.levelDb, 1),
      healthyDb: round(line.healthyDb, 1),
    },
  }));
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
  temporalChanged: readonly TemporalExcess[] = [],
): Cause {
  const frequencies = findings.filter((f) => f.frequencyHz > 0).slice(0, 5);
  const rhythm = [
    ...rhythmEvidence(comparison, rhythmChanged),
    ...temporalEvidence(temporalChanged),
  ];
  const worst = Math.max(
    0,
    ...findings.map((f) => f.excessDb),
    ...(rhythmChanged && rhythm.length ? comparison.modulationLines.map((l) => l.excessDb) : []),
    ...temporalChanged.map((l) => Math.abs(l.levelDb - l.healthyDb)),
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
