/**
 * Healthy feature sets for a baseline from WAV files (docs/diagnosis.md §2): one item per
 * recording when there are enough of them, else each recording cut into equal pieces.
 */
import { basename } from 'node:path';
import type { BaselineSource } from '../../shared/diagnosis/baseline/signature.ts';
import { ANALYSIS } from '../../shared/diagnosis/features/settings.ts';
import type { RecordingFeatures } from '../../shared/diagnosis/features/types.ts';
import type { MachineProfile } from '../../shared/diagnosis/profile.ts';
import type { ShaftSpeedEstimate } from '../../shared/diagnosis/speed/estimate.ts';
import { createInlineAnalysisPool } from '../analysis/analysisPool.ts';
import type { AnalysisPool } from '../analysis/analysisPool.ts';
import { extractStretch, withRecording, withWavPath } from './featuresFromFile.ts';
import type { FrameRange } from './featuresFromFile.ts';
import { InputError, recordingInputError } from './inputError.ts';

/** With fewer recordings than this, each is cut into pieces. */
export const MIN_WHOLE_RECORDINGS = 4;
/** Pieces are cut so that the baseline has at least this many items. */
export const MIN_ITEMS = 6;

/** The arguments of `buildBaselineSignature`. */
export interface HealthyItems {
  readonly items: RecordingFeatures[];
  /** Pieces of one recording share a group, except when there is a single recording. */
  readonly groups: number[];
  /** One per recording (segment), file name only. */
  readonly sources: BaselineSource[];
  /** The segment each item was cut from (`groups` differs for a single recording). */
  readonly segmentOfItem: number[];
  /** Per segment, its shafts' speeds estimated from its sound (none without a profile). */
  readonly speedEstimates: ShaftSpeedEstimate[][];
  /** The reader's remarks on the files (e.g. a cut-off data chunk), naming the file. */
  readonly warnings: string[];
}

/** A healthy recording, or a stretch of one. */
export interface HealthySegment extends FrameRange {
  readonly path: string;
}

/** Equal pieces of [start, start + count): `pieces` of them, the last one taking the remainder. */
export function pieceRanges(
  startFrame: number,
  frameCount: number,
  pieces: number,
): Required<FrameRange>[] {
  const size = Math.floor(frameCount / pieces);
  return Array.from({ length: pieces }, (_, i) => ({
    startFrame: startFrame + i * size,
    frameCount: i === pieces - 1 ? frameCount - i * size : size,
  }));
}

/**
 * How many pieces to cut a segment of `frameCount` frames at `sampleRateHz` into when
 * `segmentCount` segments are given: ceil(MIN_ITEMS / segmentCount) below MIN_WHOLE_RECORDINGS
 * segments (≥ 1 s each for a recording of 6 s or more), but never pieces shorter than the
 * extractor's minimum (0.5 s); else 1.
 */
export function pieceCount(frameCount: number, sampleRateHz: number, segmentCount: number): number {
  if (segmentCount >= MIN_WHOLE_RECORDINGS) return 1;
  const wanted = Math.ceil(MIN_ITEMS / segmentCount);
  const possible = Math.floor(frameCount / Math.ceil(ANALYSIS.minDurationSeconds * sampleRateHz));
  return Math.max(1, Math.min(wanted, possible));
}

interface SegmentWork {
  readonly segmentCount: number;
  readonly pool: AnalysisPool;
  /** The profile whose shafts' speeds are estimated, or null. */
  readonly profile: MachineProfile | null;
}

async function segmentItems(segment: HealthySegment, work: SegmentWork) {
  // A phone recording is decoded to a temporary WAV first; names stay the segment's path.
  return withWavPath(segment.path, (wavPath) => wavSegmentItems(segment, wavPath, work));
}

async function wavSegmentItems(segment: HealthySegment, wavPath: string, work: SegmentWork) {
  const { segmentCount, pool, profile } = work;
  const info = await withRecording(wavPath, async (reader) => reader.info);
  const startFrame = segment.startFrame ?? 0;
  const frameCount = segment.frameCount ?? info.frameCount - startFrame;
  const durationSeconds = frameCount / info.sampleRateHz;
  const pieces = pieceCount(frameCount, info.sampleRateHz, segmentCount);
  // The pieces and the speed estimate queue on the pool together, so its workers share them;
  // the speed is read from the same (decoded) file, not decoded again.
  const stretch = { startFrame, endFrame: startFrame + frameCount };
  const [items, speeds] = await Promise.all([
    Promise.all(
      pieceRanges(startFrame, frameCount, pieces).map((range) =>
        extractStretch(wavPath, info, range, pool),
      ),
    ),
    profile && profile.shafts.length > 0
      ? pool.run('speeds', wavPath, [stretch], { profile }).then(([estimates]) => estimates)
      : Promise.resolve([]),
  ]).catch((error: unknown) => {
    throw recordingInputError(error, wavPath);
  });
  const source: BaselineSource = {
    name: basename(segment.path),
    sampleRateHz: info.sampleRateHz,
    durationSeconds: Math.round(durationSeconds * 1000) / 1000,
  };
  const warnings = info.warnings.map((w) => `"${segment.path}": ${w}`);
  return { items, source, warnings, speeds };
}

/**
 * Healthy items from stretches of WAV files, read one after another, analysed on `pool`
 * (default: in this thread), with each segment's shaft speeds estimated from its sound when a
 * `profile` with shafts is given. Rejects with InputError
 * for an unreadable file, a stretch too short, or too little audio to calibrate a threshold
 * (a single recording shorter than 1 s).
 */
export async function healthyItemsFromSegments(
  segments: readonly HealthySegment[],
  pool: AnalysisPool = createInlineAnalysisPool(),
  profile: MachineProfile | null = null,
): Promise<HealthyItems> {
  if (segments.length === 0) throw new RangeError('healthyItemsFromSegments: no recordings');
  const result: HealthyItems = {
    items: [],
    groups: [],
    sources: [],
    segmentOfItem: [],
    speedEstimates: [],
    warnings: [],
  };
  const work = { segmentCount: segments.length, pool, profile };
  for (const [index, segment] of segments.entries()) {
    const { items, source, warnings, speeds } = await segmentItems(segment, work);
    result.warnings.push(...warnings);
    result.speedEstimates.push(speeds);
    for (const item of items) {
      result.items.push(item);
      result.segmentOfItem.push(index);
      // One recording: every piece is left out on its own during calibration.
      result.groups.push(segments.length === 1 ? result.groups.length : index);
    }
    result.sources.push(source);
  }
  if (new Set(result.groups).size < 2) {
    throw new InputError(
      `a baseline needs at least two healthy recordings or one of at least ${2 * ANALYSIS.minDurationSeconds} s; "${segments[0].path}" is shorter`,
      'baseline-needs-more',
      { minSeconds: 2 * ANALYSIS.minDurationSeconds },
    );
  }
  return result;
}

/** Healthy items from whole WAV files (see healthyItemsFromSegments). */
export function healthyItemsFromFiles(
  paths: readonly string[],
  pool?: AnalysisPool,
): Promise<HealthyItems> {
  return healthyItemsFromSegments(
    paths.map((path) => ({ path })),
    pool,
  );
}
