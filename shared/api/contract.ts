/**
 * AuscultApi: the one contract between the page and its host (DESIGN.md §1 "One API, two hosts").
 * node/ implements it once; Electron binds each method to an IPC channel `domain:verb`, the web
 * host to `POST /api/domain/verb`. The page never sends file paths, only opaque ids; audio
 * crosses as ArrayBuffer.
 */
import type { BaselineSource } from '../diagnosis/baseline/signature.ts';
import type { MachineProfile } from '../diagnosis/profile.ts';
import type { DiagnosisReport } from '../diagnosis/report.ts';

export interface MachineSummary {
  readonly id: string;
  readonly name: string;
  readonly lineFrequencyHz: 50 | 60;
  readonly recordingCount: number;
  readonly hasBaseline: boolean;
  /** Created on first start to show a newcomer a diagnosis at once. */
  readonly isDemo: boolean;
}

export interface MachineDetail extends MachineSummary {
  readonly profile: MachineProfile;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly baseline: BaselineSummary | null;
}

export type RecordingOrigin = 'imported' | 'recorded' | 'recovered' | 'demo';

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
  readonly createdAt: string;
  readonly report: DiagnosisReport;
}

export type JobState = 'running' | 'done' | 'failed';

/** A long task on the host (building a baseline): poll it. */
export interface JobStatus<Result = unknown> {
  readonly id: string;
  readonly state: JobState;
  /** 0..1. */
  readonly progress: number;
  readonly result: Result | null;
  /** One clear sentence when failed. */
  readonly error: string | null;
}

export type Language = 'en' | 'zh-CN';

export interface Settings {
  readonly language: Language;
}

/** Every method of the API. Errors reject with an ApiError (below), never a stack trace. */
export interface AuscultApi {
  machines: {
    list(): Promise<MachineSummary[]>;
    get(machineId: string): Promise<MachineDetail>;
    /** The profile as edited in the UI (validated with parseMachineProfile on the host). */
    create(profile: unknown): Promise<MachineDetail>;
    update(machineId: string, profile: unknown): Promise<MachineDetail>;
  };
  recordings: {
    list(machineId: string): Promise<RecordingSummary[]>;
    /** Starts a chunked import of a WAV file of `sizeBytes` bytes; returns its import id. */
    beginImport(machineId: string, fileName: string, sizeBytes: number): Promise<string>;
    /** Appends the next chunk; returns the bytes received so far. */
    appendImport(importId: string, chunk: ArrayBuffer): Promise<number>;
    /** Checks the WAV and adds it to the library atomically; a bad file leaves nothing behind. */
    finishImport(importId: string): Promise<RecordingSummary>;
    cancelImport(importId: string): Promise<void>;
    /** The recording's WAV bytes (for playback and review). */
    audio(recordingId: string): Promise<ArrayBuffer>;
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
  };
  settings: {
    get(): Promise<Settings>;
    set(settings: Settings): Promise<Settings>;
  };
}

/** `domain.verb` names, in one list: IPC channels are `domain:verb`, HTTP paths `/api/domain/verb`. */
export const API_METHODS = [
  'machines.list',
  'machines.get',
  'machines.create',
  'machines.update',
  'recordings.list',
  'recordings.beginImport',
  'recordings.appendImport',
  'recordings.finishImport',
  'recordings.cancelImport',
  'recordings.audio',
  'baselines.build',
  'baselines.job',
  'baselines.spectrum',
  'diagnoses.run',
  'diagnoses.list',
  'settings.get',
  'settings.set',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** Methods whose last argument, or result, is binary (ArrayBuffer). */
export const BINARY_ARGUMENT_METHODS: readonly ApiMethod[] = ['recordings.appendImport'];
export const BINARY_RESULT_METHODS: readonly ApiMethod[] = ['recordings.audio'];

export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'invalid-input' | 'unauthorized' | 'internal';

/** What a failed call rejects with, on either host: a code and one clear sentence. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Builds an AuscultApi from a function that performs one call, for clients of either host. */
export function apiFromCall(call: (method: ApiMethod, args: unknown[]) => Promise<unknown>): AuscultApi {
  const api: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of API_METHODS) {
    const [domain, verb] = method.split('.');
    api[domain] ??= {};
    api[domain][verb] = (...args: unknown[]) => call(method, args);
  }
  return api as unknown as AuscultApi;
}
