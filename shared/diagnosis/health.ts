/**
 * A machine's health at a glance, from its newest stored diagnosis (docs/diagnosis.md, "Health
 * at a glance"): not anomalous → normal; anomalous with a slight or moderate top cause, or with
 * no cause named → watch; a serious or extreme top cause → act now; a recording without a usable
 * signal (a dead microphone, silence) → no signal, never normal; a recording at a speed its
 * baseline (over several speeds) does not cover → outside the speeds, never normal nor a fault.
 * A machine without a baseline has no verdict to trust yet; one with a baseline but no
 * diagnosis has not been checked.
 */
import type { Severity } from './vocabulary.ts';

export type Verdict = 'normal' | 'watch' | 'act-now' | 'no-signal' | 'outside-speeds';
export type Health = Verdict | 'no-baseline' | 'unchecked';

/** The part of a diagnosis a verdict needs: anomalous or not, and its top cause's severity. */
export interface VerdictBasis {
  readonly anomalous: boolean;
  /** The top cause's severity; null when no cause was named. */
  readonly severity: Severity | null;
  /** False when the recording held no usable signal (checked before any diagnosis). */
  readonly usable?: boolean;
  /** True when the recording's speed lay outside the speeds of its baseline (no fault judged). */
  readonly outsideSpeeds?: boolean;
}

const ACT_NOW: ReadonlySet<Severity> = new Set(['serious', 'extreme']);

/** What one diagnosis says about the machine. */
export function verdictOf(basis: VerdictBasis): Verdict {
  if (basis.usable === false) return 'no-signal';
  if (basis.outsideSpeeds === true) return 'outside-speeds';
  if (!basis.anomalous) return 'normal';
  return basis.severity !== null && ACT_NOW.has(basis.severity) ? 'act-now' : 'watch';
}

/** The machine's health: its newest diagnosis' verdict, once it has a baseline. */
export function machineHealth(hasBaseline: boolean, latest: VerdictBasis | null): Health {
  if (!hasBaseline) return 'no-baseline';
  return latest === null ? 'unchecked' : verdictOf(latest);
}
