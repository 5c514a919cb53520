/** What each language supplies to say a diagnosis in plain words (shared/i18n/plainText.ts). */
import type { CauseId, EvidenceCode, EvidenceParams, Severity } from '../../diagnosis/report.ts';

export interface PlainCauseWords {
  /** The problem, about the component when one is named: "Chips or debris in the X ball screw". */
  readonly problem: (component: string | null) => string;
  /** What to do, short: "clean it". */
  readonly fix: string;
}

export interface PlainWords {
  readonly causes: Readonly<Record<CauseId, PlainCauseWords>>;
  /** The verdict's headline from the problem, the fix and the severity. */
  headline(problem: string, fix: string, severity: Severity): string;
  /** One line per severity: what it means and how soon to act. */
  readonly urgency: Readonly<Record<Severity, string>>;
  /** The whole scale in one line. */
  readonly scale: string;
  /** A phrase per evidence code for everyone; null: nothing a non-specialist needs. */
  readonly evidence: {
    readonly [C in EvidenceCode]: (params: EvidenceParams[C]) => string | null;
  };
  /** Irregular knocks against the baseline, said as one phrase. */
  readonly irregularKnocks: string;
  /** When no evidence item has a plain phrase. */
  readonly fallback: string;
  /** Joins phrases into one sentence. */
  sentence(phrases: readonly string[]): string;
}
