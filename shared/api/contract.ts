/**
 * AuscultApi: the one contract between the page and its host (docs/architecture.md, "The parts").
 * node/ implements it once; Electron binds each method to an IPC channel `domain:verb`, the web
 * host to `POST /api/domain/verb`. The page never sends file paths, only opaque ids; audio
 * crosses as ArrayBuffer.
 */
import type { StoredCalibration } from '../audio/calibration/storedCalibration.ts';
import type { FaultStatus } from '../faultLog/workflow.ts';
import type { ReportOptions } from '../reports/paper.ts';
import type { MachineTrend } from '../trend/machineTrend.ts';
import type { ExpertVerdict, VerdictInput } from '../verdicts/expertVerdict.ts';
import type { HubConnectInput, HubConnectResult, HubLinkStatus } from '../sync/hubLink.ts';

export type { ExpertVerdict, VerdictInput } from '../verdicts/expertVerdict.ts';
export type { HubConnectInput, HubConnectResult, HubLinkStatus } from '../sync/hubLink.ts';

export type * from './libraryTypes.ts';
export type * from './analysisTypes.ts';
export type * from './faultLogTypes.ts';
import type {
  BaselineSpectrumView,
  BaselineSummary,
  BrowserDecodedUpload,
  CalibrationSource,
  DeviceCalibration,
  JobStatus,
  MachineDetail,
  MachineSummary,
  RecordingSummary,
  SessionProgress,
  SessionResult,
  Settings,
  StoredDiagnosis,
  VerdictSummary,
} from './libraryTypes.ts';
import type { SelectionAnalysis, SpectrogramView, WaveformPeaks } from './analysisTypes.ts';
import type {
  FaultLogChange,
  FaultLogEntry,
  FaultLogEvent,
  FaultLogFilters,
  FaultLogPage,
  FaultLogPageRequest,
  PageRequest,
  ReviewQueuePage,
} from './faultLogTypes.ts';

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
