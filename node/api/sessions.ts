/**
 * The sessions domain of the API: live recordings written to disk as they arrive
 * (node/recording), each diagnosed on Stop against its machine's current baseline.
 */
import type { AuscultApi, RecordingSummary, StoredDiagnosis } from '../../shared/api/contract.ts';
import { isTooShortToAnalyse } from '../../shared/api/recordingNotices.ts';
import { DATABASE_PAGE_BYTES, needingSpace } from '../files/diskFull.ts';
import type { LibraryContext } from '../workflows/context.ts';
import { diagnoseRecording } from '../workflows/diagnose.ts';
import { getMicCalibration } from '../workflows/micCalibrations.ts';
import type { FeatureSource } from '../workflows/features.ts';
import { createSessionRegistry } from '../recording/sessionRegistry.ts';
import type { SessionRegistry, SessionRegistryOptions } from '../recording/sessionRegistry.ts';

/**
 * The stored diagnosis of a new recording against its machine's current baseline; null when the
 * machine has no baseline yet or the recording is shorter than the analysis needs (0.5 s).
 */
export async function diagnoseNewRecording(
  library: LibraryContext,
  features: FeatureSource,
  recording: RecordingSummary,
): Promise<StoredDiagnosis | null> {
  if (isTooShortToAnalyse(recording.durationSeconds)) return null;
  if ((await library.store.baselines.currentSummary(recording.machineId)) === null) return null;
  return diagnoseRecording(library, recording, features);
}

/** The open sessions of a service; close them with the service. */
export function createSessions(
  library: LibraryContext,
  features: FeatureSource,
  options: Omit<SessionRegistryOptions, 'diagnose'> = {},
): SessionRegistry {
  return createSessionRegistry(library, {
    ...options,
    diagnose: (recording) => diagnoseNewRecording(library, features, recording),
  });
}

export function sessionsApi(
  library: LibraryContext,
  sessions: SessionRegistry,
): AuscultApi['sessions'] {
  return {
    start: async (machineId, sampleRateHz, deviceName) =>
      sessions.start(
        machineId,
        sampleRateHz,
        deviceName === undefined ? null : await getMicCalibration(library, deviceName),
      ),
    append: (sessionId, chunk) =>
      needingSpace(chunk.byteLength, () => sessions.append(sessionId, chunk)),
    // Finalising writes the header, the row and the diagnosis (which says its own size).
    stop: (sessionId) => needingSpace(DATABASE_PAGE_BYTES, () => sessions.stop(sessionId)),
  };
}
