/**
 * What the API says of machines, recordings, baselines, stored diagnoses, jobs and live
 * recording sessions (shared/api/contract.ts re-exports them with the methods).
 */
import type { StoredCalibration } from '../audio/calibration/storedCalibration.ts';
import type { BaselineSource } from '../diagnosis/baseline/signature.ts';
import type { MachineProfile } from '../diagnosis/profile.ts';
import type { CauseId, DiagnosisReport, Severity } from '../diagnosis/report.ts';
import type { ErrorBody } from './errors.ts';
import type { Language } from './limits.ts';

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

export interface Settings {
  readonly language: Language;
}

/** An upload made of the page's own decoding (a WAV) followed by the original file. */
export interface BrowserDecodedUpload {
  /** How many of the upload's first bytes are the WAV; the rest is the original. */
  readonly wavBytes: number;
}
