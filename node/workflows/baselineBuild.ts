/**
 * Building a machine's baseline from recordings in the library (docs/diagnosis.md §2): the same
 * healthy items as `auscult baseline` (whole recordings, or pieces of few ones), with progress.
 */
import type { BaselineSummary, RecordingSummary } from '../../shared/api/contract.ts';
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import { itemSpeedsOf } from '../../shared/diagnosis/baseline/speedModel.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import type {
  BaselineSignature,
  BaselineSource,
} from '../../shared/diagnosis/baseline/signature.ts';
import { ANALYSIS } from '../../shared/diagnosis/features/settings.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import { pieceCount, pieceRanges } from '../diagnosis/healthyItems.ts';
import { InputError } from '../diagnosis/inputError.ts';
import { NotFoundError } from '../store/errors.ts';
import type { LibraryContext } from './context.ts';
import { recordingFeatures } from './features.ts';
import { recordingSpeeds } from './speeds.ts';
import type { FeatureSource } from './features.ts';

/**
 * The recordings `ids` of the machine, in order, from one listing of the machine. Rejects with
 * RangeError for an empty or repeating list, NotFoundError for an unknown machine, an unknown id
 * or a recording of another machine.
 */
export async function recordingsOfMachine(
  library: LibraryContext,
  machineId: string,
  ids: readonly string[],
): Promise<RecordingSummary[]> {
  if (ids.length === 0) throw new RangeError('recordingIds must name at least one recording');
  if (new Set(ids).size !== ids.length) throw new RangeError('recordingIds has duplicates');
  const byId = new Map((await library.store.recordings.list(machineId)).map((r) => [r.id, r]));
  return ids.map((id) => {
    const recording = byId.get(id);
    if (!recording) {
      throw new NotFoundError('recording', id, `machine "${machineId}" has no recording "${id}"`);
    }
    return recording;
  });
}

/** Features of a recording, or of a range of its frames. */
export type RecordingFeaturesOf = (
  recording: RecordingSummary,
  range: FrameRange,
) => Promise<RecordingFeatures>;

/** Shaft speeds of a whole recording estimated from its sound. */
export type RecordingSpeedsOf = (recording: RecordingSummary) => Promise<ShaftSpeedEstimate[]>;

/**
 * The baseline signature of `recordings` with `profile`, their features from `featuresOf`.
 * Fewer than four recordings are cut into pieces (see pieceCount). `onProgress` receives
 * 0..0.95 as features are computed. With `speedsOf`, recordings at several speeds make a
 * baseline over several speeds. Rejects with InputError when the audio is too short.
 */
export async function computeBaselineSignature(
  recordings: readonly RecordingSummary[],
  profile: MachineProfile,
  featuresOf: RecordingFeaturesOf,
  onProgress: (fraction: number) => void = () => undefined,
  speedsOf?: RecordingSpeedsOf,
): Promise<BaselineSignature> {
  const plan = recordings.map((recording) => {
    const frameCount = Math.round(recording.durationSeconds * recording.sampleRateHz);
    const pieces = pieceCount(frameCount, recording.sampleRateHz, recordings.length);
    return { recording, ranges: pieceRanges(0, frameCount, pieces) };
  });
  const total = plan.reduce((sum, p) => sum + p.ranges.length, 0);
  const items: RecordingFeatures[] = [];
  const groups: number[] = [];
  const recordingOfItem: number[] = [];
  for (const [index, { recording, ranges }] of plan.entries()) {
    for (const range of ranges) {
      items.push(await featuresOf(recording, range));
      recordingOfItem.push(index);
      // One recording: every piece is left out on its own during calibration.
      groups.push(recordings.length === 1 ? groups.length : index);
      onProgress((0.95 * items.length) / total);
    }
  }
  if (new Set(groups).size < 2) {
    throw new InputError(
      `a baseline needs at least two healthy recordings or one of at least ${2 * ANALYSIS.minDurationSeconds} s; "${recordings[0].name}" is shorter`,
      'baseline-needs-more',
      { minSeconds: 2 * ANALYSIS.minDurationSeconds },
    );
  }
  const sources: BaselineSource[] = recordings.map((r) => ({
    name: r.name,
    sampleRateHz: r.sampleRateHz,
    durationSeconds: Math.round(r.durationSeconds * 1000) / 1000,
  }));
  let speeds;
  if (speedsOf) {
    const estimates = [];
    for (const recording of recordings) estimates.push(await speedsOf(recording));
    speeds = itemSpeedsOf(profile, estimates, recordingOfItem);
  }
  return buildBaselineSignature(items, groups, { profile, sources, speeds });
}

/**
 * Builds and stores the machine's new baseline from its `recordings` (healthy, by the user's
 * word; see recordingsOfMachine), with the machine's current profile; it becomes the current
 * baseline. `onProgress` receives 0..1. Rejects with InputError when the audio is too short.
 */
export async function buildMachineBaseline(
  library: LibraryContext,
  machineId: string,
  recordings: readonly RecordingSummary[],
  source: FeatureSource,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<BaselineSummary> {
  const profile = await library.store.machines.profile(machineId);
  const signature = await computeBaselineSignature(
    recordings,
    profile,
    (recording, range) => recordingFeatures(library, recording, source, range),
    onProgress,
    (recording) => recordingSpeeds(library, recording, profile, source),
  );
  const summary = await library.store.baselines.insert(
    machineId,
    signature,
    recordings.map((r) => r.id),
  );
  onProgress(1);
  return summary;
}
