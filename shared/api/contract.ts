/**
 * AuscultApi: the one contract between the page and its host (docs/architecture.md, "The parts").
 * node/ implements it once; Electron binds each method to an IPC channel `domain:verb`, the web
 * host to `POST /api/domain/verb`. The page never sends file paths, only opaque ids; audio
 * crosses as ArrayBuffer.
 */
import type { StoredCalibration } from '../audio/calibration/storedCalibration.ts';
import type { LevelUnit } from '../audio/calibration/micCalibration.ts';
import type { BaselineSource } from '../diagnosis/baseline/signature.ts';
import type { MachineProfile } from '../diagnosis/profile.ts';
import type { CharacteristicKind } from '../diagnosis/characteristicFrequencies.ts';
import type { CauseId, DiagnosisReport, Severity } from '../diagnosis/report.ts';
import type { FaultEventKind, FaultStatus } from '../faultLog/workflow.ts';
import type { ReportOptions } from '../reports/paper.ts';
import type { MachineTrend } from '../trend/machineTrend.ts';
import type { ErrorBody } from './errors.ts';
import type { ExpertVerdict, VerdictInput } from '../verdicts/expertVerdict.ts';
import type { HubConnectInput, HubConnectResult, HubLinkStatus } from '../sync/hubLink.ts';

export type { ExpertVerdict, VerdictInput } from '../verdicts/expertVerdict.ts';
export type { HubConnectInput, HubConnectResult, HubLinkStatus } from '../sync/hubLink.ts';

export interface MachineSummary {
  readonly id: string;
  readonly name: string;
  readonly lineFrequencyHz: 50 | 60;
  readonly recordingCount: number;
  readonly hasBaseline: boolean;
  /** Created on first start to show a newcomer a diagnosis at once. */
  readonly isDemo: boolean;
  /** When its newest recording was added (ISO 8601), or null without recordings. */
  readonly lastRecordingAt: string | null;
  /** Its fault-log entries not yet verified or dismissed, archived ones left out. */
  readonly openFaultCount: number;
  /** Its newest stored diagnosis in short, or null: the machine's health at a glance. */
  readonly latestVerdict: VerdictSummary | null;
}

/** A stored diagnosis in short: what a verdict badge and a machine's health need. */
export interface VerdictSummary {
  readonly diagnosisId: string;
  readonly recordingId: string;
  readonly createdAt: string;
  readonly anomalous: boolean;
  readonly anomalyScore: number;
  readonly threshold: number;
  /** The top cause, or null when none was named. */
  readonly causeId: CauseId | null;
  readonly componentId: string | null;
  readonly severity: Severity | null;
  /** False when the input check found no usable signal (no verdict was made). */
  readonly usable: boolean;
  /** True when the recording's speed lay outside its baseline's speeds (no fault was judged). */
  readonly outsideSpeeds: boolean;
}

export interface MachineDetail extends MachineSummary {
  readonly profile: MachineProfile;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly baseline: BaselineSummary | null;
}

export type RecordingOrigin = 'imported' | 'recorded' | 'recovered' | 'demo';

/**
 * Something found when a recording entered the library that a technician should know, as a code
 * and numbers the page words (shared/api/recordingNotices.ts lists the codes and their params).
 */
export interface RecordingWarning {
  /** 'cut-off': the file holds less than its header announces (durationSeconds, declaredDurationSeconds). */
  readonly code: 'cut-off';
  readonly params: Readonly<Record<string, number>>;
}

export interface RecordingSummary {
  readonly id: string;
  readonly machineId: string;
  /** What the user sees: the imported file's name, or a generated title. */
  readonly name: string;
  readonly origin: RecordingOrigin;
  readonly sampleRateHz: number;
  readonly channelCount: number;
  readonly durationSeconds: number;
  readonly sizeBytes: number;
  readonly createdAt: string;
  /** What was found when it entered the library (empty for most); stored with the row. */
  readonly warnings: readonly RecordingWarning[];
  /** The codec of the file it came from; null for a WAV file or a live recording. */
  readonly codec: RecordingCodec | null;
  /** The compressed file it was decoded from, kept beside its audio; null when none. */
  readonly original: OriginalFile | null;
  /**
   * The microphone calibration it was recorded through (a copy): its levels are in dB SPL.
   * Absent for recordings without one.
   */
  readonly calibration?: StoredCalibration;
}

/** A calibration file's text, as the user picked it (docs/formats.md, "Microphone calibration"). */
export interface CalibrationFileSource {
  readonly fileName: string;
  readonly text: string;
  /** The level 94 dB SPL at 1 kHz reads, dBFS; null: the file's Sens Factor. */
  readonly sensitivityDbfs: number | null;
}

/** Where a recording's calibration comes from: an input device's (by its name), or a file. */
export type CalibrationSource = { readonly deviceName: string } | CalibrationFileSource;

/** An input device's microphone calibration. */
export interface DeviceCalibration {
  readonly deviceName: string;
  readonly calibration: StoredCalibration;
}

/** Codecs of phone recordings (docs/formats.md, "Recordings from phones"). */
export type CodecCode = 'aac' | 'mp3' | 'opus' | 'vorbis' | 'flac' | 'amr-nb' | 'amr-wb';

/** The kind of file a compressed recording arrived as (its container). */
export type OriginalFormat = 'm4a' | '3gp' | 'mp3' | 'ogg' | 'flac' | 'amr' | 'awb';

/** "AAC 64 kbit/s, 44.1 kHz": what the channel a recording came through could carry. */
export interface RecordingCodec {
  readonly code: CodecCode;
  /** Average bit rate in kbit/s (AMR: its speech mode's); null for a lossless codec. */
  readonly bitrateKbps: number | null;
  /** The file's own rate, which the decoded audio keeps. */
  readonly sampleRateHz: number;
  readonly channelCount: number;
}

export interface OriginalFile {
  readonly format: OriginalFormat;
  readonly sizeBytes: number;
}

export interface BaselineSummary {
  readonly id: string;
  readonly machineId: string;
  readonly createdAt: string;
  readonly threshold: number;
  readonly recordingIds: readonly string[];
  readonly sources: readonly BaselineSource[];
}

/** A baseline's healthy spectrum for display: level-normalised dB on a frequency axis in Hz. */
export interface BaselineSpectrumView {
  readonly baselineId: string;
  readonly frequenciesHz: readonly number[];
  readonly medianDb: readonly number[];
  /** Median ± spread and the healthy maximum: the "normal band". */
  readonly lowerDb: readonly number[];
  readonly upperDb: readonly number[];
}

export interface StoredDiagnosis {
  readonly id: string;
  readonly recordingId: string;
  readonly machineId: string;
  /** The baseline it was made against; null: kinematic evidence only (no baseline yet). */
  readonly baselineId: string | null;
  readonly createdAt: string;
  readonly report: DiagnosisReport;
  /** The stretch it was made on, seconds from the recording's start; null: the whole of it. */
  readonly region: { readonly startSeconds: number; readonly endSeconds: number } | null;
}

export type JobState = 'running' | 'done' | 'failed';

/** A long task on the host (building a baseline): poll it. */
export interface JobStatus<Result = unknown> {
  readonly id: string;
  readonly state: JobState;
  /** 0..1. */
  readonly progress: number;
  readonly result: Result | null;
  /** Why it failed (code, reason, params and an English sentence), as a failed call says it. */
  readonly error: ErrorBody | null;
}

/** What the Review screen draws for a stretch of a recording, against the machine's baseline. */
export interface SelectionAnalysis {
  readonly recordingId: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
  /**
   * Narrowband PSD of the stretch, level-normalised to the baseline (dB; dB re 1 unit²/Hz when
   * the machine has no baseline), from the first bin above 0 Hz, max-pooled to ≤ 4000 points.
   */
  readonly spectrum: {
    readonly frequenciesHz: readonly number[];
    readonly levelsDb: readonly number[];
  };
  /** The baseline's median and normal band (null: the machine has no baseline yet). */
  readonly baseline: BaselineSpectrumView | null;
  /**
   * 'dB SPL' for a recording made through a calibrated microphone: the spectrum is then its own
   * absolute PSD in dB re (20 µPa)²/Hz (not normalised), the baseline's curves moved by the
   * same amounts so the comparison stays as the diagnosis makes it, and the envelope in
   * dB re 20 µPa. 'dBFS' (or absent) otherwise.
   */
  readonly levelUnit?: LevelUnit;
  /** Lines at least 6 dB above the healthy maximum: the anomalous frequencies to highlight. */
  readonly anomalies: readonly { readonly frequencyHz: number; readonly excessDb: number }[];
  /** Envelope amplitude spectrum of the demodulation band, dB re 1, up to 1 kHz, ≤ 4000 points. */
  readonly envelope: {
    readonly lowHz: number;
    readonly highHz: number;
    readonly frequenciesHz: readonly number[];
    readonly levelsDb: readonly number[];
  };
  /**
   * The profile's characteristic frequencies within the spectrum's range, at the profile's
   * nominal speeds (markers that can be switched on and off).
   */
  readonly markers: readonly {
    readonly id: string;
    readonly name: string;
    readonly kind: CharacteristicKind;
    readonly frequencyHz: number;
  }[];
  /**
   * The stretch's diagnosis, not stored: dragging the region makes no rows. Store it with
   * diagnoses.save (same recording and stretch) to put it in the fault log.
   */
  readonly report: DiagnosisReport;
}

/**
 * A recording's spectrogram computed on the host: `valuesDb[column * binCount + bin]`. Bins are
 * linear in frequency: bin b covers [b, b + 1) · maxFrequencyHz / binCount. Each cell is the
 * largest PSD of the STFT frames and bins inside it (short events and narrow lines survive).
 */
export interface SpectrogramView {
  readonly recordingId: string;
  readonly durationSeconds: number;
  readonly maxFrequencyHz: number;
  readonly columnCount: number;
  readonly binCount: number;
  /**
   * PSD in dB re 1 unit²/Hz, rounded to 0.1 dB; columns evenly cover the recording (fewer than
   * asked when a short recording has fewer STFT frames).
   */
  readonly valuesDb: readonly number[];
}

/**
 * Waveform overview for long recordings: the largest |sample| (channels mixed) in each of
 * `count` equal buckets (fewer when the recording has fewer frames).
 */
export interface WaveformPeaks {
  readonly recordingId: string;
  readonly durationSeconds: number;
  readonly peaks: readonly number[];
}

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

/** A live recording's progress, as the host has written it to disk. */
export interface SessionProgress {
  readonly sessionId: string;
  /** Seconds of audio on disk (flushed and synced at least every few seconds). */
  readonly writtenSeconds: number;
}

export interface SessionResult {
  readonly recording: RecordingSummary;
  /**
   * The recording's diagnosis against the machine's baseline, stored (null: no baseline yet, or
   * shorter than the 0.5 s an analysis needs).
   */
  readonly diagnosis: StoredDiagnosis | null;
}

export type {
  MachineTrend,
  MonthCauses,
  TrendFault,
  TrendLine,
  TrendPoint,
} from '../trend/machineTrend.ts';

export type { Language } from './limits.ts';
export type {
  BundleDownload,
  BundleOpenResult,
  ReviewNote,
  ReviewSummary,
} from '../bundle/review.ts';
import type { BundleDownload, BundleOpenResult, ReviewSummary } from '../bundle/review.ts';
import type { Language } from './limits.ts';

export interface Settings {
  readonly language: Language;
}

/** An upload made of the page's own decoding (a WAV) followed by the original file. */
export interface BrowserDecodedUpload {
  /** How many of the upload's first bytes are the WAV; the rest is the original. */
  readonly wavBytes: number;
}

/** Every method of the API. Errors reject with an ApiError (below), never a stack trace. */
export interface AuscultApi {
  machines: {
    list(): Promise<MachineSummary[]>;
    get(machineId: string): Promise<MachineDetail>;
    /** The profile as edited in the UI (validated with parseMachineProfile on the host). */
    create(profile: unknown): Promise<MachineDetail>;
    update(machineId: string, profile: unknown): Promise<MachineDetail>;
    /**
     * The machine's diagnoses against a baseline over time (the newest of each recording or
     * stretch), its characteristic lines' levels, fault-log entries and causes by month.
     */
    trend(machineId: string): Promise<MachineTrend>;
  };
  recordings: {
    list(machineId: string): Promise<RecordingSummary[]>;
    /** The newest stored diagnosis of each of the machine's recordings that has one. */
    verdicts(machineId: string): Promise<VerdictSummary[]>;
    /**
     * Starts a chunked import of a recording of `sizeBytes` bytes; returns its import id. With
     * `browserDecoded`, the upload is the page's WAV decoding of an AAC file (its first
     * `wavBytes` bytes) followed by the original M4A (docs/formats.md, "Recordings from phones").
     */
    beginImport(
      machineId: string,
      fileName: string,
      sizeBytes: number,
      browserDecoded?: BrowserDecodedUpload | null,
    ): Promise<string>;
    /** Appends the next chunk; returns the bytes received so far. */
    appendImport(importId: string, chunk: ArrayBuffer): Promise<number>;
    /** Checks the WAV and adds it to the library atomically; a bad file leaves nothing behind. */
    finishImport(importId: string): Promise<RecordingSummary>;
    cancelImport(importId: string): Promise<void>;
    /** The recording's WAV bytes (for playback and review of short recordings). */
    audio(recordingId: string): Promise<ArrayBuffer>;
    /**
     * A URL the page's media element can stream the WAV from (HTTP range requests on the web
     * host, the app's own protocol on the desktop): long recordings are never loaded whole.
     */
    audioUrl(recordingId: string): Promise<string>;
    /**
     * Gives the recording a copy of a microphone calibration (an input device's, or a file's:
     * the same parser and refusals as settings.setMicCalibration, and 'no-device-calibration'
     * for a device without one), or with null takes it away; answers the recording as it now
     * is. Its spectra and levels are then in dB SPL (dBFS without); its diagnosis is unchanged.
     */
    setCalibration(
      recordingId: string,
      source: CalibrationSource | null,
    ): Promise<RecordingSummary>;
  };
  sessions: {
    /**
     * Starts a live recording for a machine: mono float32 PCM at `sampleRateHz` is written to
     * disk as it arrives (a `.partial` file recovered at the next start after a crash). With
     * the input device's name, the recording keeps a copy of its microphone calibration.
     */
    start(machineId: string, sampleRateHz: number, deviceName?: string): Promise<string>;
    /**
     * Appends little-endian float32 mono samples (finite, at most 16 MiB a chunk); resolves when
     * they are handed to the OS (a killed host keeps them). A refused chunk leaves the session
     * going. Sessions without a call for 60 s are saved as if stopped.
     */
    append(sessionId: string, chunk: ArrayBuffer): Promise<SessionProgress>;
    /** Finalises the recording, adds it to the library and diagnoses it. Rejects if empty. */
    stop(sessionId: string): Promise<SessionResult>;
  };
  review: {
    /** Spectra and diagnosis of [startSeconds, endSeconds) of a recording (≥ 0.5 s). */
    selection(
      recordingId: string,
      startSeconds: number,
      endSeconds: number,
    ): Promise<SelectionAnalysis>;
    /** Spectrogram in at most `columns` (≤ 4000) columns, by the project's DSP on the host. */
    spectrogram(recordingId: string, columns: number): Promise<SpectrogramView>;
    /** Waveform peaks in at most `count` (≤ 20000) buckets. */
    peaks(recordingId: string, count: number): Promise<WaveformPeaks>;
    /**
     * The diagnoses awaiting an expert's verdict (ReviewQueuePage), a page at a time; on a hub
     * those of the caller's plants only.
     */
    queue(request: PageRequest): Promise<ReviewQueuePage>;
  };
  faultLog: {
    /** Every machine's entries, archived ones included, newest first. */
    list(): Promise<FaultLogEntry[]>;
    /**
     * The entries `request.filters` let through, newest first, a page at a time (keyset, the
     * filters applied by the store's query); on a hub those of the caller's plants only.
     */
    page(request: FaultLogPageRequest): Promise<FaultLogPage>;
    /**
     * Saves a stored diagnosis with a note (≤ 2000 characters) and the name of who saved it
     * (≤ 100 characters, '' when unknown); the entry starts open.
     */
    add(diagnosisId: string, note: string, recordedBy: string): Promise<FaultLogEntry>;
    /** Moves an entry to `toStatus` (shared/faultLog/workflow.ts says which moves are allowed). */
    transition(
      entryId: string,
      toStatus: FaultStatus,
      change: FaultLogChange,
    ): Promise<FaultLogEntry>;
    /** Archives or unarchives an entry; nothing is deleted. */
    setArchived(entryId: string, archived: boolean, by: string): Promise<FaultLogEntry>;
    /** The entry's changes, oldest first; its creation is the first. */
    history(entryId: string): Promise<FaultLogEvent[]>;
    /** One entry, as the list shows it (a link to an entry not among the loaded pages). */
    get(entryId: string): Promise<FaultLogEntry>;
  };
  /** Experts' verdicts on stored diagnoses (shared/verdicts/expertVerdict.ts). */
  verdicts: {
    /**
     * Records an expert's verdict on a diagnosis: confirm its top cause, or correct it. The
     * newest verdict of a diagnosis counts; earlier ones stay as its history.
     */
    record(diagnosisId: string, verdict: VerdictInput): Promise<ExpertVerdict>;
    /** The diagnosis' verdicts, newest first. */
    list(diagnosisId: string): Promise<ExpertVerdict[]>;
    /** Every verdict on the machine's diagnoses, newest first: its labelled examples. */
    listByMachine(machineId: string): Promise<ExpertVerdict[]>;
  };
  /**
   * Review bundles (docs/formats.md, "Review bundles", "Reply bundles"): sending recordings for
   * review, opening bundles as read-only reviews, and sending verdicts back.
   */
  bundles: {
    /** Starts uploading a `.auscult` file of `sizeBytes` bytes to open; returns its upload id. */
    beginOpen(fileName: string, sizeBytes: number): Promise<string>;
    /** Appends the next chunk; returns the bytes received so far. */
    appendOpen(uploadId: string, chunk: ArrayBuffer): Promise<number>;
    /**
     * Checks the bundle and opens it: a review bundle becomes a read-only review, a reply's
     * verdicts are recorded on their diagnoses. A refused bundle leaves nothing.
     */
    finishOpen(uploadId: string): Promise<BundleOpenResult>;
    cancelOpen(uploadId: string): Promise<void>;
    /** The reviews opened in this library, newest first. */
    reviews(): Promise<ReviewSummary[]>;
    /** Adds a review's machine to the user's own machines. */
    adopt(machineId: string): Promise<MachineDetail>;
    /** Writes a review bundle of recordings of one machine, to be downloaded (streamed). */
    pack(recordingIds: string[], senderName: string): Promise<BundleDownload>;
    /** Writes a reply bundle with the newest verdict on each diagnosis, to be downloaded. */
    reply(diagnosisIds: string[], senderName: string): Promise<BundleDownload>;
  };
  baselines: {
    /** Starts building the machine's baseline from healthy recordings; returns a job id. */
    build(machineId: string, recordingIds: string[]): Promise<string>;
    job(jobId: string): Promise<JobStatus<BaselineSummary>>;
    spectrum(machineId: string): Promise<BaselineSpectrumView | null>;
  };
  diagnoses: {
    /** Diagnoses a recording against its machine's baseline and stores the result. */
    run(recordingId: string): Promise<StoredDiagnosis>;
    list(recordingId: string): Promise<StoredDiagnosis[]>;
    /**
     * Diagnoses [startSeconds, endSeconds) of a recording (as review.selection does) and stores
     * the result with its stretch, for the fault log and reports; answers the recording's newest
     * diagnosis instead when it is this same one (saving or printing twice adds nothing).
     */
    save(recordingId: string, startSeconds: number, endSeconds: number): Promise<StoredDiagnosis>;
  };
  settings: {
    get(): Promise<Settings>;
    set(settings: Settings): Promise<Settings>;
    /** The microphone calibration imported for an input device (by its name), or null. */
    micCalibration(deviceName: string): Promise<StoredCalibration | null>;
    /** Every input device's calibration, by device name. */
    micCalibrations(): Promise<DeviceCalibration[]>;
    /**
     * Imports a calibration file's text (docs/formats.md, "Microphone calibration") for an input
     * device, replacing its earlier one; `sensitivityDbfs` (the level 94 dB SPL at 1 kHz reads)
     * overrides the file's Sens Factor and is needed without one. Rejects with reason
     * 'invalid-calibration' (params problem and line) for a file that cannot be used.
     */
    setMicCalibration(
      deviceName: string,
      fileName: string,
      text: string,
      sensitivityDbfs: number | null,
    ): Promise<StoredCalibration>;
    /** Forgets the device's calibration; recordings made with it keep their copies. */
    removeMicCalibration(deviceName: string): Promise<void>;
  };
  /** Printed reports, as PDF bytes (docs/formats.md, "Diagnosis report PDF", "Fault log PDF"). */
  reports: {
    /** The one-page report of a stored diagnosis, in `options.language` on `options.paper`. */
    diagnosis(diagnosisId: string, options: ReportOptions): Promise<ArrayBuffer>;
    /** The fault-log report of the entries `filters` let through, newest first. */
    faultLog(filters: FaultLogFilters, options: ReportOptions): Promise<ArrayBuffer>;
    /**
     * The fault-log CSV of every entry `filters` let through, newest first, its header and words
     * in `language`: UTF-8 with a byte-order mark (docs/formats.md, "Fault log CSV"). Made by the
     * host, so the page need not hold every entry; on a hub the caller's plants only.
     */
    faultLogCsv(filters: FaultLogFilters, language: Language): Promise<ArrayBuffer>;
  };
  /**
   * The desktop's link to a hub (docs/sync.md). On a hub these answer that they do not apply.
   */
  hubLink: {
    status(): Promise<HubLinkStatus>;
    /** Signs in once as this computer; keeps the hub's device token, never the password. */
    connect(input: HubConnectInput): Promise<HubConnectResult>;
    /** Forgets the hub and its token; rows not yet sent stay queued. */
    disconnect(): Promise<HubLinkStatus>;
    /** Runs a sync now and answers the status after it. */
    syncNow(): Promise<HubLinkStatus>;
  };
}

export type { PaperSize, ReportOptions } from '../reports/paper.ts';

// The method table (argument schemas, binary flags, body limits), the names derived from it and
// apiFromCall live in shared/api/methods.ts, which builds on this interface.

// Errors: a code, a reason and params (shared/api/errors.ts).
export { ApiError } from './errors.ts';
export type { ApiErrorCode, ApiErrorParams, ApiErrorReason, ErrorBody } from './errors.ts';
