/**
 * The fault log's status workflow as pure rules, so the store, the workflows and later the page
 * agree on what may follow what. An entry moves forward along the chain (skipping steps is
 * allowed: a repair found done on the first visit goes open → repaired), or is dismissed with a
 * reason from any status before verified; verified and dismissed are final. Archiving is a
 * separate flag, not a status (docs/hosts.md, "Fault log").
 */
import { MAX_PERSON_NAME_LENGTH } from '../api/limits.ts';

/** The chain an entry moves along, in order; `dismissed` leaves it. */
export const FAULT_STATUS_CHAIN = [
  'open',
  'acknowledged',
  'repair-planned',
  'repaired',
  'verified',
] as const;
export const FAULT_STATUSES = [...FAULT_STATUS_CHAIN, 'dismissed'] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** What a history event records: the creation, a status change, or the archive flag. */
export const FAULT_EVENT_KINDS = ['created', 'status', 'archived', 'unarchived'] as const;
export type FaultEventKind = (typeof FAULT_EVENT_KINDS)[number];

/** Why a change is refused; each is an API error reason with a sentence in both languages. */
export type FaultLogProblem =
  /** Not a forward move, or from a final status: params.from, params.to. */
  | 'transition-not-allowed'
  /** Dismissing needs a non-empty reason. */
  | 'reason-required'
  /** Verifying needs a follow-up recording. */
  | 'follow-up-required'
  /** A follow-up recording given for a status other than verified. */
  | 'follow-up-not-expected'
  /** The follow-up recording is of another machine: params.name. */
  | 'follow-up-other-machine'
  /** The follow-up recording was made before the entry: params.name. */
  | 'follow-up-before-entry'
  /** The follow-up recording has no diagnosis against a baseline: params.name. */
  | 'follow-up-not-diagnosed'
  /** The follow-up recording's newest diagnosis is anomalous: params.name. */
  | 'follow-up-not-normal';

/** A refused fault-log change: the problem and the values its sentence uses. */
export class FaultLogRuleError extends Error {
  override readonly name = 'FaultLogRuleError';
  readonly problem: FaultLogProblem;
  readonly params: Readonly<Record<string, string>>;
  constructor(
    problem: FaultLogProblem,
    message: string,
    params: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.problem = problem;
    this.params = params;
  }
}

export function isFaultStatus(value: unknown): value is FaultStatus {
  return typeof value === 'string' && (FAULT_STATUSES as readonly string[]).includes(value);
}

/** True for the statuses nothing may follow. */
export function isFinalStatus(status: FaultStatus): boolean {
  return status === 'verified' || status === 'dismissed';
}

/** True when an entry in `from` may move to `to` (the status rule alone). */
export function isTransitionAllowed(from: FaultStatus, to: FaultStatus): boolean {
  if (isFinalStatus(from)) return false;
  if (to === 'dismissed') return true;
  const chain: readonly FaultStatus[] = FAULT_STATUS_CHAIN;
  return chain.indexOf(to) > chain.indexOf(from);
}

/** The statuses an entry in `from` may move to, in the chain's order, dismissed last. */
export function nextStatuses(from: FaultStatus): FaultStatus[] {
  return FAULT_STATUSES.filter((to) => isTransitionAllowed(from, to));
}

/** What a change brings besides its target status. */
export interface TransitionInput {
  /** Why, or a note; required (non-empty once trimmed) for dismissed. */
  readonly reason: string;
  /** The follow-up recording; required for verified, refused for any other status. */
  readonly followUpRecordingId: string | null;
}

/**
 * The first rule a change from `from` to `to` breaks, or null when it breaks none. Whether the
 * follow-up recording is of the same machine, later and normal needs the library: the
 * workflow checks that (node/workflows/faultLog.ts).
 */
export function transitionProblem(
  from: FaultStatus,
  to: FaultStatus,
  input: TransitionInput,
): FaultLogProblem | null {
  if (!isTransitionAllowed(from, to)) return 'transition-not-allowed';
  if (to === 'dismissed' && input.reason.trim() === '') return 'reason-required';
  if (to === 'verified' && input.followUpRecordingId === null) return 'follow-up-required';
  if (to !== 'verified' && input.followUpRecordingId !== null) return 'follow-up-not-expected';
  return null;
}

/** Throws FaultLogRuleError for the first rule the change breaks. */
export function assertTransition(from: FaultStatus, to: FaultStatus, input: TransitionInput): void {
  const problem = transitionProblem(from, to, input);
  if (problem === null) return;
  const params: Record<string, string> = problem === 'transition-not-allowed' ? { from, to } : {};
  throw new FaultLogRuleError(
    problem,
    `a fault-log entry cannot go from ${from} to ${to}: ${problem}`,
    params,
  );
}

/**
 * A person's name as stored with a change: trimmed; null when it is empty or longer than
 * MAX_PERSON_NAME_LENGTH characters (`allowEmpty` for the entry's recordedBy, which the page
 * may not know yet).
 */
export function personName(name: string, allowEmpty = false): string | null {
  const trimmed = name.trim();
  if (trimmed.length > MAX_PERSON_NAME_LENGTH) return null;
  if (trimmed === '' && !allowEmpty) return null;
  return trimmed;
}
