/**
 * The one implementation of AuscultApi (DESIGN.md §1 "One API, two hosts"), over a library.
 * Hosts call it through `dispatch`, which validates arguments and maps errors.
 */
import type { AuscultApi, BaselineSummary } from '../../shared/api/contract.ts';
import { errorBody } from '../../shared/api/errors.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import {
  buildMachineBaseline,
  inlineFeatureSource,
  recordingsOfMachine,
} from '../library/baselineBuild.ts';
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
import { createFeatureThread } from './featureThread.ts';
import { createImportRegistry } from './imports.ts';
import type { ImportRegistry } from './imports.ts';
import { createJobRegistry } from './jobs.ts';
import type { JobRegistry } from './jobs.ts';
import { recordingMediaPath } from './mediaUrls.ts';
import { reviewApi } from './review.ts';
import { createSessions, sessionsApi } from './sessions.ts';
import { baselineSpectrumView } from './spectrumView.ts';

export interface AuscultServiceOptions {
  /** 'thread' (default): features in a worker thread; 'inline': in the calling thread. */
  readonly features?: 'thread' | 'inline';
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
   * stops the feature thread. The library stays open.
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

/** Creates the service over an open library; `close()` it before closing the library. */
export function createAuscultService(
  library: Library,
  options: AuscultServiceOptions = {},
): AuscultService {
  const log = options.log ?? consoleLogger;
  const thread = options.features === 'inline' ? null : createFeatureThread();
  const features: FeatureSource = thread ?? inlineFeatureSource;
  const imports = createImportRegistry(library);
  const sessions = createSessions(library, features, { ...options.sessions, log });
  const jobs = createJobRegistry(library.newId, (error) =>
    errorBody(toApiError(error, 'baselines.build', log)),
  );
  return {
    machines: machinesApi(library),
    recordings: recordingsApi(library, imports, options.mediaOrigin ?? ''),
    sessions: sessionsApi(sessions),
    review: reviewApi(library, features),
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
      await thread?.close();
    },
  };
}
