/**
 * The diagnosis report: the JSON object of docs/formats.md (`auscult diagnose --json`). Findings,
 * evidence and actions are codes with parameters, not sentences, so that every reader (page, CLI,
 * PDF) words them in its own language through shared/i18n/diagnosisText.ts.
 */
import type { OutsideSpeeds } from './baseline/baselineAtSpeed.ts';
import type { InputCheck } from './inputCheck.ts';
import type { ActionItem, EvidenceItem, FindingItem, LegacyText } from './reportItems.ts';
import type { SpeedUsedItem } from './speed/speedsUsed.ts';

export type {
  InputCheck,
  InputProblem,
  InputProblemCode,
  InputProblemParams,
} from './inputCheck.ts';

export type * from './reportItems.ts';
export type { OutsideSpeeds } from './baseline/baselineAtSpeed.ts';

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

/**
 * What the anomaly score measures: 'baseline-spread' — the recording's largest deviation from the
 * machine's healthy recordings in units of their own spread (3: the edge of normal); without a
 * baseline, 'kinematic-prominence' — how clearly the strongest defect pattern stands out.
 */
export type ScoreScale = 'baseline-spread' | 'kinematic-prominence';

/**
 * The band a verdict rests on when the recording's is narrower than the baseline's: 'phone-band'
 * for a telephone channel (it ends below 4 kHz), 'common-band' otherwise.
 */
export interface JudgedBand {
  readonly code: 'phone-band' | 'common-band';
  readonly params: { readonly lowHz: number; readonly highHz: number };
}

export interface DiagnosisReport {
  readonly file: string;
  readonly sampleRateHz: number;
  readonly durationSeconds: number;
  readonly anomalous: boolean;
  readonly anomalyScore: number;
  readonly threshold: number;
  /** The score's scale; absent in reports stored before it was named. */
  readonly scoreScale?: ScoreScale;
  readonly findings: readonly Finding[];
  /** Highest confidence first; empty when nothing is anomalous. */
  readonly causes: readonly Cause[];
  /**
   * The input check, when it found anything: unusable (no diagnosis was made; anomalous is false,
   * the score 0 and nothing else holds) or warnings beside a diagnosis. Absent: the input passed
   * (and in reports stored before the check existed).
   */
  readonly input?: InputCheck;
  /**
   * The speed used for each shaft of the profile and where it came from (given, estimated from
   * the sound, the profile's). Absent without a profile with shafts, and in reports stored before.
   */
  readonly speeds?: readonly SpeedUsedItem[];
  /** Absent when the whole baseline band was compared (and in reports stored before). */
  readonly judgedBand?: JudgedBand;
  /**
   * Set when the recording's speed lies outside the speeds of a baseline over several speeds:
   * no comparison was made (anomalous is false, the score 0, no finding, no cause).
   */
  readonly outsideSpeeds?: OutsideSpeeds;
}

/**
 * False when the report judged nothing — no usable signal, or a speed outside its baseline's —
 * so it has no score, finding or cause to show and no point on a trend.
 */
export function reportJudged(report: Pick<DiagnosisReport, 'input' | 'outsideSpeeds'>): boolean {
  return report.input?.usable !== false && report.outsideSpeeds === undefined;
}
