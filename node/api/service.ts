/**
 * The one implementation of AuscultApi (docs/architecture.md, "The parts"), over a library.
 * Hosts call it through `dispatch`, which validates arguments and maps errors.
 */
import type { AuscultApi, BaselineSummary } from '../../shared/api/contract.ts';
import { errorBody } from '../../shared/api/errors.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { createAnalysisPool, createInlineAnalysisPool } from '../analysis/analysisPool.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import type { SessionRegistryOptions } from '../recording/sessionRegistry.ts';
import { buildMachineBaseline, recordingsOfMachine } from '../workflows/baselineBuild.ts';
import { requireMachine } from '../workflows/context.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { diagnoseRecording } from '../workflows/diagnose.ts';
import {
  addDiagnosisToFaultLog,
  faultLogHistory,
  setFaultLogArchived,
  transitionFaultLogEntry,
} from '../workflows/faultLog.ts';
import type { FeatureSource } from '../workflows/features.ts';
import { readMachineTrend } from '../workflows/machineTrend.ts';
import { readRecordingAudio } from '../workflows/recordingAudio.ts';
import { getSettings, setSettings } from '../workflows/settings.ts';
import {
  getMicCalibration,
  listMicCalibrations,
  removeMicCalibration,
  setMicCalibration,
  setRecordingCalibration,
} from '../workflows/micCalibrations.ts';
import { recordVerdict } from '../workflows/verdicts.ts';
import { hubLinkNotHere } from '../sync/hubLinkApi.ts';
import { consoleLogger, toApiError } from './errors.ts';
import type { ErrorLogger } from './errors.ts';
import { createBundlesApi } from './bundles.ts';
import { createImportRegistry } from './imports.ts';
import type { ImportRegistry } from './imports.ts';
import { createJobRegistry } from './jobs.ts';
import type { JobRegistry } from './jobs.ts';
import { recordingMediaPath } from './mediaUrls.ts';
import { poolFeatureSource } from './poolFeatures.ts';
import { reportsApi } from './reports.ts';
import { reviewApi } from './review.ts';
import { faultLogPage, reviewQueue } from './pagedLists.ts';
import type { MachineFilter } from './pagedLists.ts';
import { saveSelectionDiagnosis } from './selection.ts';
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
  /**
   * The desktop's link to a hub (node/sync/hubLinkApi.ts); default: the methods answer that they
   * do not apply, as on a hub.
   */
  readonly hubLink?: AuscultApi['hubLink'];
}

export interface AuscultService extends AuscultApi {
  /**
   * The file and name of a bundle written for download (bundles.pack, bundles.reply), by the
   * token of its `/media/bundles/<token>.auscult` URL; null when there is none (or it expired).
   */
  bundleDownload(token: string): { readonly path: string; readonly fileName: string } | null;
  /** Resolves when every baseline job has settled. */
  jobsSettled(): Promise<void>;
  /**
   * The same API with its lists over many machines (review.queue, faultLog.list, faultLog.page
   * and the fault-log report) limited to `machineIds`: what a hub answers a user of some plants.
   */
  limitedTo(machineIds: readonly string[]): AuscultApi;
  /**
   * Finalises open recording sessions (as recordings), cancels open imports, waits for jobs,
   * stops the analysis pool if the service created it. The library stays open.
   */
  close(): Promise<void>;
}

function machinesApi(library: LibraryContext): AuscultApi['machines'] {
  const { store } = library;
  return {
    list: () => store.machines.list(),
    get: (machineId) => store.machines.get(machineId),
    async create(profile) {
      return store.machines.get(await store.machines.insert(parseMachineProfile(profile)));
    },
    async update(machineId, profile) {
      await store.machines.updateProfile(machineId, parseMachineProfile(profile));
      return store.machines.get(machineId);
    },
    trend: (machineId) => readMachineTrend(library, machineId),
  };
}

function recordingsApi(
  library: LibraryContext,
  imports: ImportRegistry,
  mediaOrigin: string,
): AuscultApi['recordings'] {
  return {
    list: (machineId) => library.store.recordings.list(machineId),
    verdicts: (machineId) => library.store.diagnoses.latestByMachine(machineId),
    beginImport: (machineId, fileName, sizeBytes, browserDecoded) =>
      imports.begin(machineId, fileName, sizeBytes, browserDecoded ?? undefined),
    appendImport: (importId, chunk) => imports.append(importId, chunk),
    finishImport: (importId) => imports.finish(importId),
    cancelImport: (importId) => imports.cancel(importId),
    audio: (recordingId) => readRecordingAudio(library, recordingId),
    async audioUrl(recordingId) {
      await library.store.recordings.get(recordingId);
      return mediaOrigin + recordingMediaPath(recordingId);
    },
    setCalibration: (recordingId, source) => setRecordingCalibration(library, recordingId, source),
  };
}

function baselinesApi(
  library: LibraryContext,
  jobs: JobRegistry,
  features: FeatureSource,
): AuscultApi['baselines'] {
  return {
    async build(machineId, recordingIds) {
      // Checked before the job starts, so a wrong id fails the call, not a job later.
      const recordings = await recordingsOfMachine(library, machineId, recordingIds);
      return jobs.start<BaselineSummary>((progress) =>
        buildMachineBaseline(library, machineId, recordings, features, progress),
      );
    },
    job: async (jobId) => jobs.status<BaselineSummary>(jobId),
    async spectrum(machineId) {
      await requireMachine(library, machineId);
      const baseline = await library.store.baselines.current(machineId);
      if (!baseline) return null;
      return baselineSpectrumView(baseline.summary.id, baseline.signature.model.spectrum);
    },
  };
}

function faultLogApi(library: LibraryContext, machineIds: MachineFilter): AuscultApi['faultLog'] {
  return {
    list: () => library.store.faultLog.summaries(machineIds),
    page: (request) => faultLogPage(library, request, machineIds),
    add: (diagnosisId, note, recordedBy) =>
      addDiagnosisToFaultLog(library, diagnosisId, note, recordedBy),
    transition: (entryId, toStatus, change) =>
      transitionFaultLogEntry(library, entryId, toStatus, change),
    setArchived: (entryId, archived, by) => setFaultLogArchived(library, entryId, archived, by),
    history: (entryId) => faultLogHistory(library, entryId),
    get: (entryId) => library.store.faultLog.summary(entryId),
  };
}

/** The pool's fallback to the host's thread, logged as the unexpected event it is. */
function poolLog(log: ErrorLogger): (error: Error) => void {
  return (error) => log('analysis workers could not start; analysing in the host thread', error);
}

/** Creates the service over an open library; `close()` it before closing the library. */
export function createAuscultService(
  library: LibraryContext,
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
  const bundles = createBundlesApi(library, options.mediaOrigin ?? '');
  const sessions = createSessions(library, features, { ...options.sessions, log });
  const jobs = createJobRegistry(library.newId, (error) =>
    errorBody(toApiError(error, 'baselines.build', log)),
  );
  const review = reviewApi(library, features, pool);
  const api: AuscultApi = {
    machines: machinesApi(library),
    recordings: recordingsApi(library, imports, options.mediaOrigin ?? ''),
    sessions: sessionsApi(library, sessions),
    review: { ...review, queue: (request) => reviewQueue(library, request, null) },
    faultLog: faultLogApi(library, null),
    baselines: baselinesApi(library, jobs, features),
    bundles: bundles.api,
    verdicts: {
      record: (diagnosisId, verdict) => recordVerdict(library, diagnosisId, verdict),
      list: (diagnosisId) => library.store.verdicts.list(diagnosisId),
      listByMachine: (machineId) => library.store.verdicts.listByMachine(machineId),
    },
    diagnoses: {
      run: (recordingId) => diagnoseRecording(library, recordingId, features),
      save: (recordingId, startSeconds, endSeconds) =>
        saveSelectionDiagnosis(library, features, recordingId, startSeconds, endSeconds),
      list: (recordingId) => library.store.diagnoses.list(recordingId),
    },
    settings: {
      get: () => getSettings(library),
      set: (settings) => setSettings(library, settings),
      micCalibration: (deviceName) => getMicCalibration(library, deviceName),
      micCalibrations: () => listMicCalibrations(library),
      setMicCalibration: (deviceName, fileName, text, sensitivityDbfs) =>
        setMicCalibration(library, deviceName, { fileName, text, sensitivityDbfs }),
      removeMicCalibration: (deviceName) => removeMicCalibration(library, deviceName),
    },
    reports: reportsApi(library, features, null),
    hubLink: options.hubLink ?? hubLinkNotHere(),
  };
  return {
    ...api,
    bundleDownload: (token) => bundles.download(token),
    limitedTo: (machineIds) => ({
      ...api,
      review: { ...review, queue: (request) => reviewQueue(library, request, machineIds) },
      faultLog: faultLogApi(library, machineIds),
      reports: reportsApi(library, features, machineIds),
    }),
    jobsSettled: () => jobs.settled(),
    async close() {
      await sessions.close();
      await imports.close();
      await bundles.close();
      await jobs.settled();
      if (ownsPool) await pool.close();
    },
  };
}
