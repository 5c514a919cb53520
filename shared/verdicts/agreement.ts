/**
 * How often the automatic top cause agreed with the experts: on each diagnosis' newest verdict
 * (a labelled example), the automatic cause agrees when the expert confirmed it. Pure, for
 * `npm run eval` (scripts/eval/verdicts.ts).
 */
import type { ExpertVerdict } from './expertVerdict.ts';
import { latestPerDiagnosis } from './expertVerdict.ts';

export interface Agreement {
  /** Diagnoses with a verdict (the newest of each counts). */
  readonly examples: number;
  /** Of those, confirmed: the automatic top cause was the expert's. */
  readonly agreed: number;
  /** agreed / examples, or null without examples. */
  readonly agreementRatio: number | null;
}

/** The agreement over verdicts listed newest first (as the store lists them). */
export function verdictAgreement(verdicts: readonly ExpertVerdict[]): Agreement {
  const examples = latestPerDiagnosis(verdicts);
  const agreed = examples.filter((verdict) => verdict.decision === 'confirm').length;
  return {
    examples: examples.length,
    agreed,
    agreementRatio: examples.length === 0 ? null : agreed / examples.length,
  };
}
