import { useCallback } from 'react';
import type { AuscultApi, MachineSummary, RecordingSummary } from '../../../shared/api/contract.ts';
import { useApi } from '../../api/ApiContext.tsx';
import { useLoad } from '../../hooks/useLoad.ts';
import type { Loaded } from '../../hooks/useLoad.ts';
import { peakCount } from './overviewSizes.ts';

/** What the Review page needs before it can draw: the recording, its waveform peaks, its URL. */
export interface ReviewSource {
  readonly recording: RecordingSummary;
  readonly machine: MachineSummary;
  readonly peaks: readonly number[];
  readonly audioUrl: string;
}

/** The recording of that id and its machine, or null when no machine holds it. */
export async function findRecording(
  api: AuscultApi,
  recordingId: string,
): Promise<{ recording: RecordingSummary; machine: MachineSummary } | null> {
  const machines = await api.machines.list();
  const lists = await Promise.all(machines.map((m) => api.recordings.list(m.id)));
  for (const [i, recordings] of lists.entries()) {
    const recording = recordings.find((r) => r.id === recordingId);
    if (recording) return { recording, machine: machines[i] };
  }
  return findReviewRecording(api, recordingId);
}

/**
 * A recording of a read-only review (a bundle opened here), whose machine is not among the
 * user's machines; null when none holds it (or the host does not offer reviews to this user).
 */
async function findReviewRecording(
  api: AuscultApi,
  recordingId: string,
): Promise<{ recording: RecordingSummary; machine: MachineSummary } | null> {
  const reviews = await api.bundles.reviews().catch(() => []);
  const review = reviews.find((r) => r.adoptedAt === null && r.recordingIds.includes(recordingId));
  if (!review) return null;
  const recording = (await api.recordings.list(review.machineId)).find((r) => r.id === recordingId);
  return recording ? { recording, machine: await api.machines.get(review.machineId) } : null;
}

/** Loads the recording (null data after loading: no such recording) with peaks and URL. */
export function useReviewSource(recordingId: string): Loaded<ReviewSource | null> {
  const api = useApi();
  const load = useCallback(async (): Promise<ReviewSource | null> => {
    const found = await findRecording(api, recordingId);
    if (!found) return null;
    const count = peakCount(found.recording.durationSeconds);
    const [peaks, audioUrl] = await Promise.all([
      api.review.peaks(recordingId, count),
      api.recordings.audioUrl(recordingId),
    ]);
    return { ...found, peaks: peaks.peaks, audioUrl };
  }, [api, recordingId]);
  return useLoad(load);
}
