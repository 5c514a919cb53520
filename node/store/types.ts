/**
 * The storage seam (docs/architecture.md): what the workflows need from a library, as async
 * interfaces. The laptop implements them with SQLite and a folder of WAV files
 * (node/store/sqlite, node/store/folderAudioStore.ts); a server implements the same interfaces
 * and passes the same contract suite (tests/node/store/storeContract.ts).
 *
 * Every row carries a UUID, created and updated times (ISO 8601, UTC) and a version that starts
 * at 1 and grows by one with each change, so rows can move between stores without collisions.
 */
import type {
  BaselineSummary,
  FaultLogEntry,
  FaultLogFilters,
  FaultLogEvent,
  MachineDetail,
  MachineSummary,
  RecordingSummary,
  ReviewQueueItem,
  StoredDiagnosis,
  VerdictSummary,
} from '../../shared/api/contract.ts';
import type { FaultLogKey, ReviewQueueKey } from '../../shared/api/pageCursor.ts';
import type { BaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { CauseId, DiagnosisReport } from '../../shared/diagnosis/report.ts';
import type { FaultEventKind, FaultStatus } from '../../shared/faultLog/workflow.ts';
import type { ExpertVerdict, VerdictInput } from '../../shared/verdicts/expertVerdict.ts';
import type { StoredCalibration } from '../../shared/audio/calibration/storedCalibration.ts';
import type { ReviewNote, ReviewOrigin, ReviewSummary } from '../../shared/bundle/review.ts';

/** The clock and id generator every created_at and id comes from (injectable for tests). */
export interface Clock {
  readonly now: () => Date;
  readonly newId: () => string;
}

/** The tables whose rows carry a version (every table but schema_migrations). */
export type VersionedTable =
  | 'machines'
  | 'recordings'
  | 'baselines'
  | 'diagnoses'
  | 'fault_log'
  | 'fault_log_events'
  | 'settings'
  | 'expert_verdicts'
  | 'reviews';

/** Where a row stands in its history: enough to tell which of two copies is newer. */
export interface RowVersion {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface MachineStore {
  /** Every machine, oldest first. */
  list(): Promise<MachineSummary[]>;
  /** One machine with its profile and current baseline. Rejects with NotFoundError. */
  get(machineId: string): Promise<MachineDetail>;
  exists(machineId: string): Promise<boolean>;
  /** The machine's profile, checked again on the way out. Rejects with NotFoundError. */
  profile(machineId: string): Promise<MachineProfile>;
  /** Adds a machine named after its profile; resolves to its id (`options.id` or a new one). */
  insert(
    profile: MachineProfile,
    options?: { readonly isDemo?: boolean; readonly id?: string },
  ): Promise<string>;
  /** Replaces the profile (and so the name). Rejects with NotFoundError. */
  updateProfile(machineId: string, profile: MachineProfile): Promise<void>;
  /** The row's UUID, times and version. Rejects with NotFoundError. */
  version(machineId: string): Promise<RowVersion>;
}

export interface RecordingStore {
  /** A machine's recordings, oldest first. Rejects with NotFoundError for an unknown machine. */
  list(machineId: string): Promise<RecordingSummary[]>;
  /** Rejects with NotFoundError. */
  get(recordingId: string): Promise<RecordingSummary>;
  exists(recordingId: string): Promise<boolean>;
  /**
   * Adds the row of a recording whose audio is already in the audio store; a recording with an
   * `original` file names the audio-store key it is kept under (null exactly when it has none).
   */
  insert(recording: RecordingSummary, originalAudioKey?: string | null): Promise<void>;
  /** The audio-store key of the recording's original file, or null. NotFoundError if unknown. */
  originalAudioKey(recordingId: string): Promise<string | null>;
  version(recordingId: string): Promise<RowVersion>;
  /**
   * Gives the recording the microphone calibration it was measured through (a copy), or with
   * null takes it away: a new version of the row. Rejects with NotFoundError.
   */
  setCalibration(recordingId: string, calibration: StoredCalibration | null): Promise<void>;
}

export interface StoredBaseline {
  readonly summary: BaselineSummary;
  readonly signature: BaselineSignature;
}

export interface BaselineStore {
  /** The machine's current (latest) baseline without its signature, or null. */
  currentSummary(machineId: string): Promise<BaselineSummary | null>;
  /** The machine's current baseline with its signature, or null. */
  current(machineId: string): Promise<StoredBaseline | null>;
  /** Stores a new baseline; it becomes the current one. */
  insert(
    machineId: string,
    signature: BaselineSignature,
    recordingIds: readonly string[],
  ): Promise<BaselineSummary>;
}

/** The stretch of a recording a diagnosis was made on, seconds from its start. */
export interface DiagnosisRegion {
  readonly startSeconds: number;
  readonly endSeconds: number;
}

export interface NewDiagnosis {
  readonly recordingId: string;
  readonly machineId: string;
  /** The baseline it was made against; null: kinematic evidence only. */
  readonly baselineId: string | null;
  readonly report: DiagnosisReport;
  /** Null: the whole recording. */
  readonly region?: DiagnosisRegion | null;
  /** A diagnosis arriving from another library (a review bundle) keeps its id and time. */
  readonly id?: string;
  readonly createdAt?: string;
}

/** A page of the diagnoses awaiting review (DiagnosisStore.awaitingReview). */
export interface ReviewQueueQuery {
  readonly limit: number;
  /** The last item of the page before, or null for the first page. */
  readonly after: ReviewQueueKey | null;
  /** Only these machines' recordings (a hub user's plants), or null for every machine. */
  readonly machineIds: readonly string[] | null;
}

export interface ReviewQueueRows {
  readonly items: ReviewQueueItem[];
  /** The key of the last item when more follow, else null. */
  readonly next: ReviewQueueKey | null;
}

export interface DiagnosisStore {
  insert(diagnosis: NewDiagnosis): Promise<StoredDiagnosis>;
  /** A recording's diagnoses, newest first. Rejects with NotFoundError for an unknown recording. */
  list(recordingId: string): Promise<StoredDiagnosis[]>;
  /** Rejects with NotFoundError. */
  get(diagnosisId: string): Promise<StoredDiagnosis>;
  /**
   * The newest diagnosis of each of the machine's recordings that has one, in short, in the
   * recordings' order (one query, not one per recording). Rejects with NotFoundError for an
   * unknown machine.
   */
  latestByMachine(machineId: string): Promise<VerdictSummary[]>;
  /**
   * Every diagnosis of the machine's recordings, oldest first (one query: the machine's trend).
   * Rejects with NotFoundError for an unknown machine.
   */
  listByMachine(machineId: string): Promise<StoredDiagnosis[]>;
  /**
   * The newest diagnosis of each recording none of whose diagnoses has an expert's verdict:
   * abnormal or unusable ones first, then newest first (diagnosis time, then id), a page at a
   * time by keyset (one query).
   */
  awaitingReview(query: ReviewQueueQuery): Promise<ReviewQueueRows>;
}

/** A fault-log row as stored. */
export interface FaultLogRecord {
  readonly id: string;
  readonly machineId: string;
  readonly diagnosisId: string | null;
  readonly recordingId: string | null;
  readonly causeId: CauseId | null;
  readonly componentId: string | null;
  readonly note: string;
  readonly createdAt: string;
  readonly status: FaultStatus;
  readonly archived: boolean;
  /** Who saved it ('' when unknown). */
  readonly recordedBy: string;
  /** The follow-up recording that verified it (null until verified). */
  readonly followUpRecordingId: string | null;
}

export type NewFaultLogRecord = Pick<FaultLogRecord, 'machineId' | 'note'> &
  Partial<
    Pick<FaultLogRecord, 'diagnosisId' | 'recordingId' | 'causeId' | 'componentId' | 'recordedBy'>
  >;

/** A status change as the store writes it (the workflow has checked the follow-up recording). */
export interface FaultLogTransition {
  readonly toStatus: FaultStatus;
  /** The person's name, trimmed and non-empty. */
  readonly by: string;
  /** '' when none. */
  readonly reason: string;
  readonly followUpRecordingId: string | null;
}

/** A history event to write; its id and time come from the clock. */
export interface NewFaultLogEvent {
  readonly entryId: string;
  readonly kind: FaultEventKind;
  readonly by: string;
  readonly fromStatus: FaultStatus | null;
  readonly toStatus: FaultStatus;
  readonly reason: string;
  readonly followUpRecordingId: string | null;
}

/** A page of the fault log (FaultLogStore.page). */
export interface FaultLogPageQuery {
  readonly limit: number;
  /** The last entry of the page before, or null for the first page. */
  readonly after: FaultLogKey | null;
  readonly filters: FaultLogFilters;
  /** Only these machines' entries (a hub user's plants), or null for every machine. */
  readonly machineIds: readonly string[] | null;
}

/** What FaultLogStore.count counts: a page query without its page. */
export type FaultLogCountQuery = Pick<FaultLogPageQuery, 'filters' | 'machineIds'>;

export interface FaultLogPageRows {
  readonly entries: FaultLogEntry[];
  /** The key of the last entry when more follow, else null. */
  readonly next: FaultLogKey | null;
}

export interface FaultLogStore {
  /**
   * Adds an entry, open, with its creation as the first event of its history (one
   * transaction). Rejects with NotFoundError for an unknown machine.
   */
  add(entry: NewFaultLogRecord): Promise<FaultLogRecord>;
  /** One entry as stored. Rejects with NotFoundError. */
  get(entryId: string): Promise<FaultLogRecord>;
  /** A machine's entries, newest first. Rejects with NotFoundError for an unknown machine. */
  listByMachine(machineId: string): Promise<FaultLogRecord[]>;
  /**
   * Every entry made from a diagnosis, archived ones included, with names and verdict, newest
   * first; only those of `machineIds` when given (a hub user's plants).
   */
  summaries(machineIds?: readonly string[] | null): Promise<FaultLogEntry[]>;
  /**
   * The entries of `summaries` that `query.filters` let through (shared/faultLog/filter.ts; the
   * text filter's words matched case-insensitively for ASCII letters), newest first (time, then
   * id), a page at a time by keyset, filtered in the query itself.
   */
  page(query: FaultLogPageQuery): Promise<FaultLogPageRows>;
  /** How many entries `page` would list over all its pages for the same filters and machines. */
  count(query: FaultLogCountQuery): Promise<number>;
  /** One such entry. Rejects with NotFoundError. */
  summary(entryId: string): Promise<FaultLogEntry>;
  /**
   * Moves the entry to `change.toStatus` and writes the event, in one transaction; the row's
   * version grows by one. Checks the status rules against the entry's status at that moment
   * (shared/faultLog/workflow.ts) and rejects with FaultLogRuleError, leaving nothing changed,
   * when the move breaks one; NotFoundError for an unknown entry or follow-up recording.
   */
  transition(entryId: string, change: FaultLogTransition): Promise<FaultLogRecord>;
  /**
   * Sets the archive flag and writes the event, in one transaction (version + 1); setting the
   * value it already has changes and writes nothing. Rejects with NotFoundError.
   */
  setArchived(entryId: string, archived: boolean, by: string): Promise<FaultLogRecord>;
  /** The entry's events, oldest first (the creation first). Rejects with NotFoundError. */
  history(entryId: string): Promise<FaultLogEvent[]>;
  /** The row's UUID, times and version. Rejects with NotFoundError. */
  version(entryId: string): Promise<RowVersion>;
}

/** A verdict to write: the expert's input, checked, and what the diagnosis said. */
export interface NewExpertVerdict extends VerdictInput {
  readonly diagnosisId: string;
  /** The diagnosis' automatic top cause (the store does not read reports). */
  readonly automaticCauseId: CauseId | null;
  /** A verdict arriving from another library (a reply bundle) keeps its id and time. */
  readonly id?: string;
  readonly createdAt?: string;
}

/** Experts' verdicts on diagnoses: rows never changed, the newest of a diagnosis counts. */
export interface VerdictStore {
  /**
   * Writes a verdict on the diagnosis (its machine and recording taken from it), version 1.
   * Rejects with NotFoundError for an unknown diagnosis.
   */
  insert(verdict: NewExpertVerdict): Promise<ExpertVerdict>;
  /** The diagnosis' verdicts, newest first. Rejects with NotFoundError for an unknown diagnosis. */
  list(diagnosisId: string): Promise<ExpertVerdict[]>;
  /**
   * Every verdict on the machine's diagnoses, newest first (the machine's labelled examples).
   * Rejects with NotFoundError for an unknown machine.
   */
  listByMachine(machineId: string): Promise<ExpertVerdict[]>;
  /** The row's UUID, times and version. Rejects with NotFoundError. */
  version(verdictId: string): Promise<RowVersion>;
}

/** A review to record: its id, machine and recordings are already in the store. */
export interface NewReview extends ReviewOrigin {
  readonly id: string;
  readonly machineId: string;
  readonly recordingIds: readonly string[];
  readonly notes: readonly ReviewNote[];
}

/**
 * Bundles of other libraries opened here (shared/bundle/review.ts). A machine with a review not
 * yet adopted is a review only: it is left out of machines.list() and faultLog.summaries().
 */
export interface ReviewStore {
  /**
   * Records the review, version 1; resolves false and changes nothing when one with its id
   * exists. Rejects with NotFoundError for an unknown machine.
   */
  insert(review: NewReview): Promise<boolean>;
  /** Every review, newest first. */
  list(): Promise<ReviewSummary[]>;
  /** Rejects with NotFoundError. */
  get(reviewId: string): Promise<ReviewSummary>;
  /** True when the machine has a review not yet adopted (so it is not one of the user's own). */
  isReviewOnly(machineId: string): Promise<boolean>;
  /**
   * Adds the machine to the user's own machines: every review of it is marked adopted (version
   * + 1); reviews already adopted are left as they are. Rejects with NotFoundError for a machine
   * with no review.
   */
  adopt(machineId: string): Promise<void>;
  /** The row's UUID, times and version. Rejects with NotFoundError. */
  version(reviewId: string): Promise<RowVersion>;
}

export interface SettingStore {
  /** The stored value of `key`, or null. */
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  /** Every setting whose key starts with `prefix` (plain text, no pattern), by key. */
  withPrefix(prefix: string): Promise<{ key: string; value: string }[]>;
}

/** The library's rows. Every write is durable once its promise resolves. */
export interface LibraryStore {
  readonly machines: MachineStore;
  readonly recordings: RecordingStore;
  readonly baselines: BaselineStore;
  readonly diagnoses: DiagnosisStore;
  readonly faultLog: FaultLogStore;
  readonly verdicts: VerdictStore;
  readonly reviews: ReviewStore;
  readonly settings: SettingStore;
  /**
   * Runs `work` atomically against `tx` (the same interface): all of its writes are kept, or,
   * when it rejects, none. Calls on the store itself wait until it is over.
   */
  transaction<T>(work: (tx: LibraryStore) => Promise<T>): Promise<T>;
  /** Closes the store; closing twice is harmless. */
  close(): Promise<void>;
}

/** Recordings' audio, by recording id. */
export interface AudioStore {
  /**
   * Takes the complete local file at `path` into the store under `recordingId` (moved when it
   * can be, else copied); durable once this resolves. Resolves to its size in bytes.
   */
  putFile(recordingId: string, path: string): Promise<number>;
  /** Stores the bytes of `chunks` under `recordingId`; durable once this resolves. */
  put(recordingId: string, chunks: AsyncIterable<Uint8Array>): Promise<number>;
  /** Bytes [startByte, endByte) of the audio (fewer at its end). */
  read(recordingId: string, startByte: number, endByte: number): Promise<Uint8Array>;
  /** The audio's size in bytes, or null when the store has none under that id. */
  size(recordingId: string): Promise<number | null>;
  /** Removes the audio; harmless when there is none. */
  remove(recordingId: string): Promise<void>;
  /**
   * A local file holding the audio, for readers that work on files (the analysis workers, the
   * media route). The folder store answers with its own file.
   */
  localPath(recordingId: string): Promise<string>;
}
