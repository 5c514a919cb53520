/**
 * The diagnosis report: the JSON object of docs/formats.md (`auscult diagnose --json`). Findings,
 * evidence and actions are codes with parameters, not sentences, so that every reader (page, CLI,
 * PDF) words them in its own language through shared/i18n/diagnosisText.ts.
 */
import type { ActionItem, EvidenceItem, FindingItem, LegacyText } from './reportItems.ts';
import type { SpeedUsedItem } from './speed/speedsUsed.ts';

export type * from './reportItems.ts';

export { CAUSE_IDS, SEVERITIES } from './vocabulary.ts';
export type { CauseId, FindingKind, Severity } from './vocabulary.ts';
import type { CauseId, FindingKind, Severity } from './vocabulary.ts';

export interface Finding {
  readonly kind: FindingKind;
  readonly frequencyHz: number;
  /** Excess over the machine's own baseline (or over the local floor without one), dB. */
  readonly excessDb: number;
  /** What was found, as a code; a report stored before codes holds an English sentence. */
  readonly detail: FindingItem | LegacyText;
}

export interface Cause {
  readonly id: CauseId;
  /** The profile component (or shaft) it concerns; null when none applies. */
  readonly componentId: string | null;
  /** 0..1. */
  readonly confidence: number;
  readonly severity: Severity;
  /** Why this cause, as codes; a report stored before codes holds English sentences. */
  readonly evidence: readonly (EvidenceItem | LegacyText)[];
  /** What to do, as a code; a report stored before codes holds an English sentence. */
  readonly action: ActionItem | LegacyText;
}

export interface DiagnosisReport {
  readonly file: string;
  readonly sampleRateHz: number;
  readonly durationSeconds: number;
  readonly anomalous: boolean;
  readonly anomalyScore: number;
  readonly threshold: number;
  readonly findings: readonly Finding[];
  /** Highest confidence first; empty when nothing is anomalous. */
  readonly causes: readonly Cause[];
  /**
   * The speed used for each shaft of the profile and where it came from (given, estimated from
   * the sound, the profile's). Absent without a profile with shafts, and in reports stored before.
   */
  readonly speeds?: readonly SpeedUsedItem[];
}
