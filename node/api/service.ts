/**
 * The one implementation of AuscultApi (DESIGN.md §1 "One API, two hosts"), over a library.
 * Hosts call it through `dispatch`, which validates arguments and maps errors.
 */
import type { AuscultApi, BaselineSummary } from '../../shared/api/contract.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { createAnalysisPool, createInlineAnalysisPool } from '../analysis/analysisPool.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { buildMachineBaseline, recordingsOfMachine } from '../library/baselineBuild.ts';
import type { FeatureSource } from '../library/baselineBuild.ts';
import { currentBaseline } from '../library/baselines.ts';
import { diagnoseRecording } from '../library/diagnoseRecording.ts';
import { listDiagnoses } from '../library/diagnoses.ts';
import { addDiagnosisToFaultLog, listFaultLogSummaries } from '../library/faultLog.ts';
import type { Library } from '../library/library.ts';
import {
  assertMachineExists,
  getMachine,
  insertMachine,
  listMachines,
  updateMachineProfile,
} from '../library/machines.ts';
import { readRecordingAudio } from '../library/recordingAudio.ts';
import { getRecording, listRecordings } from '../library/recordings.ts';
import type { SessionRegistryOptions } from '../recording/sessionRegistry.ts';
import { getSettings, setSettings } from '../library/settings.ts';
import { consoleLogger, toApiError } from './errors.ts';
import type { ErrorLogger } from './errors.ts';
import { createImportRegistry } from './imports.ts';
import type { ImportRegistry } from './imports.ts';
import { createJobRegistry } from './jobs.ts';
import type { JobRegistry } from './jobs.ts';
import { recordingMediaPath } from './mediaUrls.ts';
import { poolFeatureSource } from './poolFeatures.ts';
import { reviewApi } from './review.ts';
import { createSessions, sessionsApi } from './sessions.ts';
import { baselineSpectrumView } from './spectrumView.ts';

export interface AuscultServiceOptions {
  /**
   * Where features, spectrograms and peaks are computed: a pool the caller owns (and closes
   * after the service), or 'inline' for the calling thread; default: a pool of worker threads
   * the service creates and closes in `close()`.
   */
  readonly pool?: AnalysisPool | 'inline';
  /** Where unexpected errors of jobs are logged; default console.error. */
  readonly log?: ErrorLogger;
  /**
   * Put before `/media/recordings/<id>.wav` in recordings.audioUrl: '' (default) for the web
   * host, whose page is on the same origin; `app://auscult` for the desktop app.
   */
  readonly mediaOrigin?: string;
  /** Idle time, flush interval and sweep of live recordings (tests shorten them). */
  readonly sessions?: Omit<SessionRegistryOptions, 'diagnose' | 'log'>;
}

export interface AuscultService extends AuscultApi {
  /** Resolves when every baseline job has settled. */
  jobsSettled(): Promise<void>;
  /**
   * Finalises open recording sessions (as recordings), cancels open imports, waits for jobs,
   * stops the analysis pool if the service created it. The library stays open.
   */
  close(): Promise<void>;
}

function machinesApi(library: Library): AuscultApi['machines'] {
  return {
    list: async () => listMachines(library),
    get: async (machineId) => getMachine(library, machineId),
    async create(profile) {
      return getMachine(library, insertMachine(library, parseMachineProfile(profile)));
    },
    async update(machineId, profile) {
      updateMachineProfile(library, machineId, parseMachineProfile(profile));
      return getMachine(library, machineId);
    },
  };
}

function recordingsApi(
  library: Library,
  imports: ImportRegistry,
  mediaOrigin: string,
): AuscultApi['recordings'] {
  return {
    list: async (machineId) => listRecordings(library, machineId),
    beginImport: (machineId, fileName, sizeBytes) => imports.begin(machineId, fileName, sizeBytes),
    appendImport: (importId, chunk) => imports.append(importId, chunk),
    finishImport: (importId) => imports.finish(importId),
    cancelImport: (importId) => imports.cancel(importId),
    audio: (recordingId) => readRecordingAudio(library, recordingId),
    async audioUrl(recordingId) {
      getRecording(library, recordingId);
      return mediaOrigin + recordingMediaPath(recordingId);
    },
  };
}

function baselinesApi(
  library: Library,
  jobs: JobRegistry,
  features: FeatureSource,
): AuscultApi['baselines'] {
  return {
    async build(machineId, recordingIds) {
      // Checked now as well as in the job, so a wrong id fails the call, not a job later.
      assertMachineExists(library, machineId);
      recordingsOfMachine(library, machineId, recordingIds);
      return jobs.start<BaselineSummary>((progress) =>
        buildMachineBaseline(library, machineId, recordingIds, features, progress),
      );
    },
    job: async (jobId) => jobs.status<BaselineSummary>(jobId),
    async spectrum(machineId) {
      assertMachineExists(library, machineId);
      const baseline = currentBaseline(library, machineId);
      if (!baseline) return null;
      return baselineSpectrumView(baseline.summary.id, baseline.signature.model.spectrum);
    },
  };
}

/** The pool's fallback to the host's thread, logged as the unexpected event it is. */
function poolLog(log: ErrorLogger): (error: Error) => void {
  return (error) => log('analysis workers could not start; analysing in the host thread', error);
}

/** Creates the service over an open library; `close()` it before closing the library. */
export function createAuscultService(
  library: Library,
  options: AuscultServiceOptions = {},
): AuscultService {
  const log = options.log ?? consoleLogger;
  const ownsPool = options.pool === undefined;
  const pool =
    options.pool === 'inline'
      ? createInlineAnalysisPool()
      : (options.pool ?? createAnalysisPool({ onFallback: poolLog(log) }));
  const features: FeatureSource = poolFeatureSource(pool);
  const imports = createImportRegistry(library);
  const sessions = createSessions(library, features, { ...options.sessions, log });
  const jobs = createJobRegistry(
    library.newId,
    (error) => toApiError(error, 'baselines.build', log).message,
  );
  return {
    machines: machinesApi(library),
    recordings: recordingsApi(library, imports, options.mediaOrigin ?? ''),
    sessions: sessionsApi(sessions),
    review: reviewApi(library, features, pool),
    faultLog: {
      list: async () => listFaultLogSummaries(library),
      add: async (diagnosisId, note) => addDiagnosisToFaultLog(library, diagnosisId, note),
    },
    baselines: baselinesApi(library, jobs, features),
    diagnoses: {
      run: (recordingId) => diagnoseRecording(library, recordingId, features),
      list: async (recordingId) => listDiagnoses(library, recordingId),
    },
    settings: {
      get: async () => getSettings(library),
      set: async (settings) => setSettings(library, settings),
    },
    jobsSettled: () => jobs.settled(),
    async close() {
      await sessions.close();
      await imports.close();
      await jobs.settled();
      if (ownsPool) await pool.close();
    },
  };
}
