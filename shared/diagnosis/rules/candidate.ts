/** What a rule proposes: a cause with its numbers, before the engine ranks and words it. */
import type { CauseId, EvidenceItem } from '../report.ts';

export interface CauseCandidate {
  readonly id: CauseId;
  readonly componentId: string | null;
  /** 0..1 before the no-baseline reduction. */
  readonly confidence: number;
  /** The cause's excess over the healthy machine, dB (sets the severity). */
  readonly excessDb: number;
  readonly evidence: readonly EvidenceItem[];
  /** Frequencies this cause accounts for, Hz (so they are not called unexplained). */
  readonly explainedHz: readonly number[];
}

/** Clamps to [0, 0.99]: no rule is ever certain. */
export function clampConfidence(value: number): number {
  return Math.min(0.99, Math.max(0, value));
}

/** Logistic map of an evidence strength to a confidence: `midpoint` gives 0.5. */
export function logisticConfidence(strength: number, midpoint: number, width: number): number {
  return clampConfidence(1 / (1 + Math.exp(-(strength - midpoint) / width)));
}
