/**
 * Building a machine's baseline from recordings in the library (docs/diagnosis.md §2): the same
 * healthy items as `auscult baseline` (whole recordings, or pieces of few ones), with progress.
 */
import type { BaselineSummary, RecordingSummary } from '../../shared/api/contract.ts';
import { buildBaselineSignature } from '../../shared/diagnosis/baseline/signature.ts';
import type {
  BaselineSignature,
  BaselineSource,
} from '../../shared/diagnosis/baseline/signature.ts';
import { enableWasmFft } from '../../shared/dsp/fft.ts';
import { ANALYSIS } from '../../shared/diagnosis/features/settings.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import { extractFileFeatures } from '../diagnosis/featuresFromFile.ts';
import type { FrameRange } from '../diagnosis/featuresFromFile.ts';
import { pieceCount, pieceRanges } from '../diagnosis/healthyItems.ts';
import { InputError, renameInputError } from '../diagnosis/inputError.ts';
import { insertBaseline } from './baselines.ts';
import { NotFoundError } from './errors.ts';
import type { Library } from './library.ts';
import { getMachineProfile } from './machines.ts';
import { getRecording } from './recordings.ts';

/** Computes recording features; the host may run it in a worker thread (node/api). */
export interface FeatureSource {
  /** Features of the WAV file at `path` (or a stretch). Rejects with InputError naming `path`. */
  features(path: string, range?: FrameRange): Promise<RecordingFeatures>;
}

/**
 * Features computed in this thread; reading the file block by block yields between blocks. Uses
 * the WASM FFT where it loads, as the CLI does, so both compute the same features for a file.
 */
export const inlineFeatureSource: FeatureSource = {
  async features(path, range) {
    await enableWasmFft();
    return (await extractFileFeatures(path, range)).features;
  },
};

/**
 * Features of a library recording; an InputError names the recording as the user knows it,
 * never its path inside the library.
 */
export async function recordingFeatures(
  library: Library,
  recording: RecordingSummary,
  source: FeatureSource,
  range?: FrameRange,
): Promise<RecordingFeatures> {
  const path = library.recordingPath(recording.id);
  try {
    return await source.features(path, range);
  } catch (error) {
    if (error instanceof InputError) {
      throw renameInputError(error, path, recording.name);
    }
    throw error;
  }
}

/**
 * The recordings `ids` of the machine, in order. Throws RangeError for an empty or repeating
 * list, NotFoundError for an unknown id or a recording of another machine.
 */
export function recordingsOfMachine(
  library: Library,
  machineId: string,
  ids: readonly string[],
): RecordingSummary[] {
  if (ids.length === 0) throw new RangeError('recordingIds must name at least one recording');
  if (new Set(ids).size !== ids.length) throw new RangeError('recordingIds has duplicates');
  return ids.map((id) => {
    const recording = getRecording(library, id);
    if (recording.machineId !== machineId) {
      throw new NotFoundError('recording', id, `machine "${machineId}" has no recording "${id}"`);
    }
    return recording;
  });
}

/**
 * The baseline signature of `recordings` (whose files are in the library) with `profile`. Fewer
 * than four recordings are cut into pieces (see pieceCount). `onProgress` receives 0..0.95 as
 * features are computed. Rejects with InputError when the audio is too short for a baseline.
 */
export async function computeBaselineSignature(
  library: Library,
  recordings: readonly RecordingSummary[],
  profile: MachineProfile,
  source: FeatureSource,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<BaselineSignature> {
  const plan = recordings.map((recording) => {
    const frameCount = Math.round(recording.durationSeconds * recording.sampleRateHz);
    const pieces = pieceCount(frameCount, recording.sampleRateHz, recordings.length);
    return { recording, ranges: pieceRanges(0, frameCount, pieces) };
  });
  const total = plan.reduce((sum, p) => sum + p.ranges.length, 0);
  const items: RecordingFeatures[] = [];
  const groups: number[] = [];
  for (const [index, { recording, ranges }] of plan.entries()) {
    for (const range of ranges) {
      items.push(await recordingFeatures(library, recording, source, range));
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
  return buildBaselineSignature(items, groups, { profile, sources });
}

/**
 * Builds and stores the machine's new baseline from its recordings `recordingIds` (healthy, by
 * the user's word), with the machine's current profile; it becomes the current baseline.
 * `onProgress` receives 0..1. Rejects with NotFoundError for an unknown machine or a recording
 * not of this machine, RangeError for an empty or repeating list, InputError when the audio is
 * too short for a baseline.
 */
export async function buildMachineBaseline(
  library: Library,
  machineId: string,
  recordingIds: readonly string[],
  source: FeatureSource,
  onProgress: (fraction: number) => void = () => undefined,
): Promise<BaselineSummary> {
  const profile = getMachineProfile(library, machineId);
  const recordings = recordingsOfMachine(library, machineId, recordingIds);
  const signature = await computeBaselineSignature(
    library,
    recordings,
    profile,
    source,
    onProgress,
  );
  const summary = insertBaseline(library, machineId, signature, recordingIds);
  onProgress(1);
  return summary;
}
