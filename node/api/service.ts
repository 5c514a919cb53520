/**
 * The one implementation of AuscultApi (DESIGN.md §1 "One API, two hosts"), over a library.
 * Hosts call it through `dispatch`, which validates arguments and maps errors.
 */
import { open } from 'node:fs/promises';
import type { AuscultApi, BaselineSummary } from '../../shared/api/contract.ts';
import { InputError } from '../diagnosis/inputError.ts';
import {
  buildMachineBaseline,
  inlineFeatureSource,
  recordingsOfMachine,
} from '../library/baselineBuild.ts';
import type { FeatureSource } from '../library/baselineBuild.ts';
import { currentBaseline } from '../library/baselines.ts';
import { diagnoseRecording } from '../library/diagnoseRecording.ts';
import { listDiagnoses } from '../library/diagnoses.ts';
import type { Library } from '../library/library.ts';
import {
  assertMachineExists,
  getMachine,
  insertMachine,
  listMachines,
  updateMachineProfile,
} from '../library/machines.ts';
import { getRecording, listRecordings } from '../library/recordings.ts';
import { getSettings, setSettings } from '../library/settings.ts';
import { parseMachineProfile } from '../../shared/diagnosis/profile.ts';
import { consoleLogger, toApiError } from './errors.ts';
import type { ErrorLogger } from './errors.ts';
import { createFeatureThread } from './featureThread.ts';
import { createImportRegistry } from './imports.ts';
import { createJobRegistry } from './jobs.ts';
import { baselineSpectrumView } from './spectrumView.ts';

/** recordings.audio sends the whole file in one ArrayBuffer: 2 GiB at most. */
export const MAX_AUDIO_BYTES = 2 * 1024 ** 3;

export interface AuscultServiceOptions {
  /** 'thread' (default): features in a worker thread; 'inline': in the calling thread. */
  readonly features?: 'thread' | 'inline';
  /** Where unexpected errors of jobs are logged; default console.error. */
  readonly log?: ErrorLogger;
}

export interface AuscultService extends AuscultApi {
  /** Resolves when every baseline job has settled. */
  jobsSettled(): Promise<void>;
  /** Cancels open imports and stops the feature thread. The library stays open. */
  close(): Promise<void>;
}

async function readWholeFile(path: string, name: string): Promise<ArrayBuffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_AUDIO_BYTES) {
      throw new InputError(`recording "${name}" is too large to send whole (${size} bytes)`);
    }
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return bytes.buffer.slice(0, filled);
  } finally {
    await handle.close();
  }
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
  const jobs = createJobRegistry(
    library.newId,
    (error) => toApiError(error, 'baselines.build', log).message,
  );

  return {
    machines: {
      list: async () => listMachines(library),
      get: async (machineId) => getMachine(library, machineId),
      async create(profile) {
        const id = insertMachine(library, parseMachineProfile(profile));
        return getMachine(library, id);
      },
      async update(machineId, profile) {
        updateMachineProfile(library, machineId, parseMachineProfile(profile));
        return getMachine(library, machineId);
      },
    },
    recordings: {
      list: async (machineId) => listRecordings(library, machineId),
      beginImport: (machineId, fileName, sizeBytes) =>
        imports.begin(machineId, fileName, sizeBytes),
      appendImport: (importId, chunk) => imports.append(importId, chunk),
      finishImport: (importId) => imports.finish(importId),
      cancelImport: (importId) => imports.cancel(importId),
      async audio(recordingId) {
        const recording = getRecording(library, recordingId);
        return readWholeFile(library.recordingPath(recording.id), recording.name);
      },
    },
    baselines: {
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
    },
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
      await imports.close();
      await jobs.settled();
      await thread?.close();
    },
  };
}
