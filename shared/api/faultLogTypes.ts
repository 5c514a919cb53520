/**
 * What the API says of the fault log, its pages and history, and the experts' review queue
 * (re-exported by shared/api/contract.ts).
 */
import type { CauseId, Severity } from '../diagnosis/report.ts';
import type { FaultEventKind, FaultStatus } from '../faultLog/workflow.ts';
import type { VerdictSummary } from './libraryTypes.ts';

export interface FaultLogEntry {
  readonly id: string;
  readonly createdAt: string;
  readonly note: string;
  readonly diagnosisId: string;
  readonly machineId: string;
  readonly machineName: string;
  readonly recordingId: string;
  readonly recordingName: string;
  readonly anomalous: boolean;
  readonly anomalyScore: number;
  /** The top cause, or null when none was named. */
  readonly causeId: CauseId | null;
  readonly componentId: string | null;
  readonly severity: Severity | null;
  /** The top cause's confidence, 0..1, or null when none was named. */
  readonly confidence: number | null;
  /** Where it stands in the workflow (shared/faultLog/workflow.ts). */
  readonly status: FaultStatus;
  /** Archived entries are still listed; the Fault log screen hides them unless asked. */
  readonly archived: boolean;
  /** Who saved it ('' when the page did not know). */
  readonly recordedBy: string;
  /** The follow-up recording that verified it (null until verified). */
  readonly followUpRecordingId: string | null;
}

/**
 * The Fault log screen's filters, which the fault-log report is asked for with (applied by
 * shared/faultLog/filter.ts on the page and on the host alike).
 */
export interface FaultLogFilters {
  readonly machineId: string | null;
  readonly causeId: CauseId | null;
  readonly status: FaultStatus | null;
  readonly severity: Severity | null;
  /** Entries made at or after this instant (ms since the epoch), or no lower bound. */
  readonly fromMs: number | null;
  /** Entries made before this instant (exclusive), or no upper bound. */
  readonly untilMs: number | null;
  /** Words that must all occur in the machine, recording, recorder's name or note. */
  readonly text: string;
  readonly showArchived: boolean;
}

/** A page of a long list: at most `limit` items after `cursor` (null: from the start). */
export interface PageRequest {
  readonly limit: number;
  /** The `nextCursor` of the page before, as it came (opaque). */
  readonly cursor: string | null;
}

/** A page of the fault log: the entries `filters` let through, newest first. */
export interface FaultLogPageRequest extends PageRequest {
  readonly filters: FaultLogFilters;
}

export interface FaultLogPage {
  readonly entries: readonly FaultLogEntry[];
  /** The cursor of the next page, or null when this one is the last. */
  readonly nextCursor: string | null;
  /**
   * How many entries the filters let through over every page: answered with the first page
   * (cursor null) only, null with the later ones (counting again on each page would cost a
   * count of up to 100 000 rows per page).
   */
  readonly total: number | null;
}

/** One diagnosis awaiting an expert's verdict: the newest of a recording that has none yet. */
export interface ReviewQueueItem {
  readonly diagnosisId: string;
  readonly recordingId: string;
  readonly recordingName: string;
  readonly machineId: string;
  readonly machineName: string;
  /** The machine's plant on a hub; null on a laptop or for a machine without one. */
  readonly plantName: string | null;
  /** When the diagnosis was made (ISO 8601, UTC). */
  readonly createdAt: string;
  readonly verdict: VerdictSummary;
}

export interface ReviewQueuePage {
  /** Abnormal or unusable diagnoses first, then the others; newest first within each. */
  readonly items: readonly ReviewQueueItem[];
  /** The cursor of the next page, or null when this one is the last. */
  readonly nextCursor: string | null;
}

/** One change of a fault-log entry, as its history keeps it. */
export interface FaultLogEvent {
  readonly id: string;
  readonly entryId: string;
  /** When, ISO 8601 in UTC. */
  readonly at: string;
  /** Who: the name the caller gave ('' for entries made before names were kept). */
  readonly by: string;
  readonly kind: FaultEventKind;
  /** Null for the creation. */
  readonly fromStatus: FaultStatus | null;
  /** The status after the change (unchanged by archiving). */
  readonly toStatus: FaultStatus;
  /** The reason or note given ('' when none). */
  readonly reason: string;
  readonly followUpRecordingId: string | null;
}

/** What a status change brings besides its target. */
export interface FaultLogChange {
  /** The person's name, 1–100 characters once trimmed. */
  readonly by: string;
  /** Required for dismissed; a note otherwise (≤ 2000 characters). */
  readonly reason?: string;
  /** Required for verified: a later recording of the machine, diagnosed normal. */
  readonly followUpRecordingId?: string;
}
