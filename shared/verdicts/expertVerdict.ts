/**
 * An expert's verdict on a stored diagnosis: the automatic top cause confirmed, or corrected to
 * another cause of the vocabulary (or to "other", in words). A diagnosis may get several; the
 * newest counts and the earlier ones stay as its history. A verdict row carries its own UUID,
 * times, version, who made it and the diagnosis it judges, so it can travel between libraries
 * on its own (a reply bundle). Verdicts are the labelled examples of a machine (scripts/eval).
 */
import { CAUSE_IDS } from '../diagnosis/vocabulary.ts';
import type { CauseId, Severity } from '../diagnosis/vocabulary.ts';

export const VERDICT_DECISIONS = ['confirm', 'correct'] as const;
export type VerdictDecision = (typeof VERDICT_DECISIONS)[number];

/** A cause an expert may name: one of the vocabulary, or 'other' with words. */
export type VerdictCause = CauseId | 'other';
export const VERDICT_CAUSES: readonly VerdictCause[] = [...CAUSE_IDS, 'other'];

/** Longest "other" cause in words, in characters (trimmed). */
export const MAX_OTHER_CAUSE_LENGTH = 200;
/** Longest "what to do" and comment, in characters. */
export const MAX_VERDICT_TEXT_LENGTH = 2000;
/** Longest component id a verdict names (profile ids are short). */
export const MAX_VERDICT_COMPONENT_LENGTH = 64;

/** What an expert sends: the verdict without the fields the library fills in. */
export interface VerdictInput {
  readonly decision: VerdictDecision;
  /** Confirm: null or the automatic top cause. Correct: the cause the expert names. */
  readonly causeId: VerdictCause | null;
  /** The cause in words when causeId is 'other'; '' otherwise. */
  readonly otherCause: string;
  readonly componentId: string | null;
  readonly severity: Severity | null;
  /** What to do. */
  readonly action: string;
  readonly comment: string;
  /** The expert's name, 1–100 characters once trimmed. */
  readonly expertName: string;
}

/** A stored verdict. */
export interface ExpertVerdict extends VerdictInput {
  readonly id: string;
  readonly diagnosisId: string;
  readonly machineId: string;
  readonly recordingId: string;
  /**
   * The diagnosis' automatic top cause when the verdict was made (null: none named), kept with
   * the verdict so that a verdict that travels alone still says what it agreed with.
   */
  readonly automaticCauseId: CauseId | null;
  /** ISO 8601 in UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 when written; verdicts are never changed, a new one is recorded instead. */
  readonly version: number;
}

/** The cause the expert holds for true: the automatic one when confirming. */
export function verdictCause(verdict: ExpertVerdict): VerdictCause | null {
  return verdict.decision === 'confirm' ? verdict.automaticCauseId : verdict.causeId;
}

/** The newest verdict of each diagnosis, from verdicts listed newest first. */
export function latestPerDiagnosis(verdicts: readonly ExpertVerdict[]): ExpertVerdict[] {
  const seen = new Set<string>();
  return verdicts.filter((verdict) => {
    if (seen.has(verdict.diagnosisId)) return false;
    seen.add(verdict.diagnosisId);
    return true;
  });
}

/** What a verdict cannot say about its diagnosis (the page words each: shared/api/errors.ts). */
export type VerdictProblem =
  /** Confirm, but the diagnosis named no cause. */
  | 'verdict-nothing-to-confirm'
  /** Confirm, naming a cause other than the diagnosis' own. */
  | 'verdict-not-top-cause'
  /** Correct to the cause the diagnosis already named (that is a confirmation). */
  | 'verdict-same-cause';

export class VerdictRuleError extends Error {
  override readonly name = 'VerdictRuleError';
  readonly problem: VerdictProblem;
  constructor(problem: VerdictProblem, message: string) {
    super(message);
    this.problem = problem;
  }
}

/**
 * The cause the verdict records against a diagnosis whose automatic top cause is `automatic`:
 * confirming takes the automatic one. Throws VerdictRuleError when there is nothing to confirm,
 * or when a correction names the cause already given.
 */
export function checkedVerdictCause(
  input: VerdictInput,
  automatic: CauseId | null,
): VerdictCause | null {
  if (input.decision === 'confirm') {
    if (automatic === null) {
      throw new VerdictRuleError(
        'verdict-nothing-to-confirm',
        'the diagnosis named no cause to confirm',
      );
    }
    if (input.causeId !== null && input.causeId !== automatic) {
      throw new VerdictRuleError(
        'verdict-not-top-cause',
        "a confirmation takes the diagnosis' own cause; name another cause as a correction",
      );
    }
    return automatic;
  }
  if (input.causeId === automatic) {
    throw new VerdictRuleError(
      'verdict-same-cause',
      'the correction names the cause the diagnosis already gave; confirm it instead',
    );
  }
  return input.causeId;
}
